package model

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// Matrix counts, for each theme and each plan, how many points of the plan
// speak to the theme.
type Matrix struct {
	Themes []Theme
	Plans  []*Plan
	Counts [][]int // [theme][plan]
}

// Matrix builds the theme × plan matrix of the whole library.
func (l *Library) Matrix() Matrix {
	m := Matrix{Themes: l.Themes, Plans: l.Plans, Counts: make([][]int, len(l.Themes))}
	per := make([]map[string]int, len(l.Plans))
	for j, p := range l.Plans {
		per[j] = p.ThemeCounts()
	}
	for i, t := range l.Themes {
		m.Counts[i] = make([]int, len(l.Plans))
		for j := range l.Plans {
			m.Counts[i][j] = per[j][t.ID]
		}
	}
	return m
}

// wideColumn is the width of a plan column when plan labels fit as
// headers.
const wideColumn = 12

// MinWidth returns the fewest columns the text table needs: theme ids and
// one numbered column per plan.
func (m Matrix) MinWidth() int {
	label := TextWidth("theme")
	for _, t := range m.Themes {
		label = max(label, TextWidth(t.ID))
	}
	return label + len(m.Plans)*5
}

// WriteText writes the matrix as a plain-text table at most width cells
// wide (80 when width is 0): rows are themes, columns are plans. When the
// plans' short labels fit as column headers (wrapped over a few lines) they
// are used; otherwise the columns are numbered P1, P2, … Either way a legend
// below names each plan. A dot stands for zero.
func (m Matrix) WriteText(w io.Writer, width int) error {
	if width <= 0 {
		width = TextWidthLimit
	}
	tw := &textWriter{w: newBuf(w)}
	label := TextWidth("theme")
	for _, t := range m.Themes {
		label = max(label, TextWidth(t.ID))
	}
	col := 4
	wide := label+len(m.Plans)*(wideColumn+1) <= width
	if wide {
		col = wideColumn
	}
	var headers [][]string
	rows := 1
	for j, p := range m.Plans {
		h := []string{fmt.Sprintf("P%d", j+1)}
		if wide {
			h = Wrap(CleanLine(p.Short), col)
		}
		headers = append(headers, h)
		rows = max(rows, len(h))
	}
	for r := 0; r < rows; r++ {
		var head strings.Builder
		if r == rows-1 {
			head.WriteString(pad("theme", label))
		} else {
			head.WriteString(pad("", label))
		}
		for _, h := range headers {
			cell := ""
			if k := r - (rows - len(h)); k >= 0 {
				cell = h[k]
			}
			head.WriteString(" " + padLeft(cell, col))
		}
		tw.line(head.String())
	}
	for i, t := range m.Themes {
		var row strings.Builder
		row.WriteString(pad(t.ID, label))
		for j := range m.Plans {
			cell := "."
			if c := m.Counts[i][j]; c > 0 {
				cell = fmt.Sprint(c)
			}
			row.WriteString(" " + padLeft(cell, col))
		}
		tw.line(row.String())
	}
	tw.line("")
	for j, p := range m.Plans {
		key := fmt.Sprintf("P%-3d ", j+1)
		if wide {
			key = "   - "
		}
		tw.lines(indentWrap(fmt.Sprintf("%s: %s, %s, %s", CleanLine(p.Short), p.ID, p.Date, plural(len(p.Points), "point")), min(width, TextWidthLimit), key, "     "))
	}
	if tw.err != nil {
		return tw.err
	}
	return tw.w.Flush()
}

// padLeft left-pads s with spaces to width cells.
func padLeft(s string, width int) string {
	if w := TextWidth(s); w < width {
		return strings.Repeat(" ", width-w) + s
	}
	return s
}

// WriteMarkdown writes the matrix as a Markdown table.
func (m Matrix) WriteMarkdown(w io.Writer) error {
	tw := &textWriter{w: newBuf(w)}
	var head, rule strings.Builder
	head.WriteString("| Theme |")
	rule.WriteString("|---|")
	for _, p := range m.Plans {
		head.WriteString(" " + mdCell(mdText.Replace(CleanLine(p.Short))) + " |")
		rule.WriteString("---:|")
	}
	tw.line(head.String())
	tw.line(rule.String())
	for i, t := range m.Themes {
		var row strings.Builder
		row.WriteString("| " + mdCell(mdText.Replace(CleanLine(t.Name))) + " |")
		for j := range m.Plans {
			fmt.Fprintf(&row, " %d |", m.Counts[i][j])
		}
		tw.line(row.String())
	}
	if tw.err != nil {
		return tw.err
	}
	return tw.w.Flush()
}

// WriteJSON writes the matrix as JSON: the plans, and per theme the count
// for each plan id.
func (m Matrix) WriteJSON(w io.Writer) error {
	type planJSON struct {
		ID     string `json:"id"`
		Short  string `json:"short"`
		Date   string `json:"date"`
		Points int    `json:"points"`
	}
	type themeJSON struct {
		ID     string         `json:"id"`
		Name   string         `json:"name"`
		Counts map[string]int `json:"counts"`
	}
	out := struct {
		Plans  []planJSON  `json:"plans"`
		Themes []themeJSON `json:"themes"`
	}{Plans: []planJSON{}, Themes: []themeJSON{}}
	for _, p := range m.Plans {
		out.Plans = append(out.Plans, planJSON{p.ID, CleanLine(p.Short), p.Date, len(p.Points)})
	}
	for i, t := range m.Themes {
		tj := themeJSON{ID: t.ID, Name: CleanLine(t.Name), Counts: map[string]int{}}
		for j, p := range m.Plans {
			tj.Counts[p.ID] = m.Counts[i][j]
		}
		out.Themes = append(out.Themes, tj)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// pad right-pads s with spaces to width cells.
func pad(s string, width int) string {
	if w := TextWidth(s); w < width {
		return s + strings.Repeat(" ", width-w)
	}
	return s
}

// plural writes a count with its noun, adding an s when needed.
func plural(n int, noun string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, noun)
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
