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
	layout          paneLayoutKey
	h, top, topLine int
	cur             int
	focused         bool
	linked          string
	stylesVersion   int
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
//
// Lines are wrapped lazily, point by point, the first time they are needed,
// and the scroll position is a point and a line within it: the cost of a
// move or a frame depends on what is on screen, not on the plan's size.
type pane struct {
	side    model.Side
	items   []int // indexes of the visible points, in plan order
	cursor  int   // index into items
	top     int   // item shown first
	topLine int   // line of that item shown first
	w, h    int   // inside the frame

	content paneContent
	wrapped map[int][]paneLine // lines of each item wrapped so far, by item
	titleW  int                // cells for title text
	numW    int                // cells of the widest "N."
	compact bool               // tag shown as a symbol only
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

// layout prepares the pane for its width and content. Nothing is wrapped
// here: linesOf wraps each point when it is first drawn or measured.
func (p *pane) layout() {
	if p.content.plan == nil {
		return
	}
	key := paneLayoutKey{w: p.w, version: p.content.version, ascii: p.ascii}
	if key != p.key || p.wrapped == nil {
		p.key = key
		p.wrapped = map[int][]paneLine{}
		maxN := 1
		if n := len(p.items); n > 0 { // points are in plan order
			pts := p.content.plan.Points
			maxN = max(pts[p.items[0]].N, pts[p.items[n-1]].N)
		}
		p.numW = len(itoa(maxN)) + 1
		titleCol, full := p.columns()
		p.compact = !full
		p.titleW = max(p.w-titleCol-1, 1) // one cell of margin before the frame
	}
	p.clampTop()
}

// linesOf returns the lines of item k, wrapping them on first use.
func (p *pane) linesOf(k int) []paneLine {
	if k < 0 || k >= len(p.items) || p.content.plan == nil {
		return nil
	}
	if ls, ok := p.wrapped[k]; ok {
		return ls
	}
	sep, ell := " · ", "…"
	if p.ascii {
		sep, ell = ", ", "..."
	}
	pt := p.content.plan.Points[p.items[k]]
	tw := p.titleW
	var ls []paneLine
	for j, seg := range wrapText(model.CleanLine(pt.Title), tw) {
		ls = append(ls, paneLine{item: k, first: j == 0, text: seg})
	}
	if len(ls) == 0 {
		ls = append(ls, paneLine{item: k, first: true})
	}
	themes := model.CleanLine(strings.Join(pt.Themes, sep))
	switch {
	case p.compact: // the tag's word goes on this line
		ls = append(ls, paneLine{item: k, themes: true, text: truncate(themes, tw-tagW-1, ell)})
	case tw >= 6 && themes != "":
		ls = append(ls, paneLine{item: k, themes: true, text: truncate(themes, tw, ell)})
	}
	if p.wrapped != nil {
		p.wrapped[k] = ls
	}
	return ls
}

// height returns the number of lines of item k.
func (p *pane) height(k int) int { return len(p.linesOf(k)) }

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

// advance moves the position (item k, line l) by n lines, n negative for
// up, stopping at the first line of the first item and the last line of
// the last.
func (p *pane) advance(k, l, n int) (int, int) {
	if len(p.items) == 0 {
		return 0, 0
	}
	l += n
	for l < 0 && k > 0 {
		k--
		l += p.height(k)
	}
	l = max(l, 0)
	for k < len(p.items)-1 && l >= p.height(k) {
		l -= p.height(k)
		k++
	}
	return k, min(l, max(p.height(k)-1, 0))
}

// before reports whether position (k1, l1) comes before (k2, l2).
func before(k1, l1, k2, l2 int) bool { return k1 < k2 || k1 == k2 && l1 < l2 }

// clampTop keeps the view within the lines: never past the position where
// the last line of the last point sits on the bottom row.
func (p *pane) clampTop() {
	if len(p.items) == 0 || p.h <= 0 {
		p.top, p.topLine = 0, 0
		return
	}
	p.top = clamp(p.top, 0, len(p.items)-1)
	p.topLine = clamp(p.topLine, 0, max(p.height(p.top)-1, 0))
	last := len(p.items) - 1
	mk, ml := p.advance(last, p.height(last)-1, -(p.h - 1))
	if before(mk, ml, p.top, p.topLine) {
		p.top, p.topLine = mk, ml
	}
}

// Reset puts the cursor and the view back on the first point.
func (p *pane) Reset() { p.cursor, p.top, p.topLine = 0, 0, 0 }

// rowOf returns the row of the view where item k starts (negative when it
// starts above the view), and whether it starts within h rows of the top.
func (p *pane) rowOf(k int) (int, bool) {
	if k < p.top {
		return -1, false
	}
	row := -p.topLine
	for j := p.top; j < k; j++ {
		row += p.height(j)
		if row >= p.h {
			return row, false
		}
	}
	return row, true
}

// fullyVisible reports whether every line of item k is in view.
func (p *pane) fullyVisible(k int) bool {
	row, ok := p.rowOf(k)
	return ok && row >= 0 && row+p.height(k) <= p.h
}

// EnsureCursorVisible scrolls so that the selected point is in view (its
// first line at least, when it is taller than the pane).
func (p *pane) EnsureCursorVisible() {
	if len(p.items) == 0 || p.h <= 0 {
		p.top, p.topLine = 0, 0
		return
	}
	c := p.cursor
	hc := p.height(c)
	row, ok := p.rowOf(c)
	switch {
	case row < 0 || hc > p.h: // above the view, or taller than it
		p.top, p.topLine = c, 0
	case !ok || row+hc > p.h: // below the view, or cut by its bottom
		p.top, p.topLine = p.advance(c, hc-1, -(p.h - 1))
	}
	p.clampTop()
}

// ScrollBy moves the view by n lines without moving the cursor.
func (p *pane) ScrollBy(n int) {
	p.top, p.topLine = p.advance(p.top, p.topLine, n)
	p.clampTop()
}

// ShowItems scrolls so that the given items (indexes into items) come into
// view, the first of them near the top, unless one is already fully shown.
func (p *pane) ShowItems(ks []int) {
	if len(ks) == 0 || p.h <= 0 {
		return
	}
	for _, k := range ks {
		if p.fullyVisible(k) {
			return
		}
	}
	first, last := ks[0], ks[len(ks)-1]
	span := 0
	for k := first; k <= last && span <= p.h; k++ {
		span += p.height(k)
	}
	if span <= p.h {
		p.top, p.topLine = p.advance(first, 0, -((p.h - span) / 2)) // centre the group
	} else {
		p.top, p.topLine = first, 0
	}
	p.clampTop()
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
	target := max(p.h-1, 1)
	k, moved := p.cursor, 0
	for dir > 0 && k+1 < len(p.items) && moved+p.height(k) <= target {
		moved += p.height(k)
		k++
	}
	for dir < 0 && k > 0 && moved+p.height(k-1) <= target {
		moved += p.height(k - 1)
		k--
	}
	if k == p.cursor {
		k += dir
	}
	p.cursor = clamp(k, 0, len(p.items)-1)
}

// ItemAt returns the item shown on row y inside the frame, or -1.
func (p *pane) ItemAt(y int) int {
	if y < 0 || y >= p.h {
		return -1
	}
	row := -p.topLine
	for k := p.top; k < len(p.items) && row <= y; k++ {
		row += p.height(k)
		if y < row {
			return k
		}
	}
	return -1
}

// Render draws the visible lines, exactly h lines of w cells. linked holds
// the point indexes to mark as counterparts of the other pane's selection.
func (p *pane) Render(focused bool, linked []int, st *Styles, stylesVersion int, g Glyphs, emptyMsg string) []string {
	key := paneRenderKey{layout: p.key, h: p.h, top: p.top, topLine: p.topLine, cur: p.cursor, focused: focused,
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
	for k, l := p.top, p.topLine; k < len(p.items) && len(out) < p.h; k, l = k+1, 0 {
		ls := p.linesOf(k)
		for ; l < len(ls) && len(out) < p.h; l++ {
			out = append(out, p.renderLine(ls[l], titleCol, focused, isLinked, st, g))
		}
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
