package tui

import (
	tea "charm.land/bubbletea/v2"

	"peacecmp/model"
)

// wheelStep is how many lines one wheel notch scrolls.
const wheelStep = 3

// handleClick selects the point under the pointer and focuses its pane.
func (m *Model) handleClick(ms tea.Mouse) {
	if ms.Button != tea.MouseLeft {
		return
	}
	l := m.layout()
	if l.tooSmall {
		return
	}
	switch m.mode {
	case modeThemes, modePlans:
		// A click on a row moves the cursor there.
		row := ms.Y - l.body.y - 1 - 2
		if !l.body.contains(ms.X, ms.Y) || row < 0 {
			return
		}
		if m.mode == modeThemes {
			m.themes.list.cursor = clamp(m.themes.list.offset+row, 0, max(len(m.lib.Themes)-1, 0))
		} else {
			m.plans.list.cursor = clamp(m.plans.list.offset+row, 0, max(len(m.lib.Plans)-1, 0))
		}
		return
	case modeBrowse:
	default:
		return
	}
	for _, s := range []model.Side{model.Left, model.Right} {
		r := l.panes[s]
		if !r.contains(ms.X, ms.Y) {
			continue
		}
		p := &m.panes[s]
		if k := p.ItemAt(ms.Y - r.y - 1); k >= 0 && ms.X > r.x && ms.X < r.x+r.w-1 {
			m.focus = s
			p.cursor = k
			m.jump.active = false
			m.msg = ""
			m.sync(true)
		}
		return
	}
}

// handleWheel scrolls the pane or detail under the pointer, or moves the
// cursor of the list that is open.
func (m *Model) handleWheel(ms tea.Mouse) {
	var delta int
	switch ms.Button {
	case tea.MouseWheelUp:
		delta = -1
	case tea.MouseWheelDown:
		delta = 1
	default:
		return
	}
	l := m.layout()
	if l.tooSmall {
		return
	}
	switch m.mode {
	case modeThemes:
		m.themes.list.move(delta, len(m.lib.Themes))
		return
	case modePlans:
		m.plans.list.move(delta, len(m.lib.Plans))
		return
	case modeMatrix:
		m.matrix.rows.move(delta, len(m.lib.Themes))
		return
	case modeBrowse, modeSearch:
	default:
		return
	}
	if l.detail.contains(ms.X, ms.Y) {
		m.detailOff = max(m.detailOff+delta*wheelStep, 0)
		m.sync(false)
		return
	}
	for _, s := range []model.Side{model.Left, model.Right} {
		if l.panes[s].contains(ms.X, ms.Y) {
			m.panes[s].ScrollBy(delta * wheelStep)
			m.sync(false)
			return
		}
	}
}
