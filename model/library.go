package model

import (
	"fmt"
	"sort"
	"strings"
)

// Library is every theme, plan and comparison that was loaded, with indexes
// for lookups by id.
type Library struct {
	Themes      []Theme
	Plans       []*Plan
	Comparisons []*Comparison

	themeIndex map[string]int
	planIndex  map[string]*Plan
	compIndex  map[[2]string]*Comparison
}

// NewLibrary builds a library and its indexes. Plans keep the given order.
func NewLibrary(themes []Theme, plans []*Plan, comps []*Comparison) *Library {
	l := &Library{Themes: themes, Plans: plans, Comparisons: comps,
		themeIndex: make(map[string]int, len(themes)),
		planIndex:  make(map[string]*Plan, len(plans)),
		compIndex:  make(map[[2]string]*Comparison, len(comps)),
	}
	for i, t := range themes {
		l.themeIndex[t.ID] = i
	}
	for _, p := range plans {
		l.planIndex[p.ID] = p
	}
	for _, c := range comps {
		l.compIndex[[2]string{c.Left, c.Right}] = c
	}
	return l
}

// Plan returns the plan with the id, or nil.
func (l *Library) Plan(id string) *Plan { return l.planIndex[id] }

// Theme returns the theme with the id and whether it exists.
func (l *Library) Theme(id string) (Theme, bool) {
	i, ok := l.themeIndex[id]
	if !ok {
		return Theme{}, false
	}
	return l.Themes[i], true
}

// ThemeName returns the theme's name, or the id itself when unknown.
func (l *Library) ThemeName(id string) string {
	if t, ok := l.Theme(id); ok {
		return t.Name
	}
	return id
}

// PlanIDs returns the ids of every plan, in library order.
func (l *Library) PlanIDs() []string {
	ids := make([]string, len(l.Plans))
	for i, p := range l.Plans {
		ids[i] = p.ID
	}
	return ids
}

// ThemeIDs returns the ids of every theme, in library order.
func (l *Library) ThemeIDs() []string {
	ids := make([]string, len(l.Themes))
	for i, t := range l.Themes {
		ids[i] = t.ID
	}
	return ids
}

// Comparison returns the curated comparison of the two plans in either
// order, and whether it was written the other way round (right as left).
func (l *Library) Comparison(left, right string) (c *Comparison, swapped bool) {
	if c := l.compIndex[[2]string{left, right}]; c != nil {
		return c, false
	}
	if c := l.compIndex[[2]string{right, left}]; c != nil {
		return c, true
	}
	return nil, false
}

// Pair opens two plans side by side, with their curated comparison when
// there is one, and paired by shared theme (Related) otherwise.
func (l *Library) Pair(left, right string) (*Pairing, error) {
	lp, rp := l.Plan(left), l.Plan(right)
	var missing []string
	for _, id := range []string{left, right} {
		if l.Plan(id) == nil {
			missing = append(missing, fmt.Sprintf("%q", id))
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("unknown plan %s (available: %s)", strings.Join(missing, ", "), strings.Join(l.PlanIDs(), ", "))
	}
	if left == right {
		return nil, fmt.Errorf("cannot compare plan %q with itself", left)
	}
	c, swapped := l.Comparison(left, right)
	if c == nil {
		return newRelatedPairing(lp, rp), nil
	}
	return newPairing(lp, rp, c, swapped), nil
}

// ThemeCounts returns, for each theme id, how many points of the plan speak
// to it.
func (p *Plan) ThemeCounts() map[string]int {
	out := map[string]int{}
	for _, pt := range p.Points {
		for _, t := range pt.Themes {
			out[t]++
		}
	}
	return out
}

// sortedKeys returns the keys of a set in ascending order.
func sortedKeys(m map[int]bool) []int {
	out := make([]int, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Ints(out)
	return out
}
