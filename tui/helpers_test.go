package tui

import (
	"strings"
	"sync"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"peacecmp/data"
	"peacecmp/model"
)

var (
	libOnce sync.Once
	testLib *model.Library
)

// library loads the embedded library once for all tests.
func library(tb testing.TB) *model.Library {
	tb.Helper()
	libOnce.Do(func() {
		lib, problems := data.Load(data.EmbeddedLayer())
		if lib == nil {
			panic("embedded library does not load: " + problems.Error())
		}
		testLib = lib
	})
	return testLib
}

// testOptions are the options of the golden tests: ASCII and no colour.
func testOptions(tb testing.TB) Options {
	return Options{Library: library(tb), Left: "zelensky-2022", Right: "china-2023", ASCII: true, NoColor: true, Dir: tb.TempDir()}
}

// newSized builds a model and gives it a window size.
func newSized(tb testing.TB, opts Options, w, h int) Model {
	tb.Helper()
	m, err := New(opts)
	if err != nil {
		tb.Fatal(err)
	}
	return send(m, tea.WindowSizeMsg{Width: w, Height: h})
}

// send feeds one message to the model and returns the new model.
func send(m Model, msg tea.Msg) Model {
	nm, _ := m.Update(msg)
	return nm.(Model)
}

// sendCmd feeds one message and returns the model and the command.
func sendCmd(m Model, msg tea.Msg) (Model, tea.Cmd) {
	nm, cmd := m.Update(msg)
	return nm.(Model), cmd
}

// keyMsg builds the key press for a key name such as "j", "G", "enter",
// "shift+tab" or "space".
func keyMsg(name string) tea.KeyPressMsg {
	special := map[string]tea.Key{
		"up": {Code: tea.KeyUp}, "down": {Code: tea.KeyDown}, "left": {Code: tea.KeyLeft}, "right": {Code: tea.KeyRight},
		"pgup": {Code: tea.KeyPgUp}, "pgdown": {Code: tea.KeyPgDown}, "home": {Code: tea.KeyHome}, "end": {Code: tea.KeyEnd},
		"tab": {Code: tea.KeyTab}, "shift+tab": {Code: tea.KeyTab, Mod: tea.ModShift},
		"enter": {Code: tea.KeyEnter}, "esc": {Code: tea.KeyEscape}, "space": {Code: tea.KeySpace, Text: " "},
		"backspace": {Code: tea.KeyBackspace}, "ctrl+c": {Code: 'c', Mod: tea.ModCtrl},
	}
	if k, ok := special[name]; ok {
		return tea.KeyPressMsg(k)
	}
	r := []rune(name)
	return tea.KeyPressMsg{Code: r[0], Text: name}
}

// press feeds keys by name, in order.
func press(m Model, keys ...string) Model {
	for _, k := range keys {
		m = send(m, keyMsg(k))
	}
	return m
}

// typeText types text one rune at a time.
func typeText(m Model, s string) Model {
	for _, r := range s {
		m = send(m, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return m
}

// screen returns the view's content without escape codes.
func screen(m Model) string { return ansi.Strip(m.View().Content) }

// checkFits fails when the view has a line wider than w or more than h
// lines.
func checkFits(tb testing.TB, m Model, w, h int) {
	tb.Helper()
	content := m.View().Content
	if content == "" {
		return
	}
	lines := strings.Split(content, "\n")
	if len(lines) > h {
		tb.Fatalf("%d×%d: %d lines", w, h, len(lines))
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			tb.Fatalf("%d×%d: line %d is %d cells wide: %q", w, h, i, lw, ansi.Strip(l))
		}
	}
}

// runCmd runs a command and the commands it batches, and returns their
// messages (nil commands give none).
func runCmd(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if b, ok := msg.(tea.BatchMsg); ok {
		var out []tea.Msg
		for _, c := range b {
			out = append(out, runCmd(c)...)
		}
		return out
	}
	return []tea.Msg{msg}
}

// linesAbove counts the lines of the pane above its view.
func (p *pane) linesAbove() int {
	n := p.topLine
	for k := 0; k < p.top; k++ {
		n += p.height(k)
	}
	return n
}
