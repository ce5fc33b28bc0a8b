package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"peacecmp/model"
)

// The smallest window the viewer draws; below it says the window is too
// small.
const (
	minWidth  = 30
	minHeight = 8
	// sideBySideWidth is the width from which both panes are shown.
	sideBySideWidth = 80
)

// maxDetailWidth caps the detail's text width: long lines are hard to read.
const maxDetailWidth = 110

// rect is a region of the screen, in cells.
type rect struct{ x, y, w, h int }

func (r rect) contains(x, y int) bool {
	return r.w > 0 && r.h > 0 && x >= r.x && x < r.x+r.w && y >= r.y && y < r.y+r.h
}

// layout is where everything goes for the current size and state. Update
// uses it to size the panes and find what the mouse points at; View uses it
// to draw.
type layout struct {
	tooSmall bool
	single   bool // one pane at a time
	perSide  int  // header lines per plan
	notice   bool // the "not assessed" line
	header   int  // header lines
	body     rect
	panes    [2]rect
	detail   rect
	statusY  int
	helpY    int // -1 when there is no help line
}

func (m *Model) layout() layout {
	W, H := m.w, m.h
	var l layout
	if W < minWidth || H < minHeight {
		l.tooSmall = true
		return l
	}
	l.single = W < sideBySideWidth
	l.perSide = 2
	if H < 14 {
		l.perSide = 1
	}
	l.header = l.perSide
	if l.single {
		l.header = 2 * l.perSide
	}
	l.notice = !m.pair.Assessed() && H >= 12
	if l.notice {
		l.header++
	}
	bottom := 1
	l.helpY = -1
	if H >= 10 {
		bottom = 2
		l.helpY = H - 1
	}
	l.statusY = H - bottom
	l.body = rect{0, l.header, W, H - l.header - bottom}
	paneH := l.body.h
	if m.detail {
		dh := clamp(l.body.h/2, 5, l.body.h)
		if l.body.h-dh < 5 {
			dh = l.body.h
		}
		paneH = l.body.h - dh
		l.detail = rect{0, l.body.y + paneH, W, dh}
	}
	if paneH > 0 {
		if l.single {
			l.panes[m.focus] = rect{0, l.body.y, W, paneH}
		} else {
			lw := W / 2
			l.panes[model.Left] = rect{0, l.body.y, lw, paneH}
			l.panes[model.Right] = rect{lw, l.body.y, W - lw, paneH}
		}
	}
	return l
}

// View draws the screen. It only reads state (and fills render caches).
func (m Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = model.CleanLine("peacecmp: " + m.ids[0] + " vs " + m.ids[1])
	return v
}

// render returns the screen as exactly h lines of exactly w cells.
func (m *Model) render() string {
	if m.w <= 0 || m.h <= 0 {
		return ""
	}
	l := m.layout()
	if l.tooSmall {
		msg := fmt.Sprintf("Window too small (%d×%d): peacecmp needs at least %d×%d.", m.w, m.h, minWidth, minHeight)
		if m.glyphs.ASCII {
			msg = strings.ReplaceAll(msg, "×", "x")
		}
		return strings.Join(block(wrapText(msg, m.w), m.w, m.h), "\n")
	}
	lines := make([]string, 0, m.h)
	lines = append(lines, m.renderHeader(l)...)
	lines = append(lines, m.renderBody(l)...)
	lines = append(lines, fit(m.statusLine(m.w), m.w))
	if l.helpY >= 0 {
		lines = append(lines, fit(m.helpLine(m.w), m.w))
	}
	return strings.Join(block(lines, m.w, m.h), "\n")
}

// chromeCache keeps the header and the help line of the last frame: they
// change far less often than frames are drawn, and styling them is most of
// the cost of a frame. It sits behind a pointer so that View can fill it.
type chromeCache struct {
	headerKey, helpKey string
	header             []string
	help               string
}

// renderHeader draws both plans (short name, date, proposer) and their tag
// counts, above their panes, or stacked below 80 columns.
func (m *Model) renderHeader(l layout) []string {
	key := fmt.Sprint(m.w, l.perSide, l.single, l.notice, l.header, l.panes[0].w, m.focus, m.version, m.stylesV, m.ids)
	if c := m.chrome; c != nil && c.headerKey == key {
		return c.header
	}
	out := m.buildHeader(l)
	if m.chrome != nil {
		m.chrome.headerKey, m.chrome.header = key, out
	}
	return out
}

func (m *Model) buildHeader(l layout) []string {
	var out []string
	if l.single {
		for _, s := range []model.Side{model.Left, model.Right} {
			out = append(out, m.sideHeader(s, m.w, l.perSide, true)...)
		}
	} else {
		lw := l.panes[model.Left].w
		if lw == 0 {
			lw = m.w / 2
		}
		left := block(m.sideHeader(model.Left, lw, l.perSide, false), lw, l.perSide)
		right := block(m.sideHeader(model.Right, m.w-lw, l.perSide, false), m.w-lw, l.perSide)
		out = joinColumns([]int{lw, m.w - lw}, left, right)
	}
	if l.notice {
		msg := "Not assessed: no curated comparison for this pair; " + model.Related.Symbol(m.glyphs.ASCII) + " related only means the points share a theme."
		out = append(out, m.styles.Notice.Render(truncate(" "+msg, m.w, m.glyphs.Ellipsis)))
	}
	return block(out, m.w, l.header)
}

func (m *Model) sideHeader(s model.Side, w, lines int, marked bool) []string {
	st, g := &m.styles, m.glyphs
	plan := m.pair.Plan(s)
	prefix := " "
	if marked {
		prefix = "   "
		if s == m.focus {
			prefix = " " + g.Shown + " "
		}
	}
	title := st.Title.Render(model.CleanLine(plan.Short))
	meta := st.Meta.Render(g.Dot + plan.Date + g.Dot + model.CleanLine(plan.Proposer))
	out := []string{truncate(prefix+title+meta, w, g.Ellipsis)}
	if lines > 1 {
		out = append(out, truncate(strings.Repeat(" ", width(prefix))+m.countsText(s, w-width(prefix)), w, g.Ellipsis))
	}
	return out
}

// countsText is a side's tag counts, such as "✓ 2 agree  ≈ 5 partial …".
// It gets shorter when w is narrow: "✓0 agree ≈7 partial …", then "✓0 ≈7 …".
func (m *Model) countsText(s model.Side, w int) string {
	forms := []struct{ format, sep string }{{"%s %d %s", "  "}, {"%s%d %s", " "}, {"%s%d", " "}}
	var out string
	for _, f := range forms {
		var parts []string
		plain := 0
		for _, t := range m.tagCycle() {
			var p string
			if strings.Count(f.format, "%") == 3 {
				p = fmt.Sprintf(f.format, t.Symbol(m.glyphs.ASCII), m.counts[s].Of(t), t.String())
			} else {
				p = fmt.Sprintf(f.format, t.Symbol(m.glyphs.ASCII), m.counts[s].Of(t))
			}
			plain += width(p) + len(f.sep)
			parts = append(parts, m.styles.Tag(t).Render(p))
		}
		out = strings.Join(parts, f.sep)
		if plain-len(f.sep) <= w {
			break
		}
	}
	return out
}

// renderBody draws the panes and the detail, or the picker, dialog or page
// that has the keyboard.
func (m *Model) renderBody(l layout) []string {
	b := l.body
	var content func(w, h int) []string
	title := ""
	switch m.mode {
	case modeThemes:
		content, title = m.renderThemes, "themes"
	case modePlans:
		content, title = m.renderPlans, "plans"
	case modeMatrix:
		content, title = m.renderMatrix, "matrix"
	case modeExport, modeConfirm:
		content, title = m.renderExport, "export"
	case modeHelp:
		content, title = m.renderHelp, "help"
		if n := m.helpLength(b.w-4, b.h-2); n > b.h-2 {
			off := clamp(m.helpOff, 0, max(n-(b.h-2), 0))
			title = fmt.Sprintf("help %d-%d of %d, %s scroll", off+1, min(off+b.h-2, n), n, m.keys.arrows(false))
		}
	}
	if content != nil {
		return m.frame(padded(content, b.w-4, b.h-2), b.w, b.h, " "+title+" ", true)
	}
	if len(m.panes[0].items) == 0 && len(m.panes[1].items) == 0 {
		return m.frame(padded(m.renderNothing, b.w-4, b.h-2), b.w, b.h, " "+m.glyphs.Cursor+" no match ", true)
	}
	var out []string
	if ph := l.panes[m.focus].h; ph > 0 {
		if l.single {
			out = append(out, m.renderPane(m.focus, l.panes[m.focus])...)
		} else {
			left := m.renderPane(model.Left, l.panes[model.Left])
			right := m.renderPane(model.Right, l.panes[model.Right])
			out = append(out, joinColumns([]int{l.panes[0].w, l.panes[1].w}, left, right)...)
		}
	}
	if l.detail.h > 0 {
		out = append(out, m.renderDetail(l.detail)...)
	}
	return fillLines(out, b.w, b.h)
}

// padded puts one column of space on each side of a content block.
func padded(content func(w, h int) []string, w, h int) []string {
	if w <= 0 || h <= 0 {
		return block(nil, max(w+2, 0), max(h, 0))
	}
	lines := content(w, h)
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = " " + fit(l, w) + " "
	}
	return out
}

func (m *Model) renderPane(s model.Side, r rect) []string {
	p := &m.panes[s]
	focused := s == m.focus
	var linked []int
	if !focused {
		if i := m.selectedPoint(); i >= 0 {
			linked = m.linkedIndexes(m.focus, i)
		}
	}
	empty := "No point of " + m.short(s) + " passes the filters."
	inner := p.Render(focused, linked, &m.styles, m.stylesV, m.glyphs, empty)
	pos := "0/0"
	if len(p.items) > 0 {
		pos = fmt.Sprintf("%d/%d", p.cursor+1, len(p.items))
	}
	var title string
	l := m.layout()
	switch {
	case l.single:
		other := "right"
		if s == model.Right {
			other = "left"
		}
		title = fmt.Sprintf(" %s %s %s · tab: %s ", m.glyphs.Shown, s, pos, other)
	case focused:
		title = fmt.Sprintf(" %s %s %s ", m.glyphs.Cursor, s, pos)
	default:
		title = fmt.Sprintf(" %s %s ", s, pos)
	}
	if m.glyphs.ASCII {
		title = strings.ReplaceAll(title, "·", "-")
	}
	return m.frame(inner, r.w, r.h, title, focused)
}

// renderDetail draws the detail of the selected point in its frame.
func (m *Model) renderDetail(r rect) []string {
	i := m.selectedPoint()
	w, h := max(r.w-4, 1), max(r.h-2, 0)
	lines := m.detailLines(m.focus, i, min(w, maxDetailWidth))
	off := clamp(m.detailOff, 0, max(len(lines)-h, 0))
	c := m.detailBuf
	boxKey := [4]int{r.w, r.h, off, len(lines)}
	if c != nil && c.ok && c.boxOK && c.boxKey == boxKey {
		return c.box
	}
	defer func() {
		if c != nil && c.ok {
			c.boxKey, c.boxOK = boxKey, true
		}
	}()
	end := min(off+h, len(lines))
	shown := make([]string, 0, h)
	for _, ln := range lines[off:end] {
		shown = append(shown, " "+fit(ln, w)+" ")
	}
	title := " detail "
	if i >= 0 {
		title = " detail: " + m.pointRef(m.focus, i) + " "
	}
	if len(lines) > h && h > 0 {
		title += fmt.Sprintf("%d-%d of %d, ]/[ scroll ", off+1, end, len(lines))
	}
	box := m.frame(shown, r.w, r.h, title, false)
	if c != nil {
		c.box = box
	}
	return box
}

// renderNothing says that no point passes the filters, and how to get them
// back.
func (m *Model) renderNothing(w, h int) []string {
	st := &m.styles
	lines := []string{st.Empty.Render(truncate("No point of either plan passes the filters.", w, m.glyphs.Ellipsis)), ""}
	lines = append(lines, wrapText("Active: "+m.filterText(), w)...)
	lines = append(lines, "")
	for _, l := range wrapText("x clears every filter; f changes the tag filter; t the themes; / the search.", w) {
		lines = append(lines, st.Faint.Render(l))
	}
	return block(lines, w, h)
}

// frame draws a border around lines (each w-2 cells) with a title in the
// top edge, in exactly w×h cells.
func (m *Model) frame(inner []string, w, h int, title string, focused bool) []string {
	if w < 2 || h < 2 {
		return block(nil, w, h)
	}
	b := m.glyphs.Border
	st := &m.styles
	ts := st.PaneTitle
	if focused {
		ts = st.PaneOn
	}
	title = truncate(title, max(w-4, 0), "")
	fill := max(w-3-width(title), 0)
	out := make([]string, 0, h)
	out = append(out, st.border(b.TopLeft+b.Top, focused)+ts.Render(title)+st.border(strings.Repeat(b.Top, fill)+b.TopRight, focused))
	body := fillLines(inner, w-2, h-2) // callers give lines of w-2 cells
	side := st.border(b.Left, focused)
	right := st.border(b.Right, focused)
	for _, l := range body {
		out = append(out, side+l+right)
	}
	out = append(out, st.border(b.BottomLeft+strings.Repeat(b.Bottom, w-2)+b.BottomRight, focused))
	return out
}

// filterText names the active filters.
func (m *Model) filterText() string {
	if !m.filter.Active() {
		return "no filter"
	}
	var parts []string
	if len(m.filter.Themes) > 0 {
		parts = append(parts, "themes "+strings.Join(m.filter.Themes, ", "))
	}
	if len(m.filter.Tags) > 0 {
		parts = append(parts, "tag "+m.filter.Tags[0].Label(m.glyphs.ASCII))
	}
	if m.filter.Search != "" {
		parts = append(parts, fmt.Sprintf("search %q", m.filter.Search))
	}
	return strings.Join(parts, "; ")
}

// passText says how many points pass, such as "5 of 22 points pass (2 | 3)".
func (m *Model) passText() string {
	l, r := len(m.panes[0].items), len(m.panes[1].items)
	total := len(m.pair.Left.Points) + len(m.pair.Right.Points)
	if !m.filter.Active() {
		return fmt.Sprintf("%d points (%d | %d)", total, l, r)
	}
	return fmt.Sprintf("%d of %d points pass (%d | %d)", l+r, total, l, r)
}

// statusLine names the active filters, how many points pass, and the last
// message; while searching it holds the search field.
func (m *Model) statusLine(w int) string {
	st := &m.styles
	if m.mode == modeSearch {
		pass := "  " + m.passText()
		if width(pass)+width(m.search.Prompt)+12 > w {
			pass = ""
		}
		return m.search.View(w-width(pass)) + st.Status.Render(pass)
	}
	desc := st.Status.Render(m.filterText() + m.glyphs.Dot + m.passText())
	if m.msg == "" {
		return truncate(" "+desc, w, m.glyphs.Ellipsis)
	}
	ms := st.StatusMsg
	if m.msgErr {
		ms = st.StatusErr
	}
	sep := " │ "
	if m.glyphs.ASCII {
		sep = " | "
	}
	return truncate(ms.Render(" "+model.CleanLine(m.msg))+st.Status.Render(sep)+desc, w, m.glyphs.Ellipsis)
}

// helpLine is the short help of the current mode.
// The help and quit keys always show; the others in order while they fit,
// with an ellipsis when some do not. (help.Model's own cut lets the line
// overflow when its ellipsis does not fit, so the bindings are counted
// here.) The final fit in render cuts what still does not fit.
func (m *Model) helpLine(w int) string {
	key := fmt.Sprint(w, m.mode, m.stylesV)
	if c := m.chrome; c != nil && c.helpKey == key {
		return c.help
	}
	out := m.buildHelpLine(w)
	if m.chrome != nil {
		m.chrome.helpKey, m.chrome.help = key, out
	}
	return out
}

func (m *Model) buildHelpLine(w int) string {
	h := m.help
	h.SetWidth(0)
	bs := helpView{keys: &m.keys, mode: m.mode}.ShortHelp()
	sepW := width(h.ShortSeparator)
	itemW := func(b key.Binding) int { return width(b.Help().Key) + 1 + width(b.Help().Desc) + sepW }
	var pinned, rest []key.Binding
	used := 1 // the leading space
	for _, b := range bs {
		if k := b.Help().Key; k == m.keys.Help.Help().Key || k == m.keys.Quit.Help().Key {
			pinned = append(pinned, b)
			used += itemW(b)
		} else {
			rest = append(rest, b)
		}
	}
	var shown []key.Binding
	for i, b := range rest {
		need := itemW(b)
		if i < len(rest)-1 {
			need += width(h.Ellipsis) + 1 // room for the ellipsis if the next does not fit
		}
		if used+need > w+sepW {
			break
		}
		used += itemW(b)
		shown = append(shown, b)
	}
	if len(shown) == len(rest) {
		return " " + h.ShortHelpView(append(shown, pinned...))
	}
	line := " "
	if len(shown) > 0 {
		line += h.ShortHelpView(shown) + " "
	}
	line += h.Styles.Ellipsis.Render(h.Ellipsis)
	if len(pinned) == 0 {
		return line
	}
	return line + h.Styles.ShortSeparator.Render(h.ShortSeparator) + h.ShortHelpView(pinned)
}

// renderHelp is the full help page: every key of the key map, the tag
// legend and the marks.
func (m *Model) renderHelp(w, h int) []string {
	st, g := &m.styles, m.glyphs
	hv := helpView{keys: &m.keys, mode: modeBrowse}
	groups := hv.FullHelp()
	hm := m.help
	hm.SetWidth(0)
	var lines []string
	lines = append(lines, st.Heading.Render(truncate("Keys", w, "")))
	// As many key columns side by side as fit: four, two or one.
	for _, per := range []int{4, 2, 1} {
		var rows []string
		for i := 0; i < len(groups); i += per {
			rows = append(rows, strings.Split(hm.FullHelpView(groups[i:min(i+per, len(groups))]), "\n")...)
			if per < len(groups) && i+per < len(groups) {
				rows = append(rows, "")
			}
		}
		if maxWidth(rows) <= w || per == 1 {
			lines = append(lines, rows...)
			break
		}
	}
	lines = append(lines, "", st.Heading.Render(truncate("Tags", w, "")))
	var tags []string
	for _, t := range []model.Tag{model.Agree, model.Partial, model.Conflict, model.None, model.Related} {
		tags = append(tags, st.Tag(t).Render(t.Label(g.ASCII)))
	}
	lines = append(lines, wrapStyled(tags, "  ", w)...)
	for _, l := range wrapText("agree: both ask for the same thing; partial: overlap with a material difference; conflict: they ask for incompatible things; none: no counterpart in the other plan; related: not assessed, the points only share a theme.", w) {
		lines = append(lines, st.Faint.Render(l))
	}
	lines = append(lines, "")
	for _, item := range []string{g.Cursor + " the selected point", g.Linked + " a counterpart of the selected point, in the other pane"} {
		lines = append(lines, wrapText(item, w)...)
	}
	for _, l := range wrapText("In pickers: space toggles, enter applies, esc cancels. Below 80 columns one pane is shown at a time: tab switches.", w) {
		lines = append(lines, st.Faint.Render(l))
	}
	m.helpLines = len(lines)
	off := clamp(m.helpOff, 0, max(len(lines)-h, 0))
	return block(lines[off:], w, h)
}

// wrapStyled lays short styled items out in lines of at most w cells.
func wrapStyled(items []string, sep string, w int) []string {
	var out []string
	cur, curW := "", 0
	for _, it := range items {
		iw := width(it)
		if curW > 0 && curW+width(sep)+iw > w {
			out = append(out, cur)
			cur, curW = "", 0
		}
		if curW > 0 {
			cur += sep
			curW += width(sep)
		}
		cur += it
		curW += iw
	}
	if curW > 0 {
		out = append(out, cur)
	}
	return out
}

func maxWidth(lines []string) int {
	n := 0
	for _, l := range lines {
		n = max(n, width(l))
	}
	return n
}

// helpLength returns how many lines the help page has at w×h.
func (m *Model) helpLength(w, h int) int {
	c := *m
	c.helpOff = 0
	c.renderHelp(w, h)
	return c.helpLines
}
