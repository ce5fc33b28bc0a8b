package tui

import (
	"slices"
	"strings"

	"peacecmp/model"
)

// paneLine is one line of a pane: part of a point's title, or its theme
// labels. The text is plain and already cleaned; styles are applied when
// the line is drawn.
type paneLine struct {
	item   int    // index into pane.items
	first  bool   // the first line of the point: it carries the tag and number
	themes bool   // the line of theme labels
	text   string // title part or theme labels
}

// paneContent is what a pane shows: one plan's points with their tags.
type paneContent struct {
	plan    *model.Plan
	tags    []model.Tag // by point index
	version int         // changes whenever the pairing or the filter does
}

// paneLayoutKey is everything the wrapped lines depend on.
type paneLayoutKey struct {
	w       int
	version int
	ascii   bool
}

// paneRenderKey is everything the drawn lines depend on.
type paneRenderKey struct {
	layout         paneLayoutKey
	h, offset, cur int
	focused        bool
	linked         string
	stylesVersion  int
}

// paneCache keeps the last drawn lines of a pane. It sits behind a pointer
// so that View, which has a value receiver, can fill it.
type paneCache struct {
	key   paneRenderKey
	lines []string
	ok    bool
}

// pane is one side's list of points. Like every part of the viewer it has
// no Update of its own: the root model sets its items and size, moves its
// cursor and scroll, and asks it to render.
type pane struct {
	side   model.Side
	items  []int // indexes of the visible points, in plan order
	cursor int   // index into items
	offset int   // first line shown
	w, h   int   // inside the frame

	content paneContent
	lines   []paneLine
	starts  []int // first line of each item; len(items)+1 entries
	numW    int   // cells of the widest "N."
	compact bool  // tag shown as a symbol only
	key     paneLayoutKey
	ascii   bool
	cache   *paneCache
}

func newPane(side model.Side, ascii bool) pane {
	return pane{side: side, ascii: ascii, cache: &paneCache{}}
}

// SetSize sets the size inside the frame.
func (p *pane) SetSize(w, h int) {
	p.w, p.h = max(w, 0), max(h, 0)
	p.layout()
}

// SetContent sets the plan, tags and visible points. The cursor stays on the
// same point when it is still visible, else on the nearest one after it.
func (p *pane) SetContent(c paneContent, items []int) {
	sel := p.Selected()
	p.content = c
	p.items = items
	p.cursor = 0
	if sel >= 0 {
		i, _ := slices.BinarySearch(items, sel)
		p.cursor = clamp(i, 0, max(len(items)-1, 0))
	}
	p.layout()
}

// Selected returns the point index under the cursor, or -1 when the pane
// is empty.
func (p *pane) Selected() int {
	if p.cursor < 0 || p.cursor >= len(p.items) {
		return -1
	}
	return p.items[p.cursor]
}

// Select puts the cursor on the point index; it reports whether the point
// is visible.
func (p *pane) Select(point int) bool {
	i, ok := slices.BinarySearch(p.items, point)
	if ok {
		p.cursor = i
	}
	return ok
}

// layout wraps every point into lines when the width or content changed.
func (p *pane) layout() {
	if p.content.plan == nil {
		return
	}
	ascii := p.ascii
	key := paneLayoutKey{w: p.w, version: p.content.version, ascii: ascii}
	if key == p.key && p.starts != nil {
		return
	}
	p.key = key
	p.lines = p.lines[:0:0]
	p.starts = make([]int, 0, len(p.items)+1)
	plan := p.content.plan
	maxN := 1
	for _, i := range p.items {
		maxN = max(maxN, plan.Points[i].N)
	}
	p.numW = len(itoa(maxN)) + 1
	titleCol, full := p.columns()
	p.compact = !full
	tw := max(p.w-titleCol-1, 1) // one cell of margin before the frame
	sep, ell := " · ", "…"
	if ascii {
		sep, ell = ", ", "..."
	}
	for k, i := range p.items {
		p.starts = append(p.starts, len(p.lines))
		pt := plan.Points[i]
		for j, seg := range wrapText(model.CleanLine(pt.Title), tw) {
			p.lines = append(p.lines, paneLine{item: k, first: j == 0, text: seg})
		}
		themes := model.CleanLine(strings.Join(pt.Themes, sep))
		switch {
		case p.compact: // the tag's word goes on this line
			p.lines = append(p.lines, paneLine{item: k, themes: true, text: truncate(themes, tw-tagW-1, ell)})
		case tw >= 6 && themes != "":
			p.lines = append(p.lines, paneLine{item: k, themes: true, text: truncate(themes, tw, ell)})
		}
	}
	p.starts = append(p.starts, len(p.lines))
	p.clampOffset()
}

// tagW is the width of the widest tag label, "✗ conflict".
const tagW = 10

// minTitleW is the narrowest title column that the tag column may leave.
const minTitleW = 30

// columns returns the column where titles start, and whether the tag has a
// column of its own before the number. In narrow panes it does not: the
// tag (symbol and word) starts the line of theme labels instead.
func (p *pane) columns() (titleCol int, full bool) {
	full = p.w-(2+tagW+1+p.numW+1) >= minTitleW
	if full {
		return 2 + tagW + 1 + p.numW + 1, true
	}
	return 2 + p.numW + 1, false
}

// itemLines returns the first and one-past-last line of item k.
func (p *pane) itemLines(k int) (int, int) {
	if k < 0 || k+1 >= len(p.starts) {
		return 0, 0
	}
	return p.starts[k], p.starts[k+1]
}

func (p *pane) maxOffset() int { return max(len(p.lines)-p.h, 0) }

func (p *pane) clampOffset() { p.offset = clamp(p.offset, 0, p.maxOffset()) }

// EnsureCursorVisible scrolls so that the selected point is in view (its
// first line at least, when it is taller than the pane).
func (p *pane) EnsureCursorVisible() {
	if len(p.items) == 0 || p.h <= 0 {
		p.offset = 0
		return
	}
	a, b := p.itemLines(p.cursor)
	if b-a > p.h || a < p.offset {
		p.offset = a
	} else if b > p.offset+p.h {
		p.offset = b - p.h
	}
	p.clampOffset()
}

// ScrollBy moves the view by n lines without moving the cursor.
func (p *pane) ScrollBy(n int) {
	p.offset += n
	p.clampOffset()
}

// ShowItems scrolls so that the given items (indexes into items) come into
// view, the first of them near the top, unless one is already fully shown.
func (p *pane) ShowItems(ks []int) {
	if len(ks) == 0 || p.h <= 0 {
		return
	}
	for _, k := range ks {
		a, b := p.itemLines(k)
		if a >= p.offset && b <= p.offset+p.h {
			return
		}
	}
	a, _ := p.itemLines(ks[0])
	_, lb := p.itemLines(ks[len(ks)-1])
	if lb-a <= p.h {
		p.offset = a - (p.h-(lb-a))/2 // centre the group
	} else {
		p.offset = a
	}
	p.clampOffset()
}

// MoveBy moves the cursor by n points, stopping at the ends.
func (p *pane) MoveBy(n int) {
	if len(p.items) == 0 {
		return
	}
	p.cursor = clamp(p.cursor+n, 0, len(p.items)-1)
}

// PageBy moves the cursor by about a screenful of lines in the direction.
func (p *pane) PageBy(dir int) {
	if len(p.items) == 0 {
		return
	}
	a, _ := p.itemLines(p.cursor)
	target := a + dir*max(p.h-1, 1)
	k := p.cursor
	for dir > 0 && k+1 < len(p.items) && p.starts[k+1] <= target {
		k++
	}
	for dir < 0 && k > 0 && p.starts[k-1] >= target {
		k--
	}
	if k == p.cursor {
		k += dir
	}
	p.cursor = clamp(k, 0, len(p.items)-1)
}

// ItemAt returns the item shown on row y inside the frame, or -1.
func (p *pane) ItemAt(y int) int {
	l := p.offset + y
	if y < 0 || y >= p.h || l < 0 || l >= len(p.lines) {
		return -1
	}
	return p.lines[l].item
}

// Render draws the visible lines, exactly h lines of w cells. linked holds
// the point indexes to mark as counterparts of the other pane's selection.
func (p *pane) Render(focused bool, linked []int, st *Styles, stylesVersion int, g Glyphs, emptyMsg string) []string {
	key := paneRenderKey{layout: p.key, h: p.h, offset: p.offset, cur: p.cursor, focused: focused,
		linked: intsKey(linked), stylesVersion: stylesVersion}
	if p.cache != nil && p.cache.ok && p.cache.key == key {
		return p.cache.lines
	}
	out := p.render(focused, linked, st, g, emptyMsg)
	if p.cache != nil {
		*p.cache = paneCache{key: key, lines: out, ok: true}
	}
	return out
}

func (p *pane) render(focused bool, linked []int, st *Styles, g Glyphs, emptyMsg string) []string {
	if p.w <= 0 || p.h <= 0 {
		return block(nil, p.w, p.h)
	}
	if len(p.items) == 0 {
		var ls []string
		for _, l := range wrapText(emptyMsg, max(p.w-2, 1)) {
			ls = append(ls, " "+st.Empty.Render(truncate(l, p.w-1, "")))
		}
		return block(ls, p.w, p.h)
	}
	isLinked := make(map[int]bool, len(linked))
	for _, i := range linked {
		isLinked[i] = true
	}
	titleCol, _ := p.columns()
	out := make([]string, 0, p.h)
	for l := p.offset; l < len(p.lines) && len(out) < p.h; l++ {
		out = append(out, p.renderLine(p.lines[l], titleCol, focused, isLinked, st, g))
	}
	return block(out, p.w, p.h)
}

func (p *pane) renderLine(ln paneLine, titleCol int, focused bool, isLinked map[int]bool, st *Styles, g Glyphs) string {
	point := p.items[ln.item]
	pt := p.content.plan.Points[point]
	tag := model.None
	if point < len(p.content.tags) {
		tag = p.content.tags[point]
	}
	selected := focused && ln.item == p.cursor
	linked := isLinked[point]

	marker := " "
	switch {
	case selected:
		marker = g.Cursor
	case linked:
		marker = g.Linked
	}
	if !ln.first {
		marker = " "
	}
	label := padRight(tag.Label(g.ASCII), tagW)
	num := padLeft(itoa(pt.N)+".", p.numW)
	text := ln.text
	var tagText string // the tag label, on the first line or the themes line
	switch {
	case ln.first && !p.compact:
		tagText = label
	case ln.themes && p.compact:
		tagText = label
	}
	if selected {
		var plain string
		switch {
		case ln.first && !p.compact:
			plain = marker + " " + tagText + " " + num + " " + text
		case ln.first:
			plain = marker + " " + num + " " + text
		case tagText != "":
			plain = strings.Repeat(" ", titleCol) + tagText + " " + text
		default:
			plain = strings.Repeat(" ", titleCol) + text
		}
		return st.ink.selected.Render(fit(plain, p.w))
	}
	var b strings.Builder
	if linked && ln.first {
		b.WriteString(st.ink.marker.Render(marker))
	} else {
		b.WriteString(marker)
	}
	b.WriteString(" ")
	switch {
	case ln.first && !p.compact:
		b.WriteString(st.tagInk(tag).Render(tagText) + " " + st.ink.number.Render(num) + " ")
	case ln.first:
		b.WriteString(st.ink.number.Render(num) + " ")
	case tagText != "":
		b.WriteString(strings.Repeat(" ", titleCol-2) + st.tagInk(tag).Render(tagText) + " ")
	default:
		b.WriteString(strings.Repeat(" ", titleCol-2))
	}
	switch {
	case ln.themes:
		b.WriteString(st.ink.themes.Render(text))
	case linked:
		b.WriteString(st.ink.linked.Render(text))
	default:
		b.WriteString(text)
	}
	return fit(b.String(), p.w)
}

// intsKey turns a short list of ints into a comparable key.
func intsKey(xs []int) string {
	var b strings.Builder
	for _, x := range xs {
		b.WriteString(itoa(x))
		b.WriteByte(',')
	}
	return b.String()
}
