package data

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"peacecmp/model"
)

// loadWith loads the embedded library plus the given files on disk.
func loadWith(t *testing.T, paths ...string) (*model.Library, Problems) {
	t.Helper()
	l, ps := DiskLayer("test", paths...)
	if len(ps) > 0 {
		t.Fatalf("collecting %v: %v", paths, ps)
	}
	return Load(EmbeddedLayer(), l)
}

func TestEmbeddedLibraryLoadsWithoutProblems(t *testing.T) {
	lib, ps := Load(EmbeddedLayer())
	if len(ps) > 0 {
		t.Fatalf("embedded library has problems:\n%v", ps)
	}
	if got := lib.ThemeIDs(); strings.Join(got, " ") != "nuclear-safety food-security energy-security humanitarian prisoners sovereignty ceasefire justice environment security negotiations economy reconstruction governance" {
		t.Errorf("themes are not the spec's 14 in order: %v", got)
	}
	for _, tc := range []struct {
		id     string
		points int
		date   string
	}{{"zelensky-2022", 10, "2022-11-15"}, {"china-2023", 12, "2023-02-24"}} {
		p := lib.Plan(tc.id)
		if p == nil {
			t.Fatalf("plan %s missing", tc.id)
		}
		if len(p.Points) != tc.points || p.Date != tc.date {
			t.Errorf("%s: %d points dated %s, want %d dated %s", tc.id, len(p.Points), p.Date, tc.points, tc.date)
		}
	}
	if c, _ := lib.Comparison("zelensky-2022", "china-2023"); c == nil {
		t.Fatal("no curated comparison of the founding pair")
	}
}

// Every plan carries its date, proposer and sources, every link a note, and
// every comparison considers every point of both plans: linked, or listed
// as unmatched with a note. (Incompleteness is a loader warning, so a
// library without problems is complete; this test says so explicitly.)
func TestEmbeddedDataIsSourcedAndComplete(t *testing.T) {
	lib, ps := Load(EmbeddedLayer())
	if len(ps) > 0 {
		t.Fatalf("problems: %v", ps)
	}
	for _, p := range lib.Plans {
		if p.Date == "" || p.Proposer == "" || len(p.Sources) == 0 || p.Summary == "" {
			t.Errorf("plan %s lacks date, proposer, sources or summary", p.ID)
		}
	}
	for _, c := range lib.Comparisons {
		pair, err := lib.Pair(c.Left, c.Right)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range []model.Side{model.Left, model.Right} {
			for i, pt := range pair.Plan(s).Points {
				links := pair.Links(s, i)
				if len(links) == 0 && pair.UnmatchedNote(s, pt.N) == "" {
					t.Errorf("%s vs %s: %s has neither a link nor an unmatched note", c.Left, c.Right, pt.Ref(pair.Plan(s).ID))
				}
				for _, l := range links {
					if strings.TrimSpace(l.Note) == "" {
						t.Errorf("%s: link to #%d has no note", pt.Ref(pair.Plan(s).ID), l.N)
					}
				}
			}
		}
	}
}

func TestIncompleteComparisonIsAWarning(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "c.yaml", schemaTestComparison) // one link: incomplete on both sides
	lib, ps := loadWith(t, filepath.Join(dir, "c.yaml"))
	if lib == nil {
		t.Fatalf("a warning must not stop loading: %v", ps)
	}
	if len(ps.Warnings()) != 2 || len(ps.Errors()) != 0 {
		t.Fatalf("want two warnings (one per side), got %v", ps)
	}
	if !strings.Contains(ps[0].String(), "warning: comparison is incomplete") {
		t.Errorf("unexpected warning text: %s", ps[0])
	}
}

func TestBadFilesReportEveryProblemWithItsPosition(t *testing.T) {
	const dir = "testdata/bad/"
	tests := []struct {
		file string
		want []string // "line:column: message fragment"
	}{
		{"unknown-field.yaml", []string{`8:1: unknown field "colour" in a plan`, `18:5: unknown field "weight" in a point`}},
		{"missing-field.yaml", []string{`1:1: missing required field "proposer" in a plan`, `12:5: missing required field "title" in a point`}},
		{"duplicate-point.yaml", []string{`17:8: point 1 is given twice (first at line 13)`}},
		{"duplicate-id.yaml", []string{`6:9: theme "extra" is defined twice`}},
		{"unknown-theme.yaml", []string{`16:30: point 1: unknown theme "space-race"`}},
		{"unknown-tag.yaml", []string{ // the file's own error does not hide the checks across files
			`2:7: warning: comparison is incomplete: left plan "zelensky-2022"`,
			`3:8: warning: comparison is incomplete: right plan "china-2023"`,
			`10:10: unknown tag "maybe"`,
		}},
		{"dangling-link.yaml", []string{`3:8: unknown plan "no-such-plan"`}},
		{"dangling-point.yaml", []string{
			`2:7: warning: comparison is incomplete: left plan "zelensky-2022"`,
			`3:8: warning: comparison is incomplete: right plan "china-2023"`,
			`8:11: link left: point 11 does not exist in plan "zelensky-2022"`,
		}},
		{"bad-date.yaml", []string{`6:7: date "2024-02-30" is not a valid date`}},
		{"yaml-syntax.yaml", []string{`3:1: YAML syntax: did not find expected ',' or ']'`}},
		{"unknown-kind.yaml", []string{`1:7: unknown kind "manifesto"`}},
		{"empty-title.yaml", []string{`3:8: title must not be empty`, `14:11: title must not be empty`}},
		{"several.yaml", []string{
			`2:5: id "Bad_Plan" is not kebab-case`,
			`3:8: title must not be empty`,
			`4:8: short is too wide: 50 cells, at most 24`,
			`6:7: date "15/11/2022" is not a valid date`,
			`7:9: unknown status "rumoured"`,
			`10:10: url "ftp://example.org" is not an http or https URL`,
			`13:8: point numbers must be consecutive from 1: expected 1, found 2`,
			`16:13: themes must not be empty`,
		}},
	}
	for _, tc := range tests {
		t.Run(tc.file+" is reported at the right places", func(t *testing.T) {
			lib, ps := loadWith(t, dir+tc.file)
			if lib != nil {
				t.Error("a file with errors must not load")
			}
			if len(ps) != len(tc.want) {
				t.Fatalf("got %d problems, want %d:\n%v", len(ps), len(tc.want), ps)
			}
			for i, w := range tc.want {
				if got := ps[i].String(); !strings.HasPrefix(got, dir+tc.file+":"+w) {
					t.Errorf("problem %d:\n got  %s\n want %s:%s…", i, got, dir+tc.file, w)
				}
			}
		})
	}
}

func TestUserFileReplacesEmbeddedPlanWithTheSameID(t *testing.T) {
	dir := t.TempDir()
	src, err := fs.ReadFile(Embedded(), "plans/china-2023.yaml")
	if err != nil {
		t.Fatal(err)
	}
	edited := regexp.MustCompile(`(?m)^title: .*$`).ReplaceAllString(string(src), "title: My edited copy")
	writeFile(t, dir, "china.yaml", edited)
	lib, ps := loadWith(t, dir)
	if lib == nil {
		t.Fatalf("problems: %v", ps)
	}
	p := lib.Plan("china-2023")
	if p.Title != "My edited copy" || p.Origin != "test" {
		t.Errorf("plan was not replaced: %q from %q", p.Title, p.Origin)
	}
	if n := len(lib.PlanIDs()); n != len(mustLoad(t).Plans) {
		t.Errorf("replacing must not add a plan: %d plans", n)
	}
}

// Replacing an embedded plan with a shorter copy must not leave the user
// with errors in embedded files they cannot edit: the embedded comparison
// that no longer fits is dropped, with a warning at the user's file, and
// the pair opens unassessed.
func TestReplacementDropsAnEmbeddedComparisonThatNoLongerFits(t *testing.T) {
	dir := t.TempDir()
	src, err := os.ReadFile("testdata/good/user-plan.yaml")
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, "china.yaml", strings.Replace(string(src), "id: test-plan", "id: china-2023", 1))
	lib, ps := loadWith(t, dir)
	if lib == nil {
		t.Fatalf("the library must load: %v", ps)
	}
	if len(ps) != 3 || len(ps.Warnings()) != 3 { // china-2023 is in three embedded comparisons
		t.Fatalf("want one warning per dropped comparison, got %v", ps)
	}
	for _, p := range ps {
		if !strings.HasPrefix(p.String(), filepath.Join(dir, "china.yaml")+":2:5: warning: this plan replaces \"china-2023\"") {
			t.Errorf("warning not at the user's file: %s", p)
		}
	}
	pair, err := lib.Pair("zelensky-2022", "china-2023")
	if err != nil || pair.Assessed() {
		t.Fatalf("the pair must open unassessed: %v", err)
	}
	if c, _ := lib.Comparison("china-2023", "china-brazil-2024"); c != nil {
		t.Error("the other comparison of the replaced plan no longer fits either")
	}
}

// A comparison in the same layer as the plan it no longer fits is the
// user's own to fix: that stays an error.
func TestUsersOwnComparisonThatDoesNotFitIsAnError(t *testing.T) {
	lib, ps := loadWith(t, "testdata/bad/dangling-point.yaml")
	if lib != nil || len(ps.Errors()) != 1 {
		t.Fatalf("got %v", ps)
	}
}

func mustLoad(t *testing.T) *model.Library {
	t.Helper()
	lib, ps := Load(EmbeddedLayer())
	if lib == nil {
		t.Fatal(ps)
	}
	return lib
}

func TestUserPlanLoadsAlongsideEmbedded(t *testing.T) {
	lib, ps := loadWith(t, "testdata/good")
	if len(ps) != 0 {
		t.Fatalf("problems: %v", ps)
	}
	p := lib.Plan("test-plan")
	if p == nil || len(p.Points) != 2 || p.Points[1].Quote != "a short quotation" || p.Origin != "test" {
		t.Fatalf("test plan not loaded as written: %+v", p)
	}
	if lib.Plan("zelensky-2022") == nil {
		t.Error("embedded plans must still be there")
	}
}

func TestMissingPathIsAProblem(t *testing.T) {
	_, ps := DiskLayer("test", "testdata/no-such-dir")
	if len(ps) != 1 || !strings.HasPrefix(ps[0].String(), "testdata/no-such-dir:1:1: cannot read") {
		t.Fatalf("got %v", ps)
	}
}

func writeFile(t *testing.T, dir, name, content string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Editors find the schema through the first line of every embedded file.
func TestEmbeddedFilesNameTheSchema(t *testing.T) {
	err := fs.WalkDir(Embedded(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(Embedded(), p)
		if err != nil {
			return err
		}
		depth := strings.Count(p, "/") + 1
		want := "# yaml-language-server: $schema=" + strings.Repeat("../", depth) + "peacecmp.schema.json\n"
		if !strings.HasPrefix(string(b), want) {
			t.Errorf("%s does not start with %q", p, want)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
