package tui

import (
	"fmt"
	"math/rand/v2"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// sweepWidths and sweepHeights are the sizes of the sweep: every edge of
// the layout (too small, one pane, two panes, the detail's limits) and some
// ordinary and huge sizes.
var (
	sweepWidths  = []int{0, 1, 2, 3, 4, 5, 8, 10, 15, 20, 29, 30, 31, 35, 39, 40, 41, 45, 50, 59, 60, 61, 70, 79, 80, 81, 90, 99, 100, 101, 119, 120, 121, 150, 160, 199, 200, 201, 250, 300, 399, 400}
	sweepHeights = []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 20, 24, 25, 30, 40, 50, 60, 80, 100, 119, 120}
)

// sweepStates are the screens the sweep resizes: every mode, a detail, an
// unassessed pair, an empty result, with ASCII and Unicode, colour and not.
var sweepStates = []struct {
	name  string
	opts  func(*Options)
	keys  []string
	embed bool
}{
	{name: "browse"},
	{name: "browse-embedded-unicode-colour", embed: true, opts: func(o *Options) { o.ASCII, o.NoColor = false, false }},
	{name: "detail", keys: []string{"j", "j", "enter", "n"}},
	{name: "detail-embedded", embed: true, keys: []string{"G", "enter", "N"}},
	{name: "unassessed", opts: func(o *Options) { o.Right = "gamma-2022" }, keys: []string{"enter"}},
	{name: "nothing", keys: []string{"/", "z", "z", "enter"}},
	{name: "search", keys: []string{"/", "n", "u"}},
	{name: "themes", keys: []string{"t", "j", "space"}},
	{name: "plans", embed: true, keys: []string{"p", "j", "enter"}},
	{name: "matrix", embed: true, keys: []string{"m", "l", "j"}},
	{name: "export", keys: []string{"e", "enter"}},
	{name: "help", keys: []string{"?"}},
}

// TestSizeSweep resizes every state through every size, growing then
// shrinking, and checks that nothing panics and no line is wider than the
// window or the screen taller.
func TestSizeSweep(t *testing.T) {
	for _, st := range sweepStates {
		t.Run(st.name, func(t *testing.T) {
			t.Parallel()
			opts := fixtureOptions(t)
			if st.embed {
				opts = testOptions(t)
			}
			if st.opts != nil {
				st.opts(&opts)
			}
			m := press(newSized(t, opts, 120, 40), st.keys...)
			check := func(w, h int) {
				defer func() {
					if r := recover(); r != nil {
						t.Fatalf("panic at %d×%d: %v", w, h, r)
					}
				}()
				m = send(m, tea.WindowSizeMsg{Width: w, Height: h})
				checkFits(t, m, w, h)
			}
			for _, w := range sweepWidths {
				for _, h := range sweepHeights {
					check(w, h)
				}
			}
			// Back down, the other way round.
			for i := len(sweepHeights) - 1; i >= 0; i-- {
				for j := len(sweepWidths) - 1; j >= 0; j-- {
					check(sweepWidths[j], sweepHeights[i])
				}
			}
		})
	}
}

// TestRandomResizesAndKeys mixes random sizes with random keys: the state
// the keys reach must fit every size too.
func TestRandomResizesAndKeys(t *testing.T) {
	keys := []string{"j", "k", "pgdown", "pgup", "g", "G", "tab", "h", "l", "enter", "n", "N", "]", "[", "f", "x", "s",
		"t", "space", "esc", "/", "a", "backspace", "m", "e", "?", "p", "enter", "1"}
	for seed := range uint64(4) {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			t.Parallel()
			r := rand.New(rand.NewPCG(seed, 7))
			opts := testOptions(t)
			if seed%2 == 1 {
				opts = fixtureOptions(t)
				opts.ASCII = false
			}
			m := newSized(t, opts, 80, 24)
			w, h := 80, 24
			for step := range 600 {
				if r.IntN(4) == 0 {
					w, h = r.IntN(401), r.IntN(121)
					m = send(m, tea.WindowSizeMsg{Width: w, Height: h})
				} else {
					k := keys[r.IntN(len(keys))]
					if k == "e" && r.IntN(3) > 0 {
						k = "j" // keep export dialogs rare: enter there writes a file
					}
					if m.mode == modeExport && m.export.step == exportName && k == "enter" {
						k = "esc"
					}
					func() {
						defer func() {
							if rec := recover(); rec != nil {
								t.Fatalf("step %d key %q at %d×%d: panic %v", step, k, w, h, rec)
							}
						}()
						m = send(m, keyMsg(k))
					}()
				}
				checkFits(t, m, w, h)
			}
		})
	}
}
