package tui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"peacecmp/model"
)

// sel returns the number of the selected point in the focused pane.
func sel(m Model) int {
	i := m.selectedPoint()
	if i < 0 {
		return -1
	}
	return m.pair.Plan(m.focus).Points[i].N
}

func fixtureModel(t *testing.T, w, h int) Model {
	t.Helper()
	return newSized(t, fixtureOptions(t), w, h)
}

func TestMovementKeysMoveTheCursorWithinTheFocusedPane(t *testing.T) {
	cases := []struct {
		keys []string
		want int
	}{
		{[]string{"j"}, 2},
		{[]string{"down", "down"}, 3},
		{[]string{"j", "j", "k"}, 2},
		{[]string{"j", "up"}, 1},
		{[]string{"k"}, 1}, // stops at the top
		{[]string{"G"}, 5},
		{[]string{"end"}, 5},
		{[]string{"G", "g"}, 1},
		{[]string{"G", "home"}, 1},
		{[]string{"G", "j"}, 5}, // stops at the bottom
		{[]string{"pgdown"}, 3}, // a screenful: the pane shows 6 lines
		{[]string{"G", "pgup"}, 4},
		{[]string{"pgdown", "pgdown", "pgdown"}, 5},
		{[]string{"G", "pgup", "pgup", "pgup"}, 1},
	}
	for _, c := range cases {
		t.Run(strings.Join(c.keys, " "), func(t *testing.T) {
			m := press(fixtureModel(t, 120, 12), c.keys...)
			if got := sel(m); got != c.want {
				t.Fatalf("selected %d, want %d", got, c.want)
			}
			if m.focus != model.Left {
				t.Fatalf("focus moved to %v", m.focus)
			}
		})
	}
}

func TestPageDownMovesLessThanEverythingInATallPane(t *testing.T) {
	m := newSized(t, testOptions(t), 120, 14)
	m = press(m, "pgdown")
	if n := sel(m); n <= 1 || n >= 10 {
		t.Fatalf("pgdown selected point %d, want one in the middle", n)
	}
}

func TestFocusKeysSwitchPanes(t *testing.T) {
	cases := []struct {
		keys []string
		want model.Side
	}{
		{[]string{"tab"}, model.Right},
		{[]string{"tab", "tab"}, model.Left},
		{[]string{"shift+tab"}, model.Right},
		{[]string{"l"}, model.Right},
		{[]string{"right"}, model.Right},
		{[]string{"l", "h"}, model.Left},
		{[]string{"l", "left"}, model.Left},
	}
	for _, c := range cases {
		t.Run(strings.Join(c.keys, " "), func(t *testing.T) {
			m := press(fixtureModel(t, 120, 30), c.keys...)
			if m.focus != c.want {
				t.Fatalf("focus %v, want %v", m.focus, c.want)
			}
		})
	}
}

func TestEnterOpensAndClosesTheDetail(t *testing.T) {
	m := fixtureModel(t, 120, 40)
	m = press(m, "enter")
	if !m.detail {
		t.Fatal("detail not open")
	}
	s := screen(m)
	for _, want := range []string{"detail: alpha-2020#1", "Calls for safe nuclear plants", "Quote:", "no plant shall be a target",
		"Source: https://example.org/alpha#1", "Counterparts in Beta paper (2):", "#1 Keep plants safe", "Both want safe plants.", "#2 Reduce nuclear risk"} {
		if !strings.Contains(s, want) {
			t.Errorf("detail lacks %q:\n%s", want, s)
		}
	}
	m = press(m, "enter")
	if m.detail || strings.Contains(screen(m), "detail:") {
		t.Fatal("detail not closed")
	}
	m = press(m, "enter", "esc")
	if m.detail {
		t.Fatal("esc did not close the detail")
	}
}

func TestBracketsScrollTheDetail(t *testing.T) {
	m := newSized(t, testOptions(t), 80, 16)
	m = press(m, "enter")
	before := screen(m)
	m = press(m, "]")
	if m.detailOff == 0 || screen(m) == before {
		t.Fatal("] did not scroll the detail")
	}
	m = press(m, "[")
	if m.detailOff != 0 {
		t.Fatalf("[ left the detail at %d", m.detailOff)
	}
}

func TestAPointWithoutCounterpartSaysSo(t *testing.T) {
	m := press(fixtureModel(t, 120, 40), "j", "j", "j", "enter")
	s := screen(m)
	if !strings.Contains(s, "No counterpart in Beta paper. Beta has no point on justice.") {
		t.Fatalf("detail does not say there is no counterpart:\n%s", s)
	}
	m = press(m, "n")
	if !strings.Contains(m.msg, "has no counterpart in Beta paper") || m.focus != model.Left {
		t.Fatalf("n on a point without counterpart: focus %v, msg %q", m.focus, m.msg)
	}
}

func TestNextAndPreviousCounterpartWalkTheLinks(t *testing.T) {
	m := fixtureModel(t, 120, 40)
	m = press(m, "n")
	if m.focus != model.Right || sel(m) != 1 {
		t.Fatalf("n: focus %v on %d, want right on 1", m.focus, sel(m))
	}
	if !strings.Contains(m.msg, "Counterpart 1 of 2 of alpha-2020#1") {
		t.Fatalf("status %q", m.msg)
	}
	m = press(m, "n")
	if m.focus != model.Right || sel(m) != 2 {
		t.Fatalf("second n: on %d, want 2", sel(m))
	}
	m = press(m, "n")
	if sel(m) != 1 {
		t.Fatalf("third n wraps to %d, want 1", sel(m))
	}
	m = press(m, "N")
	if sel(m) != 2 {
		t.Fatalf("N went to %d, want 2", sel(m))
	}
	// From the right pane, a fresh N goes back to the left plan.
	m = press(m, "j", "N")
	if m.focus != model.Left || sel(m) != 2 {
		t.Fatalf("N from beta#3: focus %v on %d, want left on 2", m.focus, sel(m))
	}
}

func TestSelectingHighlightsAndScrollsCounterpartsIntoView(t *testing.T) {
	m := newSized(t, testOptions(t), 120, 16)
	// zelensky-2022#1 is linked to china-2023#7 and #8, below the fold.
	right := m.panes[model.Right]
	if !right.fullyVisible(6) {
		t.Fatalf("counterpart #7 not in view: view starts at item %d line %d, %d rows", right.top, right.topLine, right.h)
	}
	if !strings.Contains(screen(m), "* = partial   7. Keeping nuclear power plants safe") {
		t.Fatalf("counterpart not marked:\n%s", screen(m))
	}
}

func TestThemePickerTogglesAppliesAndCancels(t *testing.T) {
	m := fixtureModel(t, 120, 30)
	m = press(m, "t")
	if m.mode != modeThemes {
		t.Fatal("t did not open the theme picker")
	}
	s := screen(m)
	if !regexp.MustCompile(`nuclear-safety\s+1 \| 2\s+Nuclear and radiation safety`).MatchString(s) {
		t.Fatalf("picker lacks counts:\n%s", s)
	}
	m = press(m, "space", "j", "space", "space", "j", "j", "space")
	if !strings.Contains(screen(m), "[x] ceasefire") {
		t.Fatalf("space did not tick ceasefire:\n%s", screen(m))
	}
	m = press(m, "enter")
	if m.mode != modeBrowse || strings.Join(m.filter.Themes, ",") != "nuclear-safety,ceasefire" {
		t.Fatalf("themes %v after enter", m.filter.Themes)
	}
	if got := len(m.panes[0].items); got != 2 {
		t.Fatalf("left shows %d points, want 2", got)
	}
	if !strings.Contains(screen(m), "themes nuclear-safety, ceasefire - 5 of 11 points pass (2 | 3)") {
		t.Fatalf("status line does not name the filter:\n%s", screen(m))
	}
	m = press(m, "t", "space", "esc")
	if strings.Join(m.filter.Themes, ",") != "nuclear-safety,ceasefire" || m.mode != modeBrowse {
		t.Fatalf("esc changed the themes to %v", m.filter.Themes)
	}
}

func TestTagFilterCycles(t *testing.T) {
	m := fixtureModel(t, 120, 30)
	want := []string{"agree", "partial", "conflict", "none", ""}
	for _, w := range want {
		m = press(m, "f")
		got := ""
		if len(m.filter.Tags) == 1 {
			got = m.filter.Tags[0].String()
		}
		if got != w {
			t.Fatalf("f gave %q, want %q", got, w)
		}
	}
	m = press(m, "f", "f") // partial
	for s := range m.panes {
		for _, i := range m.panes[s].items {
			if tag := m.pair.Tag(model.Side(s), i); tag != model.Partial {
				t.Fatalf("point %d on side %d is %v", i, s, tag)
			}
		}
	}
}

func TestTagFilterOfAnUnassessedPairCyclesRelatedAndNone(t *testing.T) {
	opts := fixtureOptions(t)
	opts.Right = "gamma-2022"
	m := newSized(t, opts, 120, 30)
	var got []string
	for range 3 {
		m = press(m, "f")
		w := "all"
		if len(m.filter.Tags) == 1 {
			w = m.filter.Tags[0].String()
		}
		got = append(got, w)
	}
	if strings.Join(got, " ") != "related none all" {
		t.Fatalf("cycle %v", got)
	}
}

func TestSearchFiltersAsYouTypeEscClearsEnterKeeps(t *testing.T) {
	m := fixtureModel(t, 120, 30)
	m = press(m, "/")
	if m.mode != modeSearch {
		t.Fatal("/ did not open the search")
	}
	m = typeText(m, "gra")
	if m.filter.Search != "gra" || len(m.panes[0].items) != 1 || len(m.panes[1].items) != 1 {
		t.Fatalf("search %q shows %d | %d", m.filter.Search, len(m.panes[0].items), len(m.panes[1].items))
	}
	m = press(m, "backspace", "backspace", "backspace")
	if m.filter.Search != "" {
		t.Fatalf("backspace left %q", m.filter.Search)
	}
	m = typeText(m, "nuclear")
	m = press(m, "enter")
	if m.mode != modeBrowse || m.filter.Search != "nuclear" {
		t.Fatalf("enter: mode %v search %q", m.mode, m.filter.Search)
	}
	if !strings.Contains(screen(m), `search "nuclear"`) {
		t.Fatalf("status line lacks the search:\n%s", screen(m))
	}
	m = press(m, "/", "esc")
	if m.filter.Search != "" || m.mode != modeBrowse {
		t.Fatalf("esc kept search %q", m.filter.Search)
	}
	// Keys that are commands elsewhere are text in the search line.
	m = press(m, "/", "q", "x")
	if m.filter.Search != "qx" || m.mode != modeSearch {
		t.Fatalf("typing q x gave search %q mode %v", m.filter.Search, m.mode)
	}
}

func TestEmptyResultSaysSo(t *testing.T) {
	m := press(fixtureModel(t, 120, 30), "/")
	m = typeText(m, "zzzz")
	s := screen(m)
	if !strings.Contains(s, "No point of either plan passes the filters.") || !strings.Contains(s, `search "zzzz"`) {
		t.Fatalf("empty result not explained:\n%s", s)
	}
}

func TestOneEmptyPaneSaysSo(t *testing.T) {
	m := press(fixtureModel(t, 120, 30), "/")
	m = typeText(m, "tribunal")
	if s := screen(m); !strings.Contains(s, "No point of Beta paper passes the filters.") {
		t.Fatalf("empty pane not explained:\n%s", s)
	}
}

func TestXClearsEveryFilter(t *testing.T) {
	opts := fixtureOptions(t)
	opts.Themes = []string{"nuclear-safety"}
	m := newSized(t, opts, 120, 30)
	m = press(m, "f", "/")
	m = typeText(m, "safe")
	m = press(m, "enter", "x")
	if m.filter.Active() || m.tagStep != 0 || len(m.panes[0].items) != 5 {
		t.Fatalf("x left %+v", m.filter)
	}
	if !strings.Contains(screen(m), "Filters cleared") {
		t.Fatal("x does not say so")
	}
}

func TestStartingThemeFilterApplies(t *testing.T) {
	opts := fixtureOptions(t)
	opts.Themes = []string{"food-security"}
	m := newSized(t, opts, 120, 30)
	if len(m.panes[0].items) != 1 || len(m.panes[1].items) != 1 {
		t.Fatalf("theme filter shows %d | %d", len(m.panes[0].items), len(m.panes[1].items))
	}
}

func TestPlanPickerChoosesBothPlans(t *testing.T) {
	m := fixtureModel(t, 120, 30)
	m = press(m, "p")
	if m.mode != modePlans {
		t.Fatal("p did not open the plan picker")
	}
	m = press(m, "j", "enter") // left: beta
	if !strings.Contains(screen(m), "Pick the right plan") {
		t.Fatalf("no second step:\n%s", screen(m))
	}
	m = press(m, "g", "j", "enter") // beta again: refused
	if m.mode != modePlans || !m.msgErr {
		t.Fatalf("same plan on both sides accepted")
	}
	m = press(m, "G", "enter")
	if m.ids != [2]string{"beta-2021", "gamma-2022"} || m.mode != modeBrowse {
		t.Fatalf("ids %v", m.ids)
	}
	s := screen(m)
	if !strings.Contains(s, "Not assessed") {
		t.Fatalf("an unassessed pair is not marked:\n%s", s)
	}
	m = press(m, "p", "esc")
	if m.mode != modeBrowse {
		t.Fatal("esc did not close the picker")
	}
}

func TestPlanPickerWithTwoPlansSaysSo(t *testing.T) {
	lib := fixture(t)
	two := model.NewLibrary(lib.Themes, lib.Plans[:2], lib.Comparisons)
	opts := fixtureOptions(t)
	opts.Library = two
	m := press(newSized(t, opts, 120, 30), "p")
	if m.mode != modeBrowse || !strings.Contains(m.msg, "Only two plans") {
		t.Fatalf("mode %v msg %q", m.mode, m.msg)
	}
	if strings.Contains(screen(press(m, "?")), "pick plans") {
		t.Fatal("help offers p with two plans")
	}
}

func TestSwapExchangesSides(t *testing.T) {
	m := press(fixtureModel(t, 120, 30), "j", "s")
	if m.ids != [2]string{"beta-2021", "alpha-2020"} {
		t.Fatalf("ids %v", m.ids)
	}
	if m.focus != model.Right || sel(m) != 2 {
		t.Fatalf("selection did not follow the plan: focus %v on %d", m.focus, sel(m))
	}
	if got := m.pair.Tag(model.Left, 0); got != model.Agree { // beta#1 has one agree link
		t.Fatalf("tags not swapped: beta#1 is %v", got)
	}
	if !strings.HasPrefix(strings.TrimSpace(strings.Split(screen(m), "\n")[0]), "Beta paper") {
		t.Fatalf("header not swapped:\n%s", screen(m))
	}
}

func TestMatrixOpensAPlanOnATheme(t *testing.T) {
	m := newSized(t, testOptions(t), 120, 40)
	m = press(m, "m")
	if m.mode != modeMatrix {
		t.Fatal("m did not open the matrix")
	}
	if !strings.Contains(screen(m), "Points per theme and plan") {
		t.Fatalf("no matrix:\n%s", screen(m))
	}
	// The cursor starts on china-2023; go down to food-security.
	m = press(m, "j", "enter")
	if m.mode != modeBrowse || m.ids != [2]string{"zelensky-2022", "china-2023"} {
		t.Fatalf("ids %v", m.ids)
	}
	if strings.Join(m.filter.Themes, ",") != "food-security" || m.focus != model.Right {
		t.Fatalf("filter %v focus %v", m.filter.Themes, m.focus)
	}
	// zelensky-2022 itself is opened against the first other plan.
	m = press(m, "m", "h", "h", "h", "h", "h", "h", "h", "h", "h", "enter")
	if m.ids[1] != "zelensky-2022" || m.ids[0] == "zelensky-2022" {
		t.Fatalf("ids %v", m.ids)
	}
	m = press(m, "m", "esc")
	if m.mode != modeBrowse {
		t.Fatal("esc did not close the matrix")
	}
}

func TestMatrixWithoutReferencePlanUsesTheFirstOther(t *testing.T) {
	m := press(fixtureModel(t, 120, 30), "m", "l", "l", "enter") // gamma on nuclear-safety
	if m.ids != [2]string{"alpha-2020", "gamma-2022"} {
		t.Fatalf("ids %v", m.ids)
	}
	m = press(m, "m", "g", "h", "h", "h", "enter") // alpha
	if m.ids != [2]string{"beta-2021", "alpha-2020"} {
		t.Fatalf("ids %v", m.ids)
	}
}

func TestCopyPutsThePointOnTheClipboard(t *testing.T) {
	m, cmd := sendCmd(fixtureModel(t, 120, 30), keyMsg("y"))
	if cmd == nil {
		t.Fatal("y gave no command")
	}
	text := fmt.Sprint(cmd())
	for _, want := range []string{"alpha-2020#1 Nuclear safety [≈ partial]", "Calls for safe nuclear plants", "-> beta-2021#2 Reduce nuclear risk [≈ partial]"} {
		if !strings.Contains(text, want) {
			t.Errorf("clipboard text lacks %q:\n%s", want, text)
		}
	}
	if !strings.Contains(screen(m), "Copied alpha-2020#1 to the clipboard") {
		t.Fatalf("status does not say so:\n%s", screen(m))
	}
}

func TestHelpShowsEveryKeyAndCloses(t *testing.T) {
	m := press(fixtureModel(t, 120, 40), "?")
	if m.mode != modeHelp {
		t.Fatal("? did not open help")
	}
	s := screen(m)
	for _, grp := range (helpView{keys: &m.keys}).FullHelp() {
		for _, b := range grp {
			if b.Enabled() && !strings.Contains(s, b.Help().Key+" ") || !strings.Contains(s, b.Help().Desc) {
				t.Errorf("help lacks %q %q", b.Help().Key, b.Help().Desc)
			}
		}
	}
	for _, k := range []string{"?", "esc"} {
		if got := press(m, k); got.mode != modeBrowse {
			t.Errorf("%s did not close help", k)
		}
	}
}

func TestHelpScrollsWhenShort(t *testing.T) {
	m := press(newSized(t, testOptions(t), 60, 14), "?")
	first := screen(m)
	m = press(m, "j", "j")
	if m.helpOff != 2 || screen(m) == first {
		t.Fatalf("help did not scroll: off %d", m.helpOff)
	}
}

func TestQuitKeys(t *testing.T) {
	for _, k := range []string{"q", "ctrl+c"} {
		_, cmd := sendCmd(fixtureModel(t, 80, 24), keyMsg(k))
		if cmd == nil {
			t.Fatalf("%s gave no command", k)
		}
		if _, ok := cmd().(tea.QuitMsg); !ok {
			t.Fatalf("%s does not quit", k)
		}
	}
	// ctrl+c quits even while typing a search.
	m := press(fixtureModel(t, 80, 24), "/")
	if _, cmd := sendCmd(m, keyMsg("ctrl+c")); cmd == nil {
		t.Fatal("ctrl+c in search does not quit")
	}
}

func TestExportWritesTheFilteredView(t *testing.T) {
	m := fixtureModel(t, 120, 30)
	m = press(m, "f", "e") // agree only
	if m.mode != modeExport {
		t.Fatal("e did not open the export dialog")
	}
	m = press(m, "j", "enter") // markdown
	want := filepath.Join(m.opts.Dir, "peacecmp-alpha-2020-vs-beta-2021.md")
	if got := m.export.input.Value(); got != want {
		t.Fatalf("default name %q, want %q", got, want)
	}
	m, cmd := sendCmd(m, keyMsg("enter"))
	if cmd == nil {
		t.Fatal("no write command")
	}
	msgs := runCmd(cmd)
	for _, msg := range msgs {
		m = send(m, msg)
	}
	if !strings.Contains(m.msg, "Wrote "+want) {
		t.Fatalf("status %q", m.msg)
	}
	b, err := os.ReadFile(want)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "# Alpha plan vs Beta paper") || !strings.Contains(string(b), "tags: agree") {
		t.Fatalf("file:\n%s", b)
	}
	if strings.Contains(string(b), "Justice") {
		t.Fatal("the export holds a point the filter hides")
	}
}

func TestExportAsksBeforeReplacing(t *testing.T) {
	m := fixtureModel(t, 120, 30)
	path := filepath.Join(m.opts.Dir, "peacecmp-alpha-2020-vs-beta-2021.txt")
	if err := os.WriteFile(path, []byte("keep me"), 0o644); err != nil {
		t.Fatal(err)
	}
	write := func(m Model, keys ...string) Model {
		m = press(m, keys[:len(keys)-1]...)
		m, cmd := sendCmd(m, keyMsg(keys[len(keys)-1]))
		for _, msg := range runCmd(cmd) {
			m = send(m, msg)
		}
		return m
	}
	m = write(m, "e", "enter", "enter")
	if m.mode != modeConfirm || !strings.Contains(screen(m), "Replace it?") {
		t.Fatalf("no question:\n%s", screen(m))
	}
	m = write(m, "n")
	if b, _ := os.ReadFile(path); string(b) != "keep me" || !strings.Contains(m.msg, "Kept") {
		t.Fatalf("n replaced the file or said %q", m.msg)
	}
	m = write(m, "e", "1", "enter")
	m = write(m, "y")
	b, _ := os.ReadFile(path)
	if !strings.HasPrefix(string(b), "peacecmp: Alpha plan vs Beta paper") || !strings.Contains(m.msg, "Replaced "+path) {
		t.Fatalf("y did not replace the file (%q):\n%s", m.msg, b)
	}
}

func TestExportShowsTheError(t *testing.T) {
	m := press(fixtureModel(t, 120, 30), "e", "3")
	m.export.input.SetValue(filepath.Join(m.opts.Dir, "no", "such", "dir", "x.json"))
	m, cmd := sendCmd(m, keyMsg("enter"))
	msgs := runCmd(cmd)
	if len(msgs) != 1 {
		t.Fatalf("messages %v", msgs)
	}
	done := msgs[0].(exportDoneMsg)
	if done.err == nil || errors.Is(done.err, os.ErrExist) {
		t.Fatalf("err %v", done.err)
	}
	m = send(m, done)
	if !m.msgErr || !strings.Contains(m.msg, "Export failed") {
		t.Fatalf("status %q", m.msg)
	}
}

func TestExportCancel(t *testing.T) {
	m := press(fixtureModel(t, 120, 30), "e", "esc")
	if m.mode != modeBrowse {
		t.Fatal("esc did not cancel the format step")
	}
	m = press(m, "e", "enter", "esc")
	if m.mode != modeBrowse || !strings.Contains(m.msg, "cancelled") {
		t.Fatal("esc did not cancel the name step")
	}
}

func TestMouseClickSelectsAndWheelScrolls(t *testing.T) {
	m := newSized(t, testOptions(t), 120, 20)
	l := m.layout()
	r := l.panes[model.Right]
	// Row 1 inside the right frame is the first line shown.
	first := m.panes[model.Right].ItemAt(0)
	m = send(m, tea.MouseClickMsg{X: r.x + 5, Y: r.y + 1, Button: tea.MouseLeft})
	if m.focus != model.Right || m.panes[model.Right].cursor != first {
		t.Fatalf("click: focus %v cursor %d, want right %d", m.focus, m.panes[model.Right].cursor, first)
	}
	lp := l.panes[model.Left]
	before := m.panes[model.Left].linesAbove()
	m = send(m, tea.MouseWheelMsg{X: lp.x + 5, Y: lp.y + 3, Button: tea.MouseWheelDown})
	if got := m.panes[model.Left].linesAbove(); got != before+wheelStep {
		t.Fatalf("wheel: %d lines above the view, want %d", got, before+wheelStep)
	}
	if m.focus != model.Right {
		t.Fatal("the wheel moved the focus")
	}
	m = send(m, tea.MouseWheelMsg{X: lp.x + 5, Y: lp.y + 3, Button: tea.MouseWheelUp})
	if got := m.panes[model.Left].linesAbove(); got != before {
		t.Fatalf("wheel up: %d lines above the view, want %d", got, before)
	}
}

func TestBackgroundColourPicksLightStyles(t *testing.T) {
	opts := fixtureOptions(t)
	opts.NoColor = false
	m := newSized(t, opts, 100, 30)
	if !m.dark {
		t.Fatal("default is not dark")
	}
	if cmd := m.Init(); cmd == nil {
		t.Fatal("Init does not ask for the background")
	}
	dark := m.View().Content
	m = send(m, tea.BackgroundColorMsg{Color: lightGrey{}})
	if m.dark || m.View().Content == dark {
		t.Fatal("a light background did not change the styles")
	}
}

type lightGrey struct{}

func (lightGrey) RGBA() (r, g, b, a uint32) { return 0xeeee, 0xeeee, 0xeeee, 0xffff }

var colourSGR = regexp.MustCompile(`\x1b\[[0-9;:]*(3[0-9]|4[0-9]|9[0-7]|10[0-7])[;:m]`)

func TestNoColorHasNoColour(t *testing.T) {
	m := press(fixtureModel(t, 120, 40), "enter", "n")
	for _, v := range []Model{m, press(m, "t"), press(m, "m"), press(m, "?"), press(m, "e")} {
		if c := v.View().Content; colourSGR.MatchString(c) {
			t.Fatalf("colour in NoColor view: %q", colourSGR.FindString(c))
		}
	}
	opts := fixtureOptions(t)
	opts.NoColor = false
	if c := newSized(t, opts, 120, 40).View().Content; !colourSGR.MatchString(c) {
		t.Fatal("the colour view has no colour: the check above proves nothing")
	}
}

func TestASCIIHasOnlyASCIIChrome(t *testing.T) {
	m := fixtureModel(t, 120, 40)
	s := screen(m)
	for _, r := range []string{"╭", "│", "✓", "≈", "✗", "▶", "◆", "…"} {
		if strings.Contains(s, r) {
			t.Errorf("ASCII view holds %q", r)
		}
	}
	u := fixtureOptions(t)
	u.ASCII = false
	s = screen(newSized(t, u, 120, 40))
	for _, r := range []string{"╭", "│", "✓ agree", "≈ partial", "✗ conflict"} {
		if !strings.Contains(s, r) {
			t.Errorf("Unicode view lacks %q", r)
		}
	}
}

func TestHostileTextIsCleaned(t *testing.T) {
	m := press(fixtureModel(t, 120, 40), "j", "j", "j", "enter")
	c := m.View().Content
	if strings.Contains(c, "\x1b]") || strings.Contains(c, "\x07") || strings.Contains(c, "\u202e") || strings.Contains(c, "\x1b[31m") {
		t.Fatalf("control sequence from the data reached the screen: %q", c)
	}
	if !strings.Contains(ansi.Strip(c), "Justice]52;c;ZXZpbA== for victims") {
		t.Fatalf("cleaned title missing:\n%s", ansi.Strip(c))
	}
}

func TestUnassessedPairIsClearlyMarked(t *testing.T) {
	opts := fixtureOptions(t)
	opts.Right = "gamma-2022"
	m := press(newSized(t, opts, 120, 40), "j", "j", "enter")
	s := screen(m)
	for _, want := range []string{"Not assessed: no curated comparison", "~ related", "Not assessed - related by shared theme", "Not assessed: both points are on ceasefire."} {
		if !strings.Contains(s, want) {
			t.Errorf("screen lacks %q:\n%s", want, s)
		}
	}
}

func TestNewRejectsUnknownIDs(t *testing.T) {
	for _, o := range []Options{
		{Library: fixture(t), Left: "alpha-2020", Right: "nope"},
		{Library: fixture(t), Left: "alpha-2020", Right: "alpha-2020"},
		{Library: fixture(t), Left: "alpha-2020", Right: "beta-2021", Themes: []string{"nope"}},
		{},
	} {
		if _, err := New(o); err == nil {
			t.Errorf("New(%+v) gave no error", o)
		}
	}
}

func TestNewDefaultsToTheSpecPair(t *testing.T) {
	m, err := New(Options{Library: library(t)})
	if err != nil {
		t.Fatal(err)
	}
	if m.ids != [2]string{"zelensky-2022", "china-2023"} {
		t.Fatalf("ids %v", m.ids)
	}
}

func TestSinglePaneBelow80ColumnsMarksThePane(t *testing.T) {
	m := fixtureModel(t, 60, 20)
	s := screen(m)
	if !strings.Contains(s, "> left 1/5 - tab: right") || strings.Contains(s, "Keep plants safe") {
		t.Fatalf("single pane view:\n%s", s)
	}
	m = press(m, "tab")
	s = screen(m)
	if !strings.Contains(s, "> right 1/6 - tab: left") || !strings.Contains(s, "Keep plants safe") {
		t.Fatalf("tab did not show the right pane:\n%s", s)
	}
}

func TestTooSmallSaysSo(t *testing.T) {
	m := fixtureModel(t, 29, 10)
	if s := screen(m); !strings.Contains(s, "Window too") {
		t.Fatalf("tiny window:\n%s", s)
	}
}
