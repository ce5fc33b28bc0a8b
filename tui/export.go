package tui

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"peacecmp/internal/safefile"
	"peacecmp/model"
)

// The steps of the export dialog.
const (
	exportFormat = iota // choosing text, Markdown or JSON
	exportName          // editing the file name
)

// exportDialog asks for a format and a file name, then writes what is on
// screen. The report is taken when the dialog opens, so the file holds the
// view the reader was looking at.
type exportDialog struct {
	step   int
	format int // index into model.Formats
	input  lineInput
	report model.Report
	left   string
	right  string
	path   string // the file being written or waiting for consent
}

// exportDoneMsg reports the end of a write.
type exportDoneMsg struct {
	path    string // absolute when it could be made so
	format  model.Format
	err     error
	exists  bool // the file exists and replacing it was not allowed
	replace bool // the write was allowed to replace the file
}

func (m *Model) openExport() {
	m.export.step = exportFormat
	m.export.report = model.NewReport(m.pair, m.filter)
	m.export.left, m.export.right = m.ids[0], m.ids[1]
	m.mode = modeExport
}

// defaultExportPath is peacecmp-LEFT-vs-RIGHT.EXT in Options.Dir.
func (m *Model) defaultExportPath(f model.Format) string {
	name := "peacecmp-" + m.export.left + "-vs-" + m.export.right + f.Extension()
	if m.opts.Dir == "" {
		return name
	}
	return filepath.Join(m.opts.Dir, name)
}

func (m *Model) exportKey(msg tea.KeyPressMsg) tea.Cmd {
	k := &m.keys
	if m.export.step == exportFormat {
		n := len(model.Formats)
		switch {
		case key.Matches(msg, k.Up):
			m.export.format = (m.export.format + n - 1) % n
		case key.Matches(msg, k.Down, k.Toggle, k.NextPane):
			m.export.format = (m.export.format + 1) % n
		case msg.String() == "1" || msg.String() == "2" || msg.String() == "3":
			m.export.format = int(msg.String()[0] - '1')
			return m.chooseFormat()
		case key.Matches(msg, k.Apply):
			return m.chooseFormat()
		case key.Matches(msg, k.Cancel):
			m.mode = modeBrowse
			m.setMsg("Export cancelled", false)
		case key.Matches(msg, k.Quit):
			return tea.Quit
		}
		return nil
	}
	switch {
	case key.Matches(msg, k.Cancel):
		m.export.input.Blur()
		m.mode = modeBrowse
		m.setMsg("Export cancelled", false)
		return nil
	case key.Matches(msg, k.Apply):
		path := strings.TrimSpace(m.export.input.Value())
		if path == "" {
			m.setMsg("Give a file name", true)
			return nil
		}
		m.export.input.Blur()
		m.export.path = path
		m.mode = modeBrowse
		m.setMsg("Writing "+path+" …", false)
		return m.writeExport(false)
	}
	m.export.input.HandleKey(msg)
	return nil
}

func (m *Model) chooseFormat() tea.Cmd {
	f := model.Formats[m.export.format]
	m.export.step = exportName
	m.export.input.SetValue(m.defaultExportPath(f))
	m.export.input.Focus()
	return nil
}

// writeExport returns the command that renders the report and writes it.
// The command works on copies and touches no model state.
func (m *Model) writeExport(overwrite bool) tea.Cmd {
	rep := m.export.report
	f := model.Formats[m.export.format]
	path := m.export.path
	themeName := m.lib.ThemeName
	return func() tea.Msg {
		p := expandHome(path)
		if abs, err := filepath.Abs(p); err == nil {
			p = abs
		}
		var buf bytes.Buffer
		if err := rep.Write(&buf, f, themeName); err != nil {
			return exportDoneMsg{path: p, format: f, err: fmt.Errorf("cannot render the %s export: %w", f, err)}
		}
		err := safefile.Write(p, buf.Bytes(), overwrite)
		return exportDoneMsg{path: p, format: f, err: err, exists: errors.Is(err, safefile.ErrExists), replace: overwrite}
	}
}

// expandHome turns a leading "~/" into the home directory.
func expandHome(p string) string {
	if p == "~" || strings.HasPrefix(p, "~/") {
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, p[1:])
		}
	}
	return p
}

func (m *Model) handleExportDone(msg exportDoneMsg) tea.Cmd {
	switch {
	case msg.exists:
		m.export.path = msg.path
		m.mode = modeConfirm
		m.setMsg("", false)
	case msg.err != nil:
		m.setMsg("Export failed: "+model.CleanLine(msg.err.Error()), true)
	default:
		r := m.export.report
		verb := "Wrote"
		if msg.replace {
			verb = "Replaced"
		}
		m.setMsg(fmt.Sprintf("%s %s (%s; %d + %d points)", verb, model.CleanLine(msg.path), msg.format, len(r.Left.Points), len(r.Right.Points)), false)
	}
	return nil
}

func (m *Model) confirmKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, m.keys.Confirm):
		m.mode = modeBrowse
		m.setMsg("Replacing "+model.CleanLine(m.export.path)+" …", false)
		return m.writeExport(true)
	case key.Matches(msg, m.keys.Deny):
		m.mode = modeBrowse
		m.setMsg("Kept "+model.CleanLine(m.export.path)+"; nothing written", false)
	}
	return nil
}

// renderExport draws the export dialog in w×h cells.
func (m *Model) renderExport(w, h int) []string {
	st, g := &m.styles, m.glyphs
	r := m.export.report
	lines := []string{
		st.Heading.Render(truncate("Export the current view", w, g.Ellipsis)),
		truncate(fmt.Sprintf("%s vs %s: %d + %d points pass the filters", r.Left.Short, r.Right.Short, len(r.Left.Points), len(r.Right.Points)), w, g.Ellipsis),
		"",
	}
	if m.mode == modeConfirm {
		lines = append(lines,
			st.Warning.Render(truncate("The file exists:", w, g.Ellipsis)),
			truncate("  "+model.CleanLine(m.export.path), w, g.Ellipsis),
			"",
			st.Label.Render(truncate("Replace it? y = yes, n or esc = no", w, g.Ellipsis)))
		return block(lines, w, h)
	}
	lines = append(lines, st.Label.Render(truncate("Format:", w, "")))
	for i, f := range model.Formats {
		label := fmt.Sprintf("%d  %-8s  %s", i+1, string(f), f.Extension())
		mark := "  "
		if i == m.export.format {
			mark = g.Cursor + " "
		}
		line := truncate(mark+label, w, g.Ellipsis)
		if i == m.export.format && m.export.step == exportFormat {
			line = st.Cursor.Render(fit(line, min(w, 24)))
		}
		lines = append(lines, line)
	}
	lines = append(lines, "")
	if m.export.step == exportName {
		lines = append(lines, m.export.input.View(w), "",
			st.Faint.Render(truncate("enter writes (asks before replacing a file), esc cancels", w, g.Ellipsis)))
	} else {
		lines = append(lines, st.Faint.Render(truncate("up/down or 1-3 choose, enter continues, esc cancels", w, g.Ellipsis)))
	}
	return block(lines, w, h)
}
