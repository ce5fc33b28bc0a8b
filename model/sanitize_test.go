package model

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

func TestCleanRemovesEverythingATerminalWouldObey(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain text is kept", "Peace Formula – “ten points” 和平", "Peace Formula – “ten points” 和平"},
		{"newline and tab are kept", "a\nb\tc", "a\nb\tc"},
		{"CSI colour loses its ESC", "red \x1b[31mtext", "red [31mtext"},
		{"OSC title loses ESC and BEL", "\x1b]0;pwned\x07x", "]0;pwnedx"},
		{"DCS loses its ESC", "\x1bP+q\x1b\\", "P+q\\"},
		{"C1 CSI is removed", "a\u009b31mb", "a31mb"},
		{"C1 NEL and APC are removed", "a\u0085b\u009fc", "abc"},
		{"DEL and NUL are removed", "a\x7fb\x00c", "abc"},
		{"bidi overrides and isolates are removed", "a\u202eb\u202ac\u2066d\u2069", "abcd"},
		{"invalid UTF-8 becomes U+FFFD", "a\xffb", "a\uFFFDb"},
		{"carriage return is removed", "a\r\nb", "a\nb"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Clean(tc.in); got != tc.want {
				t.Errorf("Clean(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
	if got := CleanLine(" a\n\tb  c "); got != "a b c" {
		t.Errorf("CleanLine = %q", got)
	}
}

func TestFirstUnsafeEscapesTheCharacter(t *testing.T) {
	for in, want := range map[string]string{"a\x1b": `\x1b`, "\u202e": "U+202E", "\u0085": `\x85`, "a\xff": `invalid UTF-8 byte \xff`} {
		if got, _, ok := FirstUnsafe(in); !ok || got != want {
			t.Errorf("FirstUnsafe(%q) = %q, want %q", in, got, want)
		}
	}
	if _, _, ok := FirstUnsafe("fine\ttext\n"); ok {
		t.Error("tab and newline are safe")
	}
}

// FuzzClean checks the sanitiser's invariants: its output is valid UTF-8
// holding no unsafe character, cleaning twice changes nothing, and a
// cleaned line wraps within its width.
func FuzzClean(f *testing.F) {
	for _, s := range []string{"", "plain", "\x1b[31mred\x1b[0m", "\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\", "\u009b2J", "\u202eevil", "\xff\xfe", "日本語\ttab\nline", "\x1bP$q\x1b\\"} {
		f.Add(s, 10)
	}
	f.Fuzz(func(t *testing.T, s string, width int) {
		// The loader bounds every text at 5,000 characters; longer inputs
		// only slow the fuzzer's minimisation down.
		if len(s) > 1<<14 {
			s = s[:1<<14]
		}
		out := Clean(s)
		if !utf8.ValidString(out) {
			t.Fatalf("Clean(%q) is not valid UTF-8", s)
		}
		if esc, _, bad := FirstUnsafe(out); bad {
			t.Fatalf("Clean(%q) = %q still holds %s", s, out, esc)
		}
		if Clean(out) != out {
			t.Fatalf("Clean is not idempotent on %q", s)
		}
		line := CleanLine(s)
		if strings.ContainsAny(line, "\n\t") {
			t.Fatalf("CleanLine(%q) = %q holds a newline or tab", s, line)
		}
		width = 1 + int(uint(width)%200)
		for _, l := range Wrap(line, width) {
			// A single character wider than the line (a wide grapheme in
			// a one-cell line) is the only excess allowed.
			if w := TextWidth(l); w > width && TextWidth(l) != ansiFirstWidth(l) {
				t.Fatalf("Wrap(%q, %d) gave %q of %d cells", line, width, l, w)
			}
		}
	})
}

// Strings that got past the loader (here: built by hand) never reach an
// export raw, in any format.
func TestExportsCleanEveryString(t *testing.T) {
	const evil = "x\x1b]0;pwned\x07\x1b[31m\u009b2J\u202etxt\x7f"
	lib := fixture()
	a := lib.Plan("alpha")
	a.Title, a.Short, a.Proposer = evil, evil, evil
	a.Sources = append(a.Sources, Source{Title: evil, URL: "https://example.org/" + evil})
	a.Points[0].Title, a.Points[0].Summary, a.Points[0].Quote = evil, evil, evil
	lib.Comparisons[0].Links[0].Note = evil
	lib.Comparisons[0].Method = evil
	p := mustPair(t, lib, "alpha", "beta")
	for _, f := range Formats {
		var buf bytes.Buffer
		for _, filter := range []Filter{{}, {Search: evil}} {
			if err := NewReport(p, filter).Write(&buf, f, lib.ThemeName); err != nil {
				t.Fatal(err)
			}
		}
		if !strings.Contains(buf.String(), "pwned") {
			t.Fatalf("%s export lost the hostile text instead of cleaning it", f)
		}
		if esc, _, bad := FirstUnsafe(buf.String()); bad {
			t.Errorf("%s export holds %s", f, esc)
		}
		if f == FormatJSON {
			var doc any
			dec := json.NewDecoder(&buf) // two documents, one per filter
			for dec.More() {
				if err := dec.Decode(&doc); err != nil {
					t.Fatal(err)
				}
				walkJSON(t, doc)
			}
		}
	}
}

// walkJSON checks every string value of a decoded JSON document.
func walkJSON(t *testing.T, v any) {
	t.Helper()
	switch v := v.(type) {
	case string:
		if esc, _, bad := FirstUnsafe(v); bad {
			t.Errorf("JSON value %q holds %s", v, esc)
		}
	case []any:
		for _, x := range v {
			walkJSON(t, x)
		}
	case map[string]any:
		for _, x := range v {
			walkJSON(t, x)
		}
	}
}

// ansiFirstWidth returns the width of the first grapheme of s when s is that
// one grapheme, and -1 otherwise.
func ansiFirstWidth(s string) int {
	g, w := ansi.FirstGraphemeCluster(s, ansi.GraphemeWidth)
	if g != s {
		return -1
	}
	return w
}
