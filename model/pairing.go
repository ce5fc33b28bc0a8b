package model

import "strings"

// PairLink is one link seen from a point: the counterpart's number in the
// other plan, the link's own tag and its note.
type PairLink struct {
	N    int
	Tag  Tag
	Note string
}

// Pairing is two plans opened side by side. Each point has its links to the
// other plan and a derived tag. A pairing without a curated comparison links
// points that share a theme with the tag Related.
type Pairing struct {
	Left, Right *Plan
	Comparison  *Comparison // nil when the pair was not assessed

	links     [2][][]PairLink // by side, by point index
	tags      [2][]Tag
	unmatched [2]map[int]string
}

// Plan returns the plan on the side.
func (p *Pairing) Plan(s Side) *Plan {
	if s == Right {
		return p.Right
	}
	return p.Left
}

// Assessed reports whether a curated comparison backs the pairing.
func (p *Pairing) Assessed() bool { return p.Comparison != nil }

// Links returns the links of the point at index i (not number) on the side.
func (p *Pairing) Links(s Side, i int) []PairLink {
	if i < 0 || i >= len(p.links[s]) {
		return nil
	}
	return p.links[s][i]
}

// Tag returns the derived tag of the point at index i on the side.
func (p *Pairing) Tag(s Side, i int) Tag {
	if i < 0 || i >= len(p.tags[s]) {
		return None
	}
	return p.tags[s][i]
}

// UnmatchedNote returns the comparison's note on why point number n on the
// side has no counterpart, or "".
func (p *Pairing) UnmatchedNote(s Side, n int) string { return p.unmatched[s][n] }

// IndexOf returns the index of point number n on the side, or -1.
func (p *Pairing) IndexOf(s Side, n int) int {
	pts := p.Plan(s).Points
	if n >= 1 && n <= len(pts) && pts[n-1].N == n {
		return n - 1
	}
	for i := range pts {
		if pts[i].N == n {
			return i
		}
	}
	return -1
}

// Swapped returns the same pairing with left and right exchanged.
func (p *Pairing) Swapped() *Pairing {
	return &Pairing{
		Left: p.Right, Right: p.Left, Comparison: p.Comparison,
		links:     [2][][]PairLink{p.links[Right], p.links[Left]},
		tags:      [2][]Tag{p.tags[Right], p.tags[Left]},
		unmatched: [2]map[int]string{p.unmatched[Right], p.unmatched[Left]},
	}
}

func newPairing(left, right *Plan, c *Comparison, swapped bool) *Pairing {
	p := &Pairing{Left: left, Right: right, Comparison: c}
	p.alloc()
	ls, rs := Left, Right
	if swapped {
		ls, rs = Right, Left
	}
	for _, l := range c.Links {
		li, ri := p.IndexOf(ls, l.Left), p.IndexOf(rs, l.Right)
		if li < 0 || ri < 0 {
			continue // the loader rejects such links; be safe with hand-built values
		}
		p.links[ls][li] = append(p.links[ls][li], PairLink{N: l.Right, Tag: l.Tag, Note: l.Note})
		p.links[rs][ri] = append(p.links[rs][ri], PairLink{N: l.Left, Tag: l.Tag, Note: l.Note})
	}
	for _, u := range c.Unmatched {
		s := u.Side
		if swapped {
			s = s.Other()
		}
		p.unmatched[s][u.N] = u.Note
	}
	p.derive()
	return p
}

func newRelatedPairing(left, right *Plan) *Pairing {
	p := &Pairing{Left: left, Right: right}
	p.alloc()
	byTheme := map[string][]int{} // theme id → right point indexes
	for i, pt := range right.Points {
		for _, t := range pt.Themes {
			byTheme[t] = append(byTheme[t], i)
		}
	}
	for li, lpt := range left.Points {
		shared := map[int][]string{}
		for _, t := range lpt.Themes {
			for _, ri := range byTheme[t] {
				shared[ri] = append(shared[ri], t)
			}
		}
		idx := make(map[int]bool, len(shared))
		for ri := range shared {
			idx[ri] = true
		}
		for _, ri := range sortedKeys(idx) {
			note := "Not assessed: both points are on " + strings.Join(shared[ri], ", ") + "."
			rpt := right.Points[ri]
			p.links[Left][li] = append(p.links[Left][li], PairLink{N: rpt.N, Tag: Related, Note: note})
			p.links[Right][ri] = append(p.links[Right][ri], PairLink{N: lpt.N, Tag: Related, Note: note})
		}
	}
	p.derive()
	return p
}

func (p *Pairing) alloc() {
	for s, plan := range []*Plan{p.Left, p.Right} {
		p.links[s] = make([][]PairLink, len(plan.Points))
		p.tags[s] = make([]Tag, len(plan.Points))
		p.unmatched[s] = map[int]string{}
	}
}

func (p *Pairing) derive() {
	for s := range p.links {
		for i, ls := range p.links[s] {
			p.tags[s][i] = DeriveTag(ls)
		}
	}
}
