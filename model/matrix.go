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

// WriteText writes the matrix as a plain-text table that fits 80 columns:
// rows are themes, columns are plans numbered in a legend below; a dot
// stands for zero.
func (m Matrix) WriteText(w io.Writer) error {
	tw := &textWriter{w: newBuf(w)}
	label := 0
	for _, t := range m.Themes {
		label = max(label, TextWidth(t.ID))
	}
	var head strings.Builder
	head.WriteString(pad("theme", label))
	for j := range m.Plans {
		fmt.Fprintf(&head, " %3s", fmt.Sprintf("P%d", j+1))
	}
	tw.line(head.String())
	for i, t := range m.Themes {
		var row strings.Builder
		row.WriteString(pad(t.ID, label))
		for j := range m.Plans {
			if c := m.Counts[i][j]; c > 0 {
				fmt.Fprintf(&row, " %3d", c)
			} else {
				fmt.Fprintf(&row, " %3s", ".")
			}
		}
		tw.line(row.String())
	}
	tw.line("")
	for j, p := range m.Plans {
		tw.lines(indentWrap(fmt.Sprintf("%s (%s, %s, %d points)", CleanLine(p.Short), p.ID, p.Date, len(p.Points)), TextWidthLimit, fmt.Sprintf("P%-3d ", j+1), "     "))
	}
	if tw.err != nil {
		return tw.err
	}
	return tw.w.Flush()
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
