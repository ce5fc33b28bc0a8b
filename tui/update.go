package tui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"peacecmp/model"
)

// handleKey sends a key to the handler of the current mode. ctrl+c quits
// from everywhere, even from a text field.
func (m *Model) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	if key.Matches(msg, m.keys.ForceQuit) {
		return tea.Quit
	}
	m.msg, m.msgErr = "", false
	defer m.sync(false)
	switch m.mode {
	case modeSearch:
		return m.searchKey(msg)
	case modeThemes:
		return m.themesKey(msg)
	case modePlans:
		return m.plansKey(msg)
	case modeMatrix:
		return m.matrixKey(msg)
	case modeExport:
		return m.exportKey(msg)
	case modeConfirm:
		return m.confirmKey(msg)
	case modeHelp:
		return m.helpKey(msg)
	}
	return m.browseKey(msg)
}

// browseKey handles the keys of the two panes.
func (m *Model) browseKey(msg tea.KeyPressMsg) tea.Cmd {
	k := &m.keys
	p := &m.panes[m.focus]
	if !key.Matches(msg, k.NextLink, k.PrevLink) {
		m.jump.active = false
	}
	switch {
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case key.Matches(msg, k.Up):
		p.MoveBy(-1)
	case key.Matches(msg, k.Down):
		p.MoveBy(1)
	case key.Matches(msg, k.PageUp):
		p.PageBy(-1)
	case key.Matches(msg, k.PageDown):
		p.PageBy(1)
	case key.Matches(msg, k.Home):
		p.cursor = 0
	case key.Matches(msg, k.End):
		p.cursor = max(len(p.items)-1, 0)
	case key.Matches(msg, k.NextPane, k.PrevPane):
		m.focus = m.focus.Other()
	case key.Matches(msg, k.LeftPane):
		m.focus = model.Left
	case key.Matches(msg, k.RightPane):
		m.focus = model.Right
	case key.Matches(msg, k.Detail):
		m.detail = !m.detail
		m.detailOff = 0
	case key.Matches(msg, k.DetailDown):
		if !m.detail {
			m.detail = true
		} else {
			m.detailOff += max(m.layout().detail.h-3, 1)
		}
	case key.Matches(msg, k.DetailUp):
		m.detailOff = max(m.detailOff-max(m.layout().detail.h-3, 1), 0)
	case key.Matches(msg, k.Cancel):
		if m.detail {
			m.detail = false
		}
	case key.Matches(msg, k.NextLink):
		m.jumpLink(1)
	case key.Matches(msg, k.PrevLink):
		m.jumpLink(-1)
	case key.Matches(msg, k.Themes):
		m.openThemes()
		return nil
	case key.Matches(msg, k.TagFilter):
		m.tagStep = (m.tagStep + 1) % (len(m.tagCycle()) + 1)
		m.refresh()
		if m.tagStep == 0 {
			m.setMsg("Tag filter: all tags", false)
		} else {
			m.setMsg("Tag filter: "+m.tagCycle()[m.tagStep-1].Label(m.glyphs.ASCII), false)
		}
		return nil
	case key.Matches(msg, k.Search):
		m.mode = modeSearch
		m.search.SetValue(m.filter.Search)
		m.search.Focus()
		return nil
	case key.Matches(msg, k.ClearFilters):
		if !m.filter.Active() {
			m.setMsg("No filter to clear", false)
			return nil
		}
		m.filter = model.Filter{}
		m.tagStep = 0
		m.refresh()
		m.setMsg("Filters cleared", false)
		return nil
	case key.Matches(msg, k.Plans):
		m.openPlans()
		return nil
	case key.Matches(msg, k.Swap):
		m.swap()
		return nil
	case key.Matches(msg, k.Matrix):
		m.openMatrix()
		return nil
	case key.Matches(msg, k.Copy):
		return m.copyPoint()
	case key.Matches(msg, k.Export):
		m.openExport()
		return nil
	case key.Matches(msg, k.Help):
		m.mode = modeHelp
		m.helpOff = 0
		return nil
	default:
		return nil
	}
	m.sync(true)
	return nil
}

// jumpLink moves the focus to the next (dir 1) or previous (dir -1)
// counterpart of the point whose counterparts are being visited, or of the
// selected point when none is.
func (m *Model) jumpLink(dir int) {
	cur := m.selectedPoint()
	if cur < 0 {
		m.setMsg("No point selected", false)
		return
	}
	j := m.jump
	cont := false
	if j.active && m.focus == j.side.Other() {
		src := m.pair.IndexOf(j.side, j.n)
		cont = src >= 0 && slices.Contains(m.linkedIndexes(j.side, src), cur)
	}
	if !cont {
		j = jumpState{active: true, side: m.focus, n: m.pair.Plan(m.focus).Points[cur].N, k: -1}
		if dir < 0 {
			j.k = 0
		}
	}
	src := m.pair.IndexOf(j.side, j.n)
	all := m.linkedIndexes(j.side, src)
	other := &m.panes[j.side.Other()]
	var vis []int
	for _, i := range all {
		if _, ok := slices.BinarySearch(other.items, i); ok {
			vis = append(vis, i)
		}
	}
	ref := m.pointRef(j.side, src)
	if len(all) == 0 {
		note := ""
		if u := model.CleanLine(m.pair.UnmatchedNote(j.side, j.n)); u != "" {
			note = " " + u
		}
		m.setMsg(fmt.Sprintf("%s has no counterpart in %s.%s", ref, m.short(j.side.Other()), note), false)
		m.jump.active = false
		return
	}
	if len(vis) == 0 {
		m.setMsg(fmt.Sprintf("The %s of %s are hidden by the filters (x clears them)", plural(len(all), "counterpart", "counterparts"), ref), false)
		m.jump.active = false
		return
	}
	j.k = ((j.k+dir)%len(vis) + len(vis)) % len(vis)
	m.jump = j
	m.focus = j.side.Other()
	other.Select(vis[j.k])
	m.setMsg(fmt.Sprintf("Counterpart %d of %d of %s", j.k+1, len(vis), ref), false)
}

// swap exchanges the left and right plans.
func (m *Model) swap() {
	m.pair = m.pair.Swapped()
	m.ids[0], m.ids[1] = m.ids[1], m.ids[0]
	m.panes[0], m.panes[1] = m.panes[1], m.panes[0]
	m.panes[0].side, m.panes[1].side = model.Left, model.Right
	m.focus = m.focus.Other()
	m.jump = jumpState{}
	m.refresh()
	m.setMsg(fmt.Sprintf("Swapped: %s on the left, %s on the right", m.short(model.Left), m.short(model.Right)), false)
}

// searchKey handles the search line: every key updates the filter.
func (m *Model) searchKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, m.keys.Cancel):
		m.search.Blur()
		m.search.SetValue("")
		m.mode = modeBrowse
		if m.filter.Search != "" {
			m.filter.Search = ""
			m.refresh()
		}
		m.setMsg("Search cleared", false)
		return nil
	case key.Matches(msg, m.keys.Apply):
		m.search.Blur()
		m.mode = modeBrowse
		m.sync(true)
		return nil
	}
	m.search.HandleKey(msg)
	m.applySearch()
	return nil
}

func (m *Model) applySearch() {
	if v := model.CleanLine(m.search.Value()); v != m.filter.Search {
		m.filter.Search = v
		m.refresh()
	}
}

// handlePaste sends pasted text to the field that has the keyboard.
func (m *Model) handlePaste(msg tea.PasteMsg) tea.Cmd {
	switch m.mode {
	case modeSearch:
		m.search.Insert(msg.Content)
		m.applySearch()
	case modeExport:
		if m.export.step == exportName {
			m.export.input.Insert(msg.Content)
		}
	}
	return nil
}

// helpKey closes the help page.
func (m *Model) helpKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, m.keys.Quit):
		return tea.Quit
	case key.Matches(msg, m.keys.Help, m.keys.Cancel, m.keys.Apply):
		m.mode = modeBrowse
	default:
		l := m.layout()
		n := m.helpLength(l.body.w-4, l.body.h-2)
		lw := listWindow{cursor: m.helpOff}
		if listKey(&m.keys, msg, &lw, max(n-(l.body.h-2)+1, 1), l.body.h-3) {
			m.helpOff = lw.cursor
		}
	}
	return nil
}

// copyPoint puts the selected point on the clipboard as plain text.
func (m *Model) copyPoint() tea.Cmd {
	i := m.selectedPoint()
	if i < 0 {
		m.setMsg("No point selected to copy", false)
		return nil
	}
	text := m.pointText(m.focus, i)
	m.setMsg(fmt.Sprintf("Copied %s to the clipboard (OSC 52: the terminal must allow it)", m.pointRef(m.focus, i)), false)
	return tea.SetClipboard(text)
}

// pointText is a point as plain text: address, title, tag, themes,
// summary, quote, source and each counterpart with its note.
func (m *Model) pointText(s model.Side, i int) string {
	plan, other := m.pair.Plan(s), m.pair.Plan(s.Other())
	pt := plan.Points[i]
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s [%s]\n", pt.Ref(plan.ID), model.CleanLine(pt.Title), m.pair.Tag(s, i).Label(false))
	fmt.Fprintf(&b, "%s (%s, %s)\n", model.CleanLine(plan.Title), model.CleanLine(plan.Proposer), plan.Date)
	names := make([]string, len(pt.Themes))
	for k, t := range pt.Themes {
		names[k] = model.CleanLine(m.lib.ThemeName(t))
	}
	fmt.Fprintf(&b, "Themes: %s\n\n%s\n", strings.Join(names, "; "), model.Clean(pt.Summary))
	if pt.Quote != "" {
		fmt.Fprintf(&b, "\n“%s”\n", model.CleanLine(pt.Quote))
	}
	if pt.Source != "" {
		fmt.Fprintf(&b, "Source: %s\n", model.CleanLine(pt.Source))
	}
	links := m.pair.Links(s, i)
	if len(links) == 0 {
		fmt.Fprintf(&b, "\nNo counterpart in %s.", model.CleanLine(other.Short))
		if u := model.CleanLine(m.pair.UnmatchedNote(s, pt.N)); u != "" {
			b.WriteString(" " + u)
		}
		b.WriteString("\n")
	}
	for _, l := range links {
		title := ""
		if op := other.Point(l.N); op != nil {
			title = model.CleanLine(op.Title)
		}
		fmt.Fprintf(&b, "\n-> %s#%d %s [%s]\n   %s\n", other.ID, l.N, title, l.Tag.Label(false), model.CleanLine(l.Note))
	}
	return b.String()
}
