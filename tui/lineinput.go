package tui

import (
	"strings"
	"unicode"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"peacecmp/model"
)

// lineInput is a one-line text field: the search line and the export file
// name. It is small on purpose (bubbles' textinput would pull a clipboard
// module the project does not otherwise need). It edits runes, keeps its
// cursor in view by scrolling horizontally, and draws the cursor as a
// reversed cell, so it needs no blink timer.
type lineInput struct {
	Prompt      string
	Placeholder string
	CharLimit   int

	value   []rune
	pos     int
	focused bool

	prompt, text, placeholder, cursor lipgloss.Style
}

// SetStyles sets the prompt, text and placeholder styles.
func (l *lineInput) SetStyles(prompt, text, placeholder lipgloss.Style) {
	l.prompt, l.text, l.placeholder = prompt, text, placeholder
	l.cursor = lipgloss.NewStyle().Reverse(true)
}

// SetValue replaces the text and puts the cursor at its end.
func (l *lineInput) SetValue(s string) {
	l.value = []rune(sanitizeInput(s))
	if l.CharLimit > 0 && len(l.value) > l.CharLimit {
		l.value = l.value[:l.CharLimit]
	}
	l.pos = len(l.value)
}

// Value returns the text.
func (l *lineInput) Value() string { return string(l.value) }

// Focus gives the field the keyboard.
func (l *lineInput) Focus() { l.focused = true }

// Blur takes the keyboard away.
func (l *lineInput) Blur() { l.focused = false }

// Insert types text at the cursor.
func (l *lineInput) Insert(s string) {
	rs := []rune(sanitizeInput(s))
	if l.CharLimit > 0 {
		rs = rs[:min(len(rs), max(l.CharLimit-len(l.value), 0))]
	}
	if len(rs) == 0 {
		return
	}
	v := make([]rune, 0, len(l.value)+len(rs))
	v = append(v, l.value[:l.pos]...)
	v = append(v, rs...)
	v = append(v, l.value[l.pos:]...)
	l.value = v
	l.pos += len(rs)
}

// sanitizeInput keeps typed or pasted text on one line and free of
// control characters.
func sanitizeInput(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' || r == '\r' {
			return ' '
		}
		if model.UnsafeRune(r) {
			return -1
		}
		return r
	}, s)
}

// HandleKey edits the text for a key; it reports whether the key was used.
func (l *lineInput) HandleKey(msg tea.KeyPressMsg) bool {
	switch msg.String() {
	case "left", "ctrl+b":
		l.pos = max(l.pos-1, 0)
	case "right", "ctrl+f":
		l.pos = min(l.pos+1, len(l.value))
	case "home", "ctrl+a":
		l.pos = 0
	case "end", "ctrl+e":
		l.pos = len(l.value)
	case "backspace", "ctrl+h":
		if l.pos > 0 {
			l.value = append(l.value[:l.pos-1:l.pos-1], l.value[l.pos:]...)
			l.pos--
		}
	case "delete", "ctrl+d":
		if l.pos < len(l.value) {
			l.value = append(l.value[:l.pos:l.pos], l.value[l.pos+1:]...)
		}
	case "ctrl+u":
		l.value = append([]rune{}, l.value[l.pos:]...)
		l.pos = 0
	case "ctrl+k":
		l.value = l.value[:l.pos:l.pos]
	case "ctrl+w", "alt+backspace":
		i := l.pos
		for i > 0 && unicode.IsSpace(l.value[i-1]) {
			i--
		}
		for i > 0 && !unicode.IsSpace(l.value[i-1]) {
			i--
		}
		l.value = append(l.value[:i:i], l.value[l.pos:]...)
		l.pos = i
	default:
		if msg.Text == "" || msg.Mod.Contains(tea.ModCtrl) || msg.Mod.Contains(tea.ModAlt) {
			return false
		}
		l.Insert(msg.Text)
	}
	return true
}

// View draws the prompt and the text in at most w cells, scrolled so that
// the cursor shows.
func (l *lineInput) View(w int) string {
	pw := width(l.Prompt)
	if w <= pw {
		return truncate(l.prompt.Render(l.Prompt), w, "")
	}
	avail := w - pw
	if len(l.value) == 0 {
		ph := ""
		if l.focused {
			ph = l.cursor.Render(" ")
			avail--
		}
		return l.prompt.Render(l.Prompt) + ph + l.placeholder.Render(truncate(l.Placeholder, avail, ""))
	}
	// Show the runes around the cursor: scroll so that the text up to the
	// cursor and the cursor cell fit.
	start := 0
	for width(string(l.value[start:l.pos]))+1 > avail && start < l.pos {
		start++
	}
	before := string(l.value[start:l.pos])
	at, after := " ", ""
	if l.pos < len(l.value) {
		at, after = string(l.value[l.pos]), string(l.value[l.pos+1:])
	}
	rest := max(avail-width(before)-width(at), 0)
	after = ansi.Truncate(after, rest, "")
	cur := l.text.Render(at)
	if l.focused {
		cur = l.cursor.Render(at)
	}
	return l.prompt.Render(l.Prompt) + l.text.Render(before) + cur + l.text.Render(after)
}
