package tui

import (
	"fmt"
	"slices"
	"strings"

	"peacecmp/model"
)

// detailKey is everything the detail's lines depend on.
type detailKey struct {
	side          model.Side
	point         int
	w             int
	version       int
	stylesVersion int
}

// detailCache keeps the last detail built; it sits behind a pointer so
// that View can fill it.
type detailCache struct {
	key   detailKey
	lines []string
	ok    bool
	// The framed box drawn from the lines, for a size and scroll.
	boxKey [4]int
	box    []string
	boxOK  bool
}

// detailLines returns the detail of point index i on side s, wrapped to w
// cells: its summary, themes, quote, source and every link with the
// counterpart's number, title, tag and note.
func (m *Model) detailLines(s model.Side, i, w int) []string {
	key := detailKey{side: s, point: i, w: w, version: m.version, stylesVersion: m.stylesV}
	if c := m.detailBuf; c != nil && c.ok && c.key == key {
		return c.lines
	}
	lines := m.buildDetail(s, i, w)
	if m.detailBuf != nil {
		*m.detailBuf = detailCache{key: key, lines: lines, ok: true}
	}
	return lines
}

func (m *Model) buildDetail(s model.Side, i, w int) []string {
	st, g := &m.styles, m.glyphs
	plan, other := m.pair.Plan(s), m.pair.Plan(s.Other())
	if i < 0 || i >= len(plan.Points) || w <= 0 {
		return []string{st.Faint.Render(truncate("No point selected.", w, ""))}
	}
	pt := plan.Points[i]
	tag := m.pair.Tag(s, i)
	var out []string
	add := func(style func(...string) string, text string, first, rest string) {
		for k, l := range wrapText(text, max(w-width(first), 1)) {
			prefix := rest
			if k == 0 {
				prefix = first
			}
			out = append(out, prefix+style(l))
		}
	}
	plain := func(s ...string) string { return strings.Join(s, "") }

	head := fmt.Sprintf("%s  %s", pt.Ref(plan.ID), tag.Label(g.ASCII))
	out = append(out, st.Heading.Render(truncate(head, w, g.Ellipsis)))
	add(st.Label.Render, model.CleanLine(pt.Title), "", "")
	names := make([]string, len(pt.Themes))
	for k, t := range pt.Themes {
		names[k] = model.CleanLine(m.lib.ThemeName(t))
	}
	add(st.Faint.Render, strings.Join(names, "; "), "Themes: ", "        ")
	out = append(out, "")
	add(plain, model.Clean(pt.Summary), "", "")
	if q := model.CleanLine(pt.Quote); q != "" {
		out = append(out, "")
		add(st.Quote.Render, "“"+q+"”", "Quote: ", "       ")
	}
	if src := model.CleanLine(pt.Source); src != "" {
		add(st.Faint.Render, src, "Source: ", "        ")
	}
	out = append(out, "")

	links := slices.Clone(m.pair.Links(s, i))
	slices.SortStableFunc(links, func(a, b model.PairLink) int { return a.N - b.N })
	otherShort := model.CleanLine(other.Short)
	if len(links) == 0 {
		msg := "No counterpart in " + otherShort + "."
		if !m.pair.Assessed() {
			msg = "No counterpart in " + otherShort + ": none of its points shares a theme with this one (the pair is not assessed)."
		}
		if u := model.Clean(m.pair.UnmatchedNote(s, pt.N)); u != "" {
			msg += " " + u
		}
		add(st.Label.Render, msg, "", "")
		return out
	}
	if !m.pair.Assessed() {
		dash := " — "
		if g.ASCII {
			dash = " - "
		}
		add(st.Notice.Render, "Not assessed"+dash+"related by shared theme. These points share a theme; no one has judged whether they agree.", "", "")
	}
	add(st.Label.Render, fmt.Sprintf("Counterparts in %s (%d):", otherShort, len(links)), "", "")
	otherItems := m.panes[s.Other()].items
	for _, l := range links {
		title := "(missing point)"
		hidden := false
		if op := other.Point(l.N); op != nil {
			title = model.CleanLine(op.Title)
			_, shown := slices.BinarySearch(otherItems, m.pair.IndexOf(s.Other(), l.N))
			hidden = !shown
		}
		line := fmt.Sprintf("%s #%d %s", l.Tag.Label(g.ASCII), l.N, title)
		if hidden {
			line += " (hidden by the filters)"
		}
		for k, seg := range wrapText(line, max(w-5, 1)) {
			if k == 0 {
				out = append(out, padLeft(g.Arrow+" ", 5)+st.Tag(l.Tag).Render(seg))
			} else {
				out = append(out, "     "+seg)
			}
		}
		if note := model.Clean(l.Note); note != "" {
			add(st.Faint.Render, note, "     ", "     ")
		}
	}
	return out
}
