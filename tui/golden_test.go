package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// goldenSizes are the widths the golden files cover, each with a height
// that suits it.
var goldenSizes = [][2]int{{40, 20}, {80, 24}, {120, 40}, {200, 50}}

// goldenStates are the screens kept as golden files: keys pressed from the
// start on the fixture library (ASCII, no colour).
var goldenStates = []struct {
	name       string
	unassessed bool
	keys       []string
	sizes      [][2]int
}{
	{name: "browse"},
	{name: "detail-counterpart", keys: []string{"j", "j", "enter", "n"}},
	{name: "filtered", keys: []string{"f", "f", "/", "r", "enter"}},
	{name: "nothing-passes", keys: []string{"/", "z", "z", "z", "enter"}},
	{name: "unassessed", unassessed: true, keys: []string{"enter"}},
	{name: "themes", keys: []string{"t", "j", "space"}, sizes: [][2]int{{40, 20}, {80, 24}}},
	{name: "matrix", keys: []string{"m", "j"}, sizes: [][2]int{{40, 20}, {80, 24}}},
	{name: "export", keys: []string{"e", "enter"}, sizes: [][2]int{{40, 20}, {80, 24}}},
	{name: "help", keys: []string{"?"}, sizes: [][2]int{{40, 20}, {120, 40}}},
}

// TestGolden compares View().Content, without escape codes, with the files
// under testdata/TestGolden. Refresh them with `go test ./tui -run
// TestGolden -update`.
func TestGolden(t *testing.T) {
	for _, st := range goldenStates {
		sizes := st.sizes
		if sizes == nil {
			sizes = goldenSizes
		}
		for _, sz := range sizes {
			t.Run(fmt.Sprintf("%s_%dx%d", st.name, sz[0], sz[1]), func(t *testing.T) {
				opts := fixtureOptions(t)
				opts.Dir = "/exports"
				if st.unassessed {
					opts.Right = "gamma-2022"
				}
				m := press(newSized(t, opts, sz[0], sz[1]), st.keys...)
				checkFits(t, m, sz[0], sz[1])
				out := screen(m)
				if strings.ContainsRune(out, '\x1b') {
					t.Fatal("escape left after stripping")
				}
				golden.RequireEqual(t, []byte(out+"\n"))
			})
		}
	}
}
