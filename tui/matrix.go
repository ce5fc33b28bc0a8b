package tui

import (
	"fmt"
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"peacecmp/model"
)

// matrixView is the theme × plan table: how many points each plan has on
// each theme. Enter on a cell opens that plan on that theme.
type matrixView struct {
	rows   listWindow // themes
	col    int        // plan
	colOff int
	counts [][]int // [theme][plan]
}

// referencePlan is the plan a matrix cell's plan is opened against.
const referencePlan = "zelensky-2022"

func (m *Model) openMatrix() {
	themes, plans := m.lib.ThemeIDs(), m.lib.Plans
	mv := matrixView{counts: make([][]int, len(themes))}
	per := make([]map[string]int, len(plans))
	for j, p := range plans {
		per[j] = p.ThemeCounts()
	}
	for i, t := range themes {
		mv.counts[i] = make([]int, len(plans))
		for j := range plans {
			mv.counts[i][j] = per[j][t]
		}
	}
	mv.col = max(slices.Index(m.lib.PlanIDs(), m.ids[1]), 0)
	if len(m.filter.Themes) > 0 {
		mv.rows.cursor = max(slices.Index(themes, m.filter.Themes[0]), 0)
	}
	m.matrix = mv
	m.mode = modeMatrix
}

func (m *Model) matrixKey(msg tea.KeyPressMsg) tea.Cmd {
	themes, plans := m.lib.ThemeIDs(), m.lib.PlanIDs()
	k := &m.keys
	switch {
	case key.Matches(msg, k.LeftPane):
		m.matrix.col = clamp(m.matrix.col-1, 0, max(len(plans)-1, 0))
	case key.Matches(msg, k.RightPane):
		m.matrix.col = clamp(m.matrix.col+1, 0, max(len(plans)-1, 0))
	case key.Matches(msg, k.NextPane):
		m.matrix.col = (m.matrix.col + 1) % max(len(plans), 1)
	case key.Matches(msg, k.PrevPane):
		m.matrix.col = (m.matrix.col + len(plans) - 1) % max(len(plans), 1)
	case listKey(k, msg, &m.matrix.rows, len(themes), m.layout().body.h-4):
	case key.Matches(msg, k.Apply):
		m.openCell()
	case key.Matches(msg, k.Cancel, k.Matrix):
		m.mode = modeBrowse
	case key.Matches(msg, k.Quit):
		return tea.Quit
	}
	return nil
}

// openCell opens the plan of the matrix cursor against the reference plan
// (zelensky-2022, or the first other plan when that is the chosen one),
// filtered to the cell's theme.
func (m *Model) openCell() {
	themes, plans := m.lib.ThemeIDs(), m.lib.PlanIDs()
	if m.matrix.rows.cursor >= len(themes) || m.matrix.col >= len(plans) {
		return
	}
	theme, chosen := themes[m.matrix.rows.cursor], plans[m.matrix.col]
	ref := ""
	if m.lib.Plan(referencePlan) != nil && chosen != referencePlan {
		ref = referencePlan
	} else {
		for _, id := range plans {
			if id != chosen {
				ref = id
				break
			}
		}
	}
	if ref == "" {
		m.setMsg("Only one plan is loaded: nothing to compare it with", true)
		return
	}
	m.mode = modeBrowse
	m.filter = model.Filter{Themes: []string{theme}}
	m.tagStep = 0
	if err := m.setPair(ref, chosen); err != nil {
		m.setMsg(err.Error(), true)
		return
	}
	m.focus = model.Right
	m.sync(true)
	m.setMsg(fmt.Sprintf("Opened %s vs %s on %s", m.short(model.Left), m.short(model.Right), theme), false)
}

// renderMatrix draws the matrix in w×h cells, scrolling rows and columns
// to keep the cursor in view.
func (m *Model) renderMatrix(w, h int) []string {
	st, g := &m.styles, m.glyphs
	themes, plans := m.lib.ThemeIDs(), m.lib.Plans
	mv := &m.matrix
	lines := []string{st.Heading.Render(truncate("Points per theme and plan", w, g.Ellipsis))}
	if len(plans) == 0 || len(themes) == 0 {
		return block(append(lines, "Nothing loaded."), w, h)
	}
	geo := m.matrixGeometry(w, h)
	themeW, colW, nCols, legend := geo.themeW, geo.colW, geo.nCols, geo.legend
	colName := geo.colName
	mv.scroll(geo, len(themes), len(plans))
	head := padRight("theme", themeW) + " "
	for j := mv.colOff; j < len(plans) && j < mv.colOff+nCols; j++ {
		label := padLeft(truncate(colName(j), colW-1, g.Ellipsis), colW-1) + " "
		if j == mv.col {
			label = st.Heading.Render(label)
		}
		head += label
	}
	lines = append(lines, head)
	rows := geo.rows
	for i := mv.rows.offset; i < len(themes) && i < mv.rows.offset+rows; i++ {
		line := padRight(truncate(themes[i], themeW, g.Ellipsis), themeW) + " "
		if i == mv.rows.cursor {
			line = st.Heading.Render(line)
		}
		for j := mv.colOff; j < len(plans) && j < mv.colOff+nCols; j++ {
			cell := padLeft(itoa(mv.counts[i][j]), colW-1) + " "
			switch {
			case i == mv.rows.cursor && j == mv.col:
				cell = st.Cursor.Render(padLeft("["+itoa(mv.counts[i][j])+"]", colW-1) + " ")
			case mv.counts[i][j] == 0:
				cell = st.Zero.Render(padLeft(".", colW-1) + " ")
			}
			line += cell
		}
		lines = append(lines, line)
	}
	lines = append(lines, "")
	for _, l := range legend {
		lines = append(lines, st.Faint.Render(l))
	}
	if mv.rows.cursor < len(themes) && mv.col < len(plans) {
		p := plans[mv.col]
		t := themes[mv.rows.cursor]
		lines = append(lines, st.Faint.Render(truncate(fmt.Sprintf("%s (%s): %s on %s. enter opens it on this theme.",
			model.CleanLine(p.Short), p.ID, plural(mv.counts[mv.rows.cursor][mv.col], "point", "points"), model.CleanLine(m.lib.ThemeName(t))), w, g.Ellipsis)))
	}
	return block(lines, w, h)
}

// matrixGeometry is how the matrix fits in w×h cells: the widths of the
// theme column and the plan columns, how many plan columns and theme rows
// show, and the legend of column letters when the names do not fit.
type matrixGeometry struct {
	themeW, colW, nCols, rows int
	legend                    []string
	colName                   func(j int) string
}

func (m *Model) matrixGeometry(w, h int) matrixGeometry {
	themes, plans := m.lib.ThemeIDs(), m.lib.Plans
	var g matrixGeometry
	for _, t := range themes {
		g.themeW = max(g.themeW, width(t))
	}
	g.themeW = clamp(g.themeW, 4, max(w/3, 4))
	g.colW = clamp((w-g.themeW-1)/max(len(plans), 1), 5, 20)
	g.nCols = max((w-g.themeW-1)/g.colW, 1)
	// Columns are headed by the plans' short names when they fit, else by
	// letters explained in a legend below the table.
	letters := false
	for _, p := range plans {
		if width(model.CleanLine(p.Short)) > g.colW-1 {
			letters = true
		}
	}
	g.colName = func(j int) string {
		if letters {
			return string(rune('A' + j%26))
		}
		return model.CleanLine(plans[j].Short)
	}
	if letters {
		items := make([]string, len(plans))
		for j, p := range plans {
			items[j] = g.colName(j) + " " + model.CleanLine(p.Short)
		}
		g.legend = wrapStyled(items, "  ", w)
	}
	// Heading and column names above; a blank line, the legend and the
	// cursor's description below.
	g.rows = max(h-2-2-len(g.legend), 1)
	return g
}

// scroll keeps the cursor's row and column in view.
func (mv *matrixView) scroll(g matrixGeometry, nThemes, nPlans int) {
	mv.rows.show(g.rows, nThemes)
	if mv.col < mv.colOff {
		mv.colOff = mv.col
	}
	if mv.col >= mv.colOff+g.nCols {
		mv.colOff = mv.col - g.nCols + 1
	}
	mv.colOff = clamp(mv.colOff, 0, max(nPlans-g.nCols, 0))
}
