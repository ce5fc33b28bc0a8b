package tui

import (
	"strings"
	"testing"

	"peacecmp/internal/synth"
	"peacecmp/model"
)

// On a plan of 10,000 points the pane wraps only what it shows, and still
// scrolls to the end and back with the cursor in view.
func TestLargePlanScrollsToTheEndAndBack(t *testing.T) {
	opts := Options{Library: synth.Library(10000, 10000), Left: "synth-left", Right: "synth-right", ASCII: true, NoColor: true, Dir: t.TempDir()}
	m := newSized(t, opts, 120, 40)
	left := m.panes[model.Left]
	if n := len(left.wrapped); n > 100 {
		t.Errorf("the first frame wrapped %d points; only those on screen are needed", n)
	}
	m = press(m, "G")
	left = m.panes[model.Left]
	if left.cursor != 9999 || !left.fullyVisible(9999) {
		t.Fatalf("G: cursor %d, view at item %d", left.cursor, left.top)
	}
	if !strings.Contains(screen(m), "10000. Point 10000 of synth-left") {
		t.Fatalf("the last point is not on screen:\n%s", screen(m))
	}
	m = press(m, "pgup", "pgup")
	if c := m.panes[model.Left].cursor; c >= 9999 || !m.panes[model.Left].fullyVisible(c) {
		t.Fatalf("pgup: cursor %d not moved up into view", c)
	}
	m = press(m, "g")
	if l := m.panes[model.Left]; l.cursor != 0 || l.top != 0 || l.topLine != 0 {
		t.Fatalf("g: cursor %d, view at item %d line %d", l.cursor, l.top, l.topLine)
	}
	if n := len(m.panes[model.Left].wrapped); n > 300 {
		t.Errorf("%d points wrapped after G, pgup and g: wrapping must stay near the screen", n)
	}
}
