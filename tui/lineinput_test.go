package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

func TestLineInputEdits(t *testing.T) {
	l := lineInput{Prompt: "> "}
	l.Focus()
	keys := func(names ...string) {
		for _, n := range names {
			l.HandleKey(keyMsg(n))
		}
	}
	for _, r := range "peace plan" {
		l.HandleKey(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	keys("backspace")
	if l.Value() != "peace pla" {
		t.Fatalf("backspace: %q", l.Value())
	}
	l.HandleKey(tea.KeyPressMsg{Code: 'w', Mod: tea.ModCtrl})
	if l.Value() != "peace " {
		t.Fatalf("ctrl+w: %q", l.Value())
	}
	keys("left", "left")
	l.Insert("X")
	if l.Value() != "peacXe " {
		t.Fatalf("insert in the middle: %q", l.Value())
	}
	l.HandleKey(tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl})
	if l.Value() != "e " {
		t.Fatalf("ctrl+u: %q", l.Value())
	}
	l.Insert("a\nb\x1b[31m\u202e")
	if strings.ContainsAny(l.Value(), "\n\x1b\u202e") {
		t.Fatalf("control characters kept: %q", l.Value())
	}
	if used := l.HandleKey(tea.KeyPressMsg{Code: 'x', Mod: tea.ModCtrl}); used {
		t.Fatal("ctrl+x was taken as text")
	}
}

func TestLineInputViewFitsAndShowsTheCursorEnd(t *testing.T) {
	l := lineInput{Prompt: "File: "}
	l.Focus()
	l.SetValue("/a/very/long/path/to/some/folder/peacecmp-zelensky-2022-vs-china-2023.txt")
	for w := 0; w < 90; w++ {
		v := l.View(w)
		if ansi.StringWidth(v) > w {
			t.Fatalf("w=%d: %q is %d wide", w, ansi.Strip(v), ansi.StringWidth(v))
		}
		if w > 20 && !strings.Contains(ansi.Strip(v), "2023.txt") {
			t.Fatalf("w=%d: the end of the text is hidden: %q", w, ansi.Strip(v))
		}
	}
	l.SetValue("")
	l.Placeholder = "type here"
	if v := ansi.Strip(l.View(30)); !strings.Contains(v, "type here") {
		t.Fatalf("placeholder: %q", v)
	}
}
