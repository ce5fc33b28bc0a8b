package tui

import (
	"testing"

	"peacecmp/internal/synth"
)

// BenchmarkView draws the 120×40 screen of the embedded library with the
// detail open. The first frame after a change re-renders the panes; the
// cached frames reuse them.
func BenchmarkView(b *testing.B) { benchView(b, colourOptions(b)) }

// BenchmarkView10k is BenchmarkView on two plans of 10,000 points: a frame
// draws only what is visible, so it should cost about the same.
func BenchmarkView10k(b *testing.B) { benchView(b, big10k(b)) }

// BenchmarkKeyPress measures one key press and the frame after it.
func BenchmarkKeyPress(b *testing.B) { benchKeys(b, colourOptions(b)) }

// BenchmarkKeyPress10k is BenchmarkKeyPress on two plans of 10,000 points.
func BenchmarkKeyPress10k(b *testing.B) { benchKeys(b, big10k(b)) }

// BenchmarkFilter measures a key that changes the filter (and so every
// pane's lines).
func BenchmarkFilter(b *testing.B) {
	m := newSized(b, testOptions(b), 120, 40)
	for b.Loop() {
		m = send(m, keyMsg("f"))
		_ = m.View()
	}
}

// BenchmarkStart10k measures what the first frame needs on a large
// library: building the root model, sizing it and drawing once.
func BenchmarkStart10k(b *testing.B) {
	opts := big10k(b)
	b.ReportAllocs()
	for b.Loop() {
		m := newSized(b, opts, 120, 40)
		_ = m.View()
	}
}

// colourOptions opens the default pair of the embedded library with colour
// and Unicode glyphs, as most readers see it.
func colourOptions(b *testing.B) Options {
	opts := testOptions(b)
	opts.ASCII, opts.NoColor = false, false
	return opts
}

// big10k opens two synthetic plans of 10,000 points and 10,000 links.
func big10k(b *testing.B) Options {
	return Options{Library: synth.Library(10000, 10000), Left: "synth-left", Right: "synth-right", Dir: b.TempDir()}
}

func benchView(b *testing.B, opts Options) {
	m := press(newSized(b, opts, 120, 40), "enter")
	b.Run("cached", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_ = m.View()
		}
	})
	b.Run("after a move", func(b *testing.B) {
		ms := []Model{press(m, "j"), press(m, "j", "j")}
		i := 0
		b.ReportAllocs()
		for b.Loop() {
			// Alternate between two selections so each frame differs.
			_ = ms[i%2].View()
			i++
		}
	})
}

func benchKeys(b *testing.B, opts Options) {
	m := press(newSized(b, opts, 120, 40), "enter")
	keys := []string{"j", "j", "j", "k", "k", "k", "tab", "n", "tab"}
	i := 0
	b.ReportAllocs()
	for b.Loop() {
		m = send(m, keyMsg(keys[i%len(keys)]))
		_ = m.View()
		i++
	}
}
