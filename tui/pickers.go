package tui

import (
	"fmt"
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"peacecmp/model"
)

// listWindow keeps a cursor and the first shown row of a list of n rows
// in a view of h rows.
type listWindow struct {
	cursor, offset int
}

func (l *listWindow) move(n, total int) {
	if total == 0 {
		l.cursor = 0
		return
	}
	l.cursor = clamp(l.cursor+n, 0, total-1)
}

func (l *listWindow) show(h, total int) {
	if h <= 0 {
		return
	}
	if l.cursor < l.offset {
		l.offset = l.cursor
	}
	if l.cursor >= l.offset+h {
		l.offset = l.cursor - h + 1
	}
	l.offset = clamp(l.offset, 0, max(total-h, 0))
}

// listKey moves a list window for the navigation keys; it reports whether
// the key was one of them.
func listKey(k *KeyMap, msg tea.KeyPressMsg, l *listWindow, total, page int) bool {
	switch {
	case key.Matches(msg, k.Up):
		l.move(-1, total)
	case key.Matches(msg, k.Down):
		l.move(1, total)
	case key.Matches(msg, k.PageUp):
		l.move(-max(page, 1), total)
	case key.Matches(msg, k.PageDown):
		l.move(max(page, 1), total)
	case key.Matches(msg, k.Home):
		l.cursor = 0
	case key.Matches(msg, k.End):
		l.cursor = max(total-1, 0)
	default:
		return false
	}
	return true
}

// themePicker chooses the themes of the filter. Choices are applied only
// with enter.
type themePicker struct {
	list listWindow
	sel  map[string]bool
}

func (m *Model) openThemes() {
	m.mode = modeThemes
	m.themes = themePicker{sel: map[string]bool{}}
	for _, t := range m.filter.Themes {
		m.themes.sel[t] = true
	}
	if len(m.filter.Themes) > 0 {
		m.themes.list.cursor = max(slices.Index(m.lib.ThemeIDs(), m.filter.Themes[0]), 0)
	}
}

func (m *Model) themesKey(msg tea.KeyPressMsg) tea.Cmd {
	ids := m.lib.ThemeIDs()
	page := m.layout().body.h - 4
	switch {
	case listKey(&m.keys, msg, &m.themes.list, len(ids), page):
	case key.Matches(msg, m.keys.Toggle):
		if c := m.themes.list.cursor; c < len(ids) {
			m.themes.sel[ids[c]] = !m.themes.sel[ids[c]]
		}
	case key.Matches(msg, m.keys.ClearFilters):
		clear(m.themes.sel)
	case key.Matches(msg, m.keys.Apply):
		var chosen []string
		for _, id := range ids {
			if m.themes.sel[id] {
				chosen = append(chosen, id)
			}
		}
		m.filter.Themes = chosen
		m.mode = modeBrowse
		m.refresh()
		if len(chosen) == 0 {
			m.setMsg("Theme filter: all themes", false)
		} else {
			m.setMsg(fmt.Sprintf("Theme filter: %d of %d themes", len(chosen), len(ids)), false)
		}
	case key.Matches(msg, m.keys.Cancel, m.keys.Themes):
		m.mode = modeBrowse
		m.setMsg("Theme filter unchanged", false)
	case key.Matches(msg, m.keys.Quit):
		return tea.Quit
	}
	return nil
}

// renderThemes draws the theme picker in w×h cells.
func (m *Model) renderThemes(w, h int) []string {
	st, g := &m.styles, m.glyphs
	ids := m.lib.ThemeIDs()
	counts := [2]map[string]int{m.pair.Left.ThemeCounts(), m.pair.Right.ThemeCounts()}
	lines := []string{
		st.Heading.Render(truncate("Filter by theme", w, g.Ellipsis)) + st.Faint.Render(truncate(fmt.Sprintf("  (%d chosen)", m.countChosen()), max(w-15, 0), "")),
		st.Faint.Render(truncate(fmt.Sprintf("Points on each theme: %s | %s", m.short(model.Left), m.short(model.Right)), w, g.Ellipsis)),
	}
	idW := 0
	for _, id := range ids {
		idW = max(idW, width(id))
	}
	rows := h - len(lines)
	m.themes.list.show(rows, len(ids))
	for r := m.themes.list.offset; r < len(ids) && r < m.themes.list.offset+rows; r++ {
		id := ids[r]
		box := g.Off
		if m.themes.sel[id] {
			box = g.On
		}
		cnt := fmt.Sprintf("%3d | %-3d", counts[0][id], counts[1][id])
		name := model.CleanLine(m.lib.ThemeName(id))
		// The row under the cursor is marked by a glyph as well as by
		// reverse video, so it reads without colour or attributes.
		cur := " "
		if r == m.themes.list.cursor {
			cur = g.Cursor
		}
		var line string
		switch {
		case w >= 6+idW+2+width(cnt)+2+10:
			nameW := w - (6 + idW + 2 + width(cnt) + 2)
			line = cur + " " + box + " " + padRight(id, idW) + "  " + cnt + "  " + truncate(name, nameW, g.Ellipsis)
		default:
			line = cur + " " + box + " " + cnt + " " + id
		}
		if r == m.themes.list.cursor {
			line = st.Cursor.Render(fit(line, w))
		}
		lines = append(lines, line)
	}
	return block(lines, w, h)
}

func (m *Model) countChosen() int {
	n := 0
	for _, v := range m.themes.sel {
		if v {
			n++
		}
	}
	return n
}

// planPicker chooses the two plans: first the left one, then the right.
type planPicker struct {
	list listWindow
	step int    // 0: choosing the left plan; 1: the right
	left string // the left plan once chosen
}

func (m *Model) openPlans() {
	if len(m.lib.Plans) <= 2 {
		m.setMsg("Only two plans are loaded: s swaps them", false)
		return
	}
	m.mode = modePlans
	m.plans = planPicker{}
	m.plans.list.cursor = max(slices.Index(m.lib.PlanIDs(), m.ids[0]), 0)
}

func (m *Model) plansKey(msg tea.KeyPressMsg) tea.Cmd {
	ids := m.lib.PlanIDs()
	page := m.layout().body.h - 4
	switch {
	case listKey(&m.keys, msg, &m.plans.list, len(ids), page):
	case key.Matches(msg, m.keys.Apply):
		c := m.plans.list.cursor
		if c >= len(ids) {
			return nil
		}
		if m.plans.step == 0 {
			m.plans.left = ids[c]
			m.plans.step = 1
			if c == slices.Index(ids, m.ids[1]) || ids[c] == m.ids[1] {
				m.plans.list.cursor = max(slices.Index(ids, m.ids[0]), 0)
			} else {
				m.plans.list.cursor = max(slices.Index(ids, m.ids[1]), 0)
			}
			if ids[m.plans.list.cursor] == m.plans.left {
				m.plans.list.move(1, len(ids))
				if ids[m.plans.list.cursor] == m.plans.left {
					m.plans.list.move(-1, len(ids))
				}
			}
			return nil
		}
		if ids[c] == m.plans.left {
			m.setMsg("Pick a different plan for the right side", true)
			return nil
		}
		m.mode = modeBrowse
		if err := m.setPair(m.plans.left, ids[c]); err != nil {
			m.setMsg(err.Error(), true)
			return nil
		}
		if m.msg == "" {
			m.setMsg(fmt.Sprintf("Opened %s vs %s", m.short(model.Left), m.short(model.Right)), false)
		}
	case key.Matches(msg, m.keys.Cancel):
		if m.plans.step == 1 {
			m.plans.step = 0
			m.plans.list.cursor = max(slices.Index(ids, m.plans.left), 0)
			return nil
		}
		m.mode = modeBrowse
	case key.Matches(msg, m.keys.Quit):
		return tea.Quit
	}
	return nil
}

// renderPlans draws the plan picker in w×h cells.
func (m *Model) renderPlans(w, h int) []string {
	st, g := &m.styles, m.glyphs
	title := "Pick the left plan"
	hint := fmt.Sprintf("now: %s vs %s", m.ids[0], m.ids[1])
	if m.plans.step == 1 {
		title = "Pick the right plan"
		hint = "left: " + m.plans.left + "; esc goes back"
	}
	lines := []string{
		st.Heading.Render(truncate(title, w, g.Ellipsis)),
		st.Faint.Render(truncate(hint, w, g.Ellipsis)),
	}
	rows := h - len(lines)
	m.plans.list.show(rows, len(m.lib.Plans))
	idW := 0
	for _, p := range m.lib.Plans {
		idW = max(idW, width(p.ID))
	}
	for r := m.plans.list.offset; r < len(m.lib.Plans) && r < m.plans.list.offset+rows; r++ {
		p := m.lib.Plans[r]
		mark := "  "
		switch {
		case m.plans.step == 1 && p.ID == m.plans.left:
			mark = "L "
		case m.plans.step == 0 && p.ID == m.ids[0]:
			mark = "L "
		case m.plans.step == 0 && p.ID == m.ids[1]:
			mark = "R "
		}
		assessed := ""
		if m.plans.step == 1 && p.ID != m.plans.left {
			if c, _ := m.lib.Comparison(m.plans.left, p.ID); c != nil {
				assessed = model.Agree.Symbol(g.ASCII) + " assessed  "
			} else {
				assessed = model.Related.Symbol(g.ASCII) + " by theme  "
			}
		}
		meta := fmt.Sprintf("%s  %2d pts  %s%s", p.Date, len(p.Points), assessed, model.CleanLine(p.Proposer))
		cur := "  "
		if r == m.plans.list.cursor {
			cur = g.Cursor + " "
		}
		mark = cur + mark
		var line string
		if w >= 4+idW+2+26+12 {
			line = mark + padRight(p.ID, idW) + "  " + padRight(truncate(model.CleanLine(p.Short), 24, g.Ellipsis), 24) + "  " + meta
		} else {
			line = mark + p.ID + "  " + model.CleanLine(p.Short)
		}
		line = truncate(line, w, g.Ellipsis)
		if r == m.plans.list.cursor {
			line = st.Cursor.Render(fit(line, w))
		}
		lines = append(lines, line)
	}
	return block(lines, w, h)
}
