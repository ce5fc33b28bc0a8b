package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"
)

// waitFile waits until the file exists or the time is up.
func waitFile(t *testing.T, path string) []byte {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		if b, err := os.ReadFile(path); err == nil {
			return b
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("%s was not written", path)
	return nil
}

// finalScreen quits the program and returns its last view without escapes.
func finalScreen(t *testing.T, tm *teatest.TestModel) (Model, string) {
	t.Helper()
	tm.Send(keyMsg("q"))
	fm, ok := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(Model)
	if !ok {
		t.Fatal("final model is not a tui.Model")
	}
	return fm, ansi.Strip(fm.View().Content)
}

func TestFlowFilterThenExportJSON(t *testing.T) {
	opts := fixtureOptions(t)
	tm := teatest.NewTestModel(t, mustNew(t, opts), teatest.WithInitialTermSize(120, 40))
	// Theme picker: tick nuclear-safety, apply; then tag filter: agree.
	tm.Send(keyMsg("t"))
	tm.Send(keyMsg("space"))
	tm.Send(keyMsg("enter"))
	tm.Send(keyMsg("f"))
	// Export as JSON under the default name.
	tm.Send(keyMsg("e"))
	tm.Send(keyMsg("3"))
	tm.Send(keyMsg("enter"))
	path := filepath.Join(opts.Dir, "peacecmp-alpha-2020-vs-beta-2021.json")
	b := waitFile(t, path)
	for _, want := range []string{`"themes": [
      "nuclear-safety"
    ]`, `"tags": [
      "agree"
    ]`, `"title": "Keep plants safe"`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("export lacks %s:\n%s", want, b)
		}
	}
	if strings.Contains(string(b), "Grain exports") {
		t.Error("the export holds a point the filters hide")
	}
	fm, s := finalScreen(t, tm)
	if strings.Join(fm.filter.Themes, ",") != "nuclear-safety" || fm.filter.Tags[0].String() != "agree" {
		t.Fatalf("final filter %+v", fm.filter)
	}
	// The file is written by a command; its result message may land just
	// before or after q, so the status is checked only when it is there.
	if strings.Contains(s, "Wrote") && !strings.Contains(s, filepath.Base(path)) {
		t.Fatalf("status names another file:\n%s", s)
	}
	if !strings.Contains(s, "themes nuclear-safety; tag + agree - 1 of 11 points pass (0 | 1)") {
		t.Fatalf("final screen:\n%s", s)
	}
}

func TestFlowSearchThenExportTextAndReplace(t *testing.T) {
	opts := fixtureOptions(t)
	path := filepath.Join(opts.Dir, "out.txt")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	tm := teatest.NewTestModel(t, mustNew(t, opts), teatest.WithInitialTermSize(80, 24))
	tm.Send(keyMsg("/"))
	tm.Type("grain")
	tm.Send(keyMsg("enter"))
	tm.Send(keyMsg("e"))
	tm.Send(keyMsg("enter"))
	// Replace the offered name with out.txt in the same folder.
	tm.Send(tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl})
	tm.Type(path)
	tm.Send(keyMsg("enter"))
	// The file exists: the dialog asks; y replaces.
	deadline := time.Now().Add(5 * time.Second)
	for {
		tm.Send(keyMsg("y")) // ignored until the question is up
		if b, _ := os.ReadFile(path); strings.HasPrefix(string(b), "peacecmp: Alpha plan vs Beta paper") {
			if !strings.Contains(string(b), `search: "grain"`) {
				t.Fatalf("export does not record the search:\n%s", b)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the file was not replaced")
		}
		time.Sleep(20 * time.Millisecond)
	}
	fm, s := finalScreen(t, tm)
	if fm.filter.Search != "grain" || !strings.Contains(s, `search "grain"`) {
		t.Fatalf("final screen:\n%s", s)
	}
}

func mustNew(t *testing.T, opts Options) Model {
	t.Helper()
	m, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	return m
}
