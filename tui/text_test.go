package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestWidthAgreesWithAnsi(t *testing.T) {
	for _, s := range []string{"", "abc", "\x1b[1mbold\x1b[m", "\x1b[38;2;1;2;3mx\x1b[0m y", "│ box", "制裁", "e\u0301", "👍🏽 ok", "\x1b]8;;http://x\x07link\x1b]8;;\x07", "a\x1b[", "tab\there",
		"1\ufe0f\u20e3 keycap", "a\u200db", "│x│", "╭─ ▶ left ─╮", "x\u0308y", "🇫🇷flag", "👨\u200d👩\u200d👧 family", "\xff bad", "\x1b[1m│\x1b[m·"} {
		if got, want := width(s), ansi.StringWidth(s); got != want {
			t.Errorf("width(%q) = %d, ansi says %d", s, got, want)
		}
	}
}

func TestWrapTextKeepsEveryLineWithinWidth(t *testing.T) {
	text := "A ceasefire along the whole front line, monitored by observers from neutral states 制裁制裁制裁 https://example.org/a/very/long/url/without/any/spaces/at/all"
	for w := 1; w < 60; w++ {
		lines := wrapText(text, w)
		for _, l := range lines {
			if width(l) > w {
				t.Fatalf("w=%d: %q is %d wide", w, l, width(l))
			}
		}
		if w >= 3 && strings.ReplaceAll(strings.Join(lines, ""), " ", "") != strings.ReplaceAll(text, " ", "") {
			t.Fatalf("w=%d: text lost: %q", w, lines)
		}
	}
	if got := wrapText("", 10); len(got) != 1 {
		t.Fatalf("empty text gives %q", got)
	}
	if got := wrapText("one\n\ntwo", 10); strings.Join(got, "|") != "one||two" {
		t.Fatalf("paragraphs: %q", got)
	}
}

func TestFitAndTruncate(t *testing.T) {
	if got := fit("abcdef", 3); got != "abc" {
		t.Errorf("fit cut %q", got)
	}
	if got := fit("ab", 4); got != "ab  " {
		t.Errorf("fit pad %q", got)
	}
	if got := fit("制裁", 3); width(got) != 3 {
		t.Errorf("fit wide %q", got)
	}
	if got := truncate("abcdef", 4, "…"); got != "abc…" {
		t.Errorf("truncate %q", got)
	}
	if got := truncate("abcdef", 2, "..."); got != "ab" {
		t.Errorf("truncate with a tail too long %q", got)
	}
	if got := fit("x", 0) + truncate("x", -1, ""); got != "" {
		t.Errorf("zero width %q", got)
	}
}

func TestWrapKeepsEveryGraphemeOfAWordWiderThanTheLine(t *testing.T) {
	got := wrapText("和平方案", 1)
	if len(got) != 4 { // was: the rest of the word after the first character was dropped
		t.Fatalf("wrapText at width 1 = %q, want one line per wide character (each cut to the width)", got)
	}
	got = wrapText("和平 ab", 3)
	if strings.Join(got, "|") != "和|平|ab" {
		t.Fatalf("wrapText = %q", got)
	}
}
