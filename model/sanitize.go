package model

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// UnsafeRune reports whether r must never reach a terminal or an exported
// file: C0 controls other than newline and tab, DEL, C1 controls, and the
// bidirectional embeddings, overrides and isolates (U+202A–U+202E,
// U+2066–U+2069). Invalid UTF-8 is caught by FirstUnsafe and Clean.
func UnsafeRune(r rune) bool {
	switch {
	case r == '\n' || r == '\t':
		return false
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// FirstUnsafe returns the first unsafe character of s, escaped for an error
// message (such as `\x1b` or `U+202E`), its byte offset, and whether there
// was one. Invalid UTF-8 is reported as the offending byte.
func FirstUnsafe(s string) (escaped string, offset int, found bool) {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size <= 1 {
			return fmt.Sprintf(`invalid UTF-8 byte \x%02x`, s[i]), i, true
		}
		if UnsafeRune(r) {
			return EscapeRune(r), i, true
		}
		i += size
	}
	return "", 0, false
}

// EscapeRune writes a character so that it can be shown safely: `\xNN` for
// the C0, DEL and C1 controls, `U+NNNN` otherwise.
func EscapeRune(r rune) string {
	if r < 0xa0 {
		return fmt.Sprintf(`\x%02x`, r)
	}
	return fmt.Sprintf("U+%04X", r)
}

// Clean returns s with every unsafe character removed and invalid UTF-8
// replaced by U+FFFD, keeping newlines and tabs. It is the one sanitiser
// every string passes before the viewer draws it or an export writes it:
// with no ESC, no C1 and no bidi control left, no escape sequence survives.
func Clean(s string) string {
	if _, _, found := FirstUnsafe(s); !found {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r == utf8.RuneError && size <= 1 {
			b.WriteRune('\uFFFD')
			continue
		}
		if !UnsafeRune(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// CleanLine is Clean for one-line fields: newlines and tabs become spaces
// and runs of spaces collapse to one.
func CleanLine(s string) string {
	return strings.Join(strings.Fields(Clean(s)), " ")
}
