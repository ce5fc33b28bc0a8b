package model

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// TextWidth returns the number of terminal cells s takes, by grapheme
// cluster: the same measure the viewer uses, so that a label the loader
// accepts is the width the viewer draws.
func TextWidth(s string) int { return ansi.StringWidth(s) }

// Wrap breaks text into lines of at most width cells, at spaces where it
// can and inside a word only when the word alone is wider than the line.
// Paragraph breaks (blank lines) are kept; other newlines become spaces.
func Wrap(text string, width int) []string {
	if width < 1 {
		width = 1
	}
	var lines []string
	paras := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n")
	for pi, para := range paras {
		if pi > 0 {
			lines = append(lines, "")
		}
		var cur strings.Builder
		curW := 0
		flush := func() {
			lines = append(lines, cur.String())
			cur.Reset()
			curW = 0
		}
		for _, word := range strings.Fields(para) {
			ww := TextWidth(word)
			if curW > 0 && curW+1+ww <= width {
				cur.WriteByte(' ')
				cur.WriteString(word)
				curW += 1 + ww
				continue
			}
			if curW > 0 {
				flush()
			}
			if ww > width { // a word wider than the line: cut it, in one pass
				var chunks []string
				chunks, word = cutWord(word, width)
				lines = append(lines, chunks...)
				ww = TextWidth(word)
			}
			if word != "" {
				cur.WriteString(word)
				curW = ww
			}
		}
		if curW > 0 || len(strings.Fields(para)) == 0 {
			flush()
		}
	}
	return lines
}

// cutWord cuts a word into full lines of at most width cells (a grapheme
// wider than the line gets a line of its own) and returns them with the
// rest, which fits in a line. It walks the word once.
func cutWord(word string, width int) (full []string, rest string) {
	start, w := 0, 0
	for i := 0; i < len(word); {
		g, gw := ansi.FirstGraphemeCluster(word[i:], ansi.GraphemeWidth)
		if g == "" {
			break
		}
		if w+gw > width && i > start {
			full = append(full, word[start:i])
			start, w = i, 0
		}
		w += gw
		i += len(g)
	}
	rest = word[start:]
	if w > width { // a single grapheme wider than the line
		full = append(full, rest)
		rest = ""
	}
	return full, rest
}

// indentWrap wraps text to width cells, the first line prefixed with first
// and the rest with rest (both the same width).
func indentWrap(text string, width int, first, rest string) []string {
	lines := Wrap(text, width-TextWidth(first))
	for i := range lines {
		if i == 0 {
			lines[i] = first + lines[i]
		} else if lines[i] != "" {
			lines[i] = rest + lines[i]
		}
	}
	return lines
}
