package model

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// fixture returns a small library: two plans with a curated comparison and
// a third plan with none.
func fixture() *Library {
	themes := []Theme{
		{ID: "nuclear-safety", Name: "Nuclear and radiation safety"},
		{ID: "food-security", Name: "Food security"},
		{ID: "ceasefire", Name: "Ceasefire"},
	}
	a := &Plan{ID: "alpha", Title: "The Alpha plan", Short: "Alpha", Proposer: "Alpha's government",
		Date: "2022-01-02", Status: StatusOfficial, Sources: []Source{
			{"Alpha Gazette, 2022-01-02", "https://example.org/alpha"},
			{"A source with a long address", "https://example.org/a/very/long/address/that/does/not/fit/on/one/line/of/eighty/columns"},
		},
		Points: []Point{
			{N: 1, Title: "Nuclear safety", Summary: "Plants must be safe and run by their owner.", Themes: []string{"nuclear-safety"}},
			{N: 2, Title: "Grain", Summary: "Grain ships must sail freely across the sea, with a long summary that has to wrap because it is much longer than eighty columns of text.", Themes: []string{"food-security"}, Quote: "ships must sail"},
			{N: 3, Title: "Withdrawal", Summary: "Troops leave first.", Themes: []string{"ceasefire"}},
			{N: 4, Title: "Tribunal", Summary: "A court for crimes.", Themes: []string{"ceasefire"}},
		}}
	b := &Plan{ID: "beta", Title: "The Beta paper", Short: "Beta", Proposer: "Beta's ministry",
		Date: "2023-02-03", Status: StatusReported, Sources: []Source{{"Beta News", "https://example.org/beta"}},
		Points: []Point{
			{N: 1, Title: "Plants", Summary: "No attacks on nuclear plants.", Themes: []string{"nuclear-safety"}},
			{N: 2, Title: "Ceasefire first", Summary: "Stop fighting, then talk.", Themes: []string{"ceasefire"}},
			{N: 3, Title: "Sanctions", Summary: "No unilateral sanctions.", Themes: []string{"food-security"}},
		}}
	c := &Plan{ID: "gamma", Title: "Gamma", Short: "Gamma", Proposer: "Gamma", Date: "2024-01-01", Status: StatusDraft,
		Points: []Point{{N: 1, Title: "Food", Summary: "Food.", Themes: []string{"food-security"}}}}
	comp := &Comparison{Left: "alpha", Right: "beta", Author: "Tests", Date: "2026-01-01", Method: "By hand.",
		Links: []Link{
			{Left: 1, Right: 1, Tag: Partial, Note: "Alpha asks for control; Beta only for no attacks."},
			{Left: 1, Right: 2, Tag: Agree, Note: "Both want calm."},
			{Left: 3, Right: 2, Tag: Conflict, Note: "Alpha wants withdrawal first; Beta a ceasefire first."},
		},
		Unmatched: []Unmatched{{Side: Left, N: 2, Note: "Beta has no grain point."}, {Side: Right, N: 3, Note: "Alpha is silent on sanctions."}},
	}
	return NewLibrary(themes, []*Plan{a, b, c}, []*Comparison{comp})
}

func mustPair(t *testing.T, lib *Library, l, r string) *Pairing {
	t.Helper()
	p, err := lib.Pair(l, r)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestDerivedTagIsTheMostSevereLink(t *testing.T) {
	tests := []struct {
		name  string
		links []Tag
		want  Tag
	}{
		{"no link gives none", nil, None},
		{"one agree gives agree", []Tag{Agree}, Agree},
		{"agree and partial give partial", []Tag{Agree, Partial}, Partial},
		{"partial and conflict give conflict", []Tag{Partial, Conflict, Agree}, Conflict},
		{"related alone gives related", []Tag{Related, Related}, Related},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var ls []PairLink
			for _, tag := range tc.links {
				ls = append(ls, PairLink{Tag: tag})
			}
			if got := DeriveTag(ls); got != tc.want {
				t.Errorf("DeriveTag(%v) = %v, want %v", tc.links, got, tc.want)
			}
		})
	}
}

func TestPairingDerivesTagsOnBothSides(t *testing.T) {
	p := mustPair(t, fixture(), "alpha", "beta")
	want := map[Side][]Tag{Left: {Partial, None, Conflict, None}, Right: {Partial, Conflict, None}}
	for s, tags := range want {
		for i, w := range tags {
			if got := p.Tag(s, i); got != w {
				t.Errorf("%s point %d: tag %v, want %v", s, i+1, got, w)
			}
		}
	}
	if got := p.Links(Right, 1); len(got) != 2 || got[0].N != 1 || got[1].N != 3 {
		t.Errorf("beta#2 links = %+v, want alpha#1 and alpha#3", got)
	}
	if p.UnmatchedNote(Left, 2) != "Beta has no grain point." {
		t.Error("unmatched note lost")
	}
}

func TestPairingTheOtherWayRoundUsesTheSameComparison(t *testing.T) {
	p := mustPair(t, fixture(), "beta", "alpha")
	if !p.Assessed() || p.Left.ID != "beta" {
		t.Fatal("reverse pairing must use the curated comparison")
	}
	if p.Tag(Left, 1) != Conflict || p.Tag(Right, 2) != Conflict || p.UnmatchedNote(Right, 2) == "" {
		t.Errorf("reverse pairing has wrong tags or notes: %v %v", p.Tag(Left, 1), p.Tag(Right, 2))
	}
	s := p.Swapped()
	if s.Left.ID != "alpha" || s.Tag(Left, 2) != Conflict || s.UnmatchedNote(Left, 2) == "" {
		t.Error("Swapped must exchange sides with their tags and notes")
	}
}

func TestPairingWithoutComparisonRelatesPointsByTheme(t *testing.T) {
	p := mustPair(t, fixture(), "alpha", "gamma")
	if p.Assessed() {
		t.Fatal("alpha vs gamma has no comparison")
	}
	if p.Tag(Left, 1) != Related || p.Tag(Left, 0) != None || p.Tag(Right, 0) != Related {
		t.Errorf("tags: %v %v %v", p.Tag(Left, 1), p.Tag(Left, 0), p.Tag(Right, 0))
	}
	if l := p.Links(Left, 1); len(l) != 1 || !strings.Contains(l[0].Note, "Not assessed") {
		t.Errorf("related link must say it is not assessed: %+v", l)
	}
}

func TestPairRejectsUnknownAndIdenticalPlans(t *testing.T) {
	lib := fixture()
	if _, err := lib.Pair("alpha", "nope"); err == nil || !strings.Contains(err.Error(), `"nope"`) {
		t.Errorf("unknown plan: %v", err)
	}
	if _, err := lib.Pair("alpha", "alpha"); err == nil {
		t.Error("a plan cannot be compared with itself")
	}
}

func TestFilters(t *testing.T) {
	p := mustPair(t, fixture(), "alpha", "beta")
	tests := []struct {
		name   string
		filter Filter
		left   []int
		right  []int
	}{
		{"no filter keeps everything", Filter{}, []int{0, 1, 2, 3}, []int{0, 1, 2}},
		{"a theme keeps its points", Filter{Themes: []string{"ceasefire"}}, []int{2, 3}, []int{1}},
		{"themes combine with or", Filter{Themes: []string{"ceasefire", "nuclear-safety"}}, []int{0, 2, 3}, []int{0, 1}},
		{"a tag keeps points with that derived tag", Filter{Tags: []Tag{Conflict}}, []int{2}, []int{1}},
		{"tag none keeps points without counterpart", Filter{Tags: []Tag{None}}, []int{1, 3}, []int{2}},
		{"search is case-insensitive over title and summary", Filter{Search: "  SHIPS "}, []int{1}, []int{}},
		{"filters combine with and", Filter{Themes: []string{"ceasefire"}, Tags: []Tag{None}}, []int{3}, []int{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := p.Visible(Left, tc.filter); !equalInts(got, tc.left) {
				t.Errorf("left = %v, want %v", got, tc.left)
			}
			if got := p.Visible(Right, tc.filter); !equalInts(got, tc.right) {
				t.Errorf("right = %v, want %v", got, tc.right)
			}
		})
	}
}

func TestCounts(t *testing.T) {
	p := mustPair(t, fixture(), "alpha", "beta")
	c := p.Count(Left, p.Visible(Left, Filter{}))
	if c != (Counts{Partial: 1, Conflict: 1, None: 2}) || c.Total() != 4 {
		t.Errorf("counts = %+v", c)
	}
}

func TestParseTag(t *testing.T) {
	if _, err := ParseTag("none", false); err == nil {
		t.Error("none is not a link tag")
	}
	if tag, err := ParseTag("none", true); err != nil || tag != None {
		t.Error("none is a filter tag")
	}
	for _, tag := range Tags {
		if got, err := ParseTag(tag.String(), true); err != nil || got != tag {
			t.Errorf("round trip of %v failed", tag)
		}
		if TextWidth(tag.Symbol(false)) != 1 || len(tag.Symbol(true)) != 1 {
			t.Errorf("symbol of %v must be one cell", tag)
		}
	}
}

func TestWrapKeepsLinesWithinWidth(t *testing.T) {
	for _, w := range []int{1, 2, 5, 10, 80} {
		for _, text := range []string{"", "a", "short words only", "averyveryverylongwordthatmustbecut and more", "日本語のテキストです 和 wide", "para one\n\npara two"} {
			for _, line := range Wrap(text, w) {
				if TextWidth(line) > w && !(w == 1 && TextWidth(line) == 2) {
					t.Errorf("Wrap(%q, %d) gave %q (%d cells)", text, w, line, TextWidth(line))
				}
			}
		}
	}
	if got := strings.Join(Wrap("para one\n\npara two", 80), "|"); got != "para one||para two" {
		t.Errorf("paragraphs: %q", got)
	}
}

func TestExportGolden(t *testing.T) {
	lib := fixture()
	tests := []struct {
		name   string
		left   string
		right  string
		filter Filter
		format Format
	}{
		{"assessed.txt", "alpha", "beta", Filter{}, FormatText},
		{"assessed.md", "alpha", "beta", Filter{}, FormatMarkdown},
		{"assessed.json", "alpha", "beta", Filter{}, FormatJSON},
		{"filtered.txt", "alpha", "beta", Filter{Themes: []string{"ceasefire"}, Tags: []Tag{Conflict, None}}, FormatText},
		{"related.txt", "alpha", "gamma", Filter{}, FormatText},
		{"related.json", "alpha", "gamma", Filter{}, FormatJSON},
		{"empty.txt", "alpha", "beta", Filter{Search: "nothing matches this"}, FormatText},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := NewReport(mustPair(t, lib, tc.left, tc.right), tc.filter)
			var a, b bytes.Buffer
			if err := r.Write(&a, tc.format, lib.ThemeName); err != nil {
				t.Fatal(err)
			}
			if err := r.Write(&b, tc.format, lib.ThemeName); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Fatal("export is not deterministic")
			}
			if tc.format == FormatText {
				checkPlainText(t, a.String())
			}
			golden(t, filepath.Join("testdata", "export", tc.name), a.Bytes())
		})
	}
}

func TestJSONExportHasTheSpecShape(t *testing.T) {
	lib := fixture()
	var buf bytes.Buffer
	if err := NewReport(mustPair(t, lib, "alpha", "beta"), Filter{Tags: []Tag{Conflict}}).WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"left", "right", "comparison", "filters", "counts"} {
		if _, ok := doc[k]; !ok {
			t.Errorf("missing key %q", k)
		}
	}
	left := doc["left"].(map[string]any)
	for _, k := range []string{"id", "title", "short", "proposer", "date", "status", "sources", "points"} {
		if _, ok := left[k]; !ok {
			t.Errorf("missing left.%s", k)
		}
	}
	pts := left["points"].([]any)
	if len(pts) != 1 {
		t.Fatalf("filtered export lists %d left points, want 1", len(pts))
	}
	pt := pts[0].(map[string]any)
	for _, k := range []string{"n", "title", "summary", "themes", "tag", "links"} {
		if _, ok := pt[k]; !ok {
			t.Errorf("missing point.%s", k)
		}
	}
	if pt["tag"] != "conflict" {
		t.Errorf("tag = %v", pt["tag"])
	}
	counts := doc["counts"].(map[string]any)["left"].(map[string]any)
	if counts["conflict"] != 1.0 || counts["none"] != 0.0 {
		t.Errorf("counts are not those of the listed points: %v", counts)
	}
}

// checkPlainText asserts the text export rule: no escape sequence or
// control character, and no line wider than 80 cells except a URL alone on
// its line (URLs are never cut).
func checkPlainText(t *testing.T, s string) {
	t.Helper()
	for i, line := range strings.Split(s, "\n") {
		if w := TextWidth(line); w > TextWidthLimit && (!strings.HasPrefix(line, "http") || strings.Contains(line, " ")) {
			t.Errorf("line %d is %d cells wide: %q", i+1, w, line)
		}
		if esc, _, bad := FirstUnsafe(line); bad {
			t.Errorf("line %d holds %s", i+1, esc)
		}
	}
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test ./model -update to accept):\n--- got ---\n%s", path, got)
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestMatrixGolden(t *testing.T) {
	lib := fixture()
	m := lib.Matrix()
	if m.Counts[2][0] != 2 || m.Counts[1][1] != 1 || m.Counts[0][2] != 0 {
		t.Fatalf("counts = %v", m.Counts)
	}
	for _, width := range []int{80, 160} {
		var buf bytes.Buffer
		if err := m.WriteText(&buf, width); err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(buf.String(), "\n") {
			if TextWidth(line) > width {
				t.Errorf("line wider than %d: %q", width, line)
			}
		}
		golden(t, filepath.Join("testdata", "matrix", fmt.Sprintf("fixture-%d.txt", width)), buf.Bytes())
	}
	var md, js bytes.Buffer
	if err := m.WriteMarkdown(&md); err != nil {
		t.Fatal(err)
	}
	golden(t, filepath.Join("testdata", "matrix", "fixture.md"), md.Bytes())
	if err := m.WriteJSON(&js); err != nil {
		t.Fatal(err)
	}
	golden(t, filepath.Join("testdata", "matrix", "fixture.json"), js.Bytes())
}
