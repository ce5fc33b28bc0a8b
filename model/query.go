package model

import "strings"

// Filter narrows a pairing to the points a reader wants to see. Empty
// fields do not filter. A point passes when it speaks to any of the themes,
// carries any of the tags, and its title or summary holds the search text
// (case-insensitive).
type Filter struct {
	Themes []string
	Tags   []Tag
	Search string
}

// Active reports whether the filter narrows anything.
func (f Filter) Active() bool {
	return len(f.Themes) > 0 || len(f.Tags) > 0 || strings.TrimSpace(f.Search) != ""
}

// matcher is a filter prepared for repeated use.
type matcher struct {
	themes map[string]bool
	tags   map[Tag]bool
	search string
}

func (f Filter) matcher() matcher {
	m := matcher{search: strings.ToLower(strings.TrimSpace(f.Search))}
	if len(f.Themes) > 0 {
		m.themes = make(map[string]bool, len(f.Themes))
		for _, t := range f.Themes {
			m.themes[t] = true
		}
	}
	if len(f.Tags) > 0 {
		m.tags = make(map[Tag]bool, len(f.Tags))
		for _, t := range f.Tags {
			m.tags[t] = true
		}
	}
	return m
}

func (m matcher) match(pt *Point, tag Tag) bool {
	if m.tags != nil && !m.tags[tag] {
		return false
	}
	if m.themes != nil {
		ok := false
		for _, t := range pt.Themes {
			if m.themes[t] {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	if m.search != "" {
		return containsFold(pt.Title, m.search) || containsFold(pt.Summary, m.search)
	}
	return true
}

// containsFold reports whether s holds the lower-case needle, ignoring case.
func containsFold(s, lowerNeedle string) bool {
	return strings.Contains(strings.ToLower(s), lowerNeedle)
}

// Visible returns the indexes of the points on the side that pass the filter.
func (p *Pairing) Visible(s Side, f Filter) []int {
	m := f.matcher()
	pts := p.Plan(s).Points
	out := make([]int, 0, len(pts))
	for i := range pts {
		if m.match(&pts[i], p.Tag(s, i)) {
			out = append(out, i)
		}
	}
	return out
}

// Counts holds how many points carry each tag.
type Counts struct {
	Agree    int `json:"agree"`
	Partial  int `json:"partial"`
	Conflict int `json:"conflict"`
	None     int `json:"none"`
	Related  int `json:"related"`
}

// Of returns the count for one tag.
func (c Counts) Of(t Tag) int {
	switch t {
	case Agree:
		return c.Agree
	case Partial:
		return c.Partial
	case Conflict:
		return c.Conflict
	case Related:
		return c.Related
	}
	return c.None
}

// Total returns the number of points counted.
func (c Counts) Total() int { return c.Agree + c.Partial + c.Conflict + c.None + c.Related }

func (c *Counts) add(t Tag) {
	switch t {
	case Agree:
		c.Agree++
	case Partial:
		c.Partial++
	case Conflict:
		c.Conflict++
	case Related:
		c.Related++
	default:
		c.None++
	}
}

// Count returns the tag counts of the given point indexes on the side.
func (p *Pairing) Count(s Side, indexes []int) Counts {
	var c Counts
	for _, i := range indexes {
		c.add(p.Tag(s, i))
	}
	return c
}
