package tui

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"peacecmp/model"
)

// width returns the number of terminal cells s takes, escape codes ignored.
// It agrees with ansi.StringWidth but is quicker on what a screen is mostly
// made of: printable ASCII and SGR sequences are counted by hand, and only
// the runs of other characters are measured by ansi.StringWidth. Anything
// that could join a grapheme across a run's edge (a combining mark, a
// joiner, a variation selector, a skin tone) or any other control sends the
// whole string to ansi.StringWidth.
func width(s string) int {
	n := 0
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c >= 0x20 && c < 0x7f:
			n++
			i++
		case c == 0x1b && i+1 < len(s) && s[i+1] == '[':
			// A CSI sequence such as SGR: parameters, then a final byte.
			j := i + 2
			for j < len(s) && s[j] >= 0x20 && s[j] < 0x40 {
				j++
			}
			if j >= len(s) || s[j] < 0x40 || s[j] > 0x7e {
				return ansi.StringWidth(s)
			}
			i = j + 1
		case c >= 0x80:
			j := i
			for j < len(s) && s[j] >= 0x80 {
				r, size := utf8.DecodeRuneInString(s[j:])
				if j == i && joins(r) || r == utf8.RuneError && size <= 1 || r >= 0x80 && r <= 0x9f {
					return ansi.StringWidth(s)
				}
				j += size
			}
			n += ansi.StringWidth(s[i:j])
			i = j
		default:
			return ansi.StringWidth(s)
		}
	}
	return n
}

// joins reports whether r may extend the grapheme before it.
func joins(r rune) bool {
	return unicode.In(r, unicode.Mn, unicode.Me, unicode.Mc) || r == 0x200d || r == 0x20e3 ||
		(r >= 0xfe00 && r <= 0xfe0f) || (r >= 0x1f3fb && r <= 0x1f3ff) || (r >= 0xe0100 && r <= 0xe01ef)
}

// wrapText breaks plain text into lines of at most w cells, at spaces where
// it can and inside a word only when the word alone is wider than the line.
// Blank lines (paragraph breaks) are kept. It returns at least one line.
func wrapText(s string, w int) []string {
	w = max(w, 1)
	lines := model.Wrap(s, w)
	for i, l := range lines {
		if width(l) > w { // a grapheme wider than the whole line
			lines[i] = ansi.Truncate(l, w, "")
		}
	}
	return lines
}

// truncate cuts s to at most w cells, ending with the tail when it had to
// cut and the tail fits.
func truncate(s string, w int, tail string) string {
	if w <= 0 {
		return ""
	}
	if width(s) <= w {
		return s
	}
	if width(tail) >= w {
		return ansi.Truncate(s, w, "")
	}
	return ansi.Truncate(s, w, tail)
}

// fit cuts s to w cells and pads it with spaces to exactly w cells.
func fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	sw := width(s)
	if sw > w {
		s = ansi.Truncate(s, w, "")
		sw = width(s)
	}
	if sw < w {
		s += strings.Repeat(" ", w-sw)
	}
	return s
}

// padRight pads s with spaces to w cells; it never cuts.
func padRight(s string, w int) string {
	if d := w - width(s); d > 0 {
		return s + strings.Repeat(" ", d)
	}
	return s
}

// padLeft pads s on the left with spaces to w cells; it never cuts.
func padLeft(s string, w int) string {
	if d := w - width(s); d > 0 {
		return strings.Repeat(" ", d) + s
	}
	return s
}

// block makes exactly h lines of exactly w cells from lines, cutting or
// padding as needed.
func block(lines []string, w, h int) []string {
	if h <= 0 {
		return nil
	}
	out := make([]string, h)
	for i := range out {
		if i < len(lines) {
			out[i] = fit(lines[i], w)
		} else {
			out[i] = fit("", w)
		}
	}
	return out
}

// fillLines makes exactly h lines from lines that are already w cells
// wide: it drops extra lines and adds blank ones, without measuring.
func fillLines(lines []string, w, h int) []string {
	if h <= 0 {
		return nil
	}
	if len(lines) >= h {
		return lines[:h]
	}
	out := make([]string, h)
	copy(out, lines)
	blank := strings.Repeat(" ", max(w, 0))
	for i := len(lines); i < h; i++ {
		out[i] = blank
	}
	return out
}

// joinColumns puts blocks of lines side by side. Each block must already
// be of its column's width; missing lines are filled with spaces.
func joinColumns(widths []int, cols ...[]string) []string {
	h := 0
	for _, c := range cols {
		h = max(h, len(c))
	}
	out := make([]string, h)
	for i := range out {
		var b strings.Builder
		for ci, c := range cols {
			if i < len(c) {
				b.WriteString(c[i])
			} else {
				b.WriteString(strings.Repeat(" ", widths[ci]))
			}
		}
		out[i] = b.String()
	}
	return out
}

// clamp returns v within [lo, hi]; when hi < lo it returns lo.
func clamp(v, lo, hi int) int {
	if v > hi {
		v = hi
	}
	if v < lo {
		v = lo
	}
	return v
}

// plural returns "1 point" or "2 points".
func plural(n int, one, many string) string {
	if n == 1 {
		return itoa(n) + " " + one
	}
	return itoa(n) + " " + many
}

func itoa(n int) string { return strconv.Itoa(n) }
