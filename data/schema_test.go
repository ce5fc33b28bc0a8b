package data

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"gopkg.in/yaml.v3"

	"peacecmp/model"
)

// compileSchema compiles the embedded schema with format assertions on, so
// that "format": "date" rejects dates such as 2024-02-30 as the loader does
// (draft 2020-12 treats format as an annotation unless asked).
func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(Schema()))
	if err != nil {
		t.Fatalf("the schema is not JSON: %v", err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("peacecmp.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("peacecmp.schema.json")
	if err != nil {
		t.Fatalf("the schema does not compile: %v", err)
	}
	return sch
}

// yamlToJSON turns one YAML document into the value a YAML language server
// validates: mappings, lists, strings, numbers, booleans and null. It builds
// the value from the nodes, so that an unquoted date stays the string it is
// in YAML 1.2 (yaml.v3 would make it a time.Time) and a number stays a
// number.
func yamlToJSON(src []byte) (any, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, err
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 {
		return nil, fmt.Errorf("not a single YAML document")
	}
	return nodeToJSON(doc.Content[0])
}

func nodeToJSON(n *yaml.Node) (any, error) {
	switch n.Kind {
	case yaml.MappingNode:
		m := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			v, err := nodeToJSON(n.Content[i+1])
			if err != nil {
				return nil, err
			}
			m[n.Content[i].Value] = v
		}
		return m, nil
	case yaml.SequenceNode:
		l := make([]any, 0, len(n.Content))
		for _, c := range n.Content {
			v, err := nodeToJSON(c)
			if err != nil {
				return nil, err
			}
			l = append(l, v)
		}
		return l, nil
	case yaml.ScalarNode:
		switch n.ShortTag() {
		case "!!null":
			return nil, nil
		case "!!bool", "!!int", "!!float":
			var v any
			if err := n.Decode(&v); err != nil {
				return nil, fmt.Errorf("line %d: %w", n.Line, err)
			}
			return v, nil
		default: // !!str, and !!timestamp, which YAML 1.2 does not have
			return n.Value, nil
		}
	}
	return nil, fmt.Errorf("line %d: unsupported YAML node (aliases are not allowed)", n.Line)
}

// validateYAML validates a YAML file against the schema.
func validateYAML(t *testing.T, sch *jsonschema.Schema, src []byte) error {
	t.Helper()
	v, err := yamlToJSON(src)
	if err != nil {
		t.Fatalf("cannot convert the YAML to JSON: %v", err)
	}
	return sch.Validate(v)
}

// schemaFlags lists the places a validation error points at, as JSON
// pointers, sorted and without repeats. An unknown field is named by its
// own path and a missing one by the path it should have, as the loader
// does.
func schemaFlags(err error) []string {
	var out []string
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) > 0 {
			for _, c := range e.Causes {
				walk(c)
			}
			return
		}
		at := "/" + strings.Join(e.InstanceLocation, "/")
		at = strings.TrimSuffix(at, "/")
		switch k := e.ErrorKind.(type) {
		case *kind.AdditionalProperties:
			for _, p := range k.Properties {
				out = append(out, at+"/"+p)
			}
		case *kind.Required:
			for _, p := range k.Missing {
				out = append(out, at+"/"+p)
			}
		default:
			if at == "" {
				at = "/"
			}
			out = append(out, at)
		}
	}
	if ve, ok := err.(*jsonschema.ValidationError); ok {
		walk(ve)
	}
	sort.Strings(out)
	return slices.Compact(out)
}

func TestSchemaIsStrictAndDocumented(t *testing.T) {
	var doc map[string]any
	if err := json.Unmarshal(Schema(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc["$schema"] != "https://json-schema.org/draft/2020-12/schema" {
		t.Errorf("$schema is %v, want draft 2020-12", doc["$schema"])
	}
	var walk func(path string, v any)
	walk = func(path string, v any) {
		switch v := v.(type) {
		case map[string]any:
			if strings.HasSuffix(path, "/if") {
				return // a condition on kind, not a description of fields
			}
			if props, ok := v["properties"].(map[string]any); ok {
				// The root checks kind only; each kind's definition is strict.
				if path != "" && v["additionalProperties"] != false {
					t.Errorf("%s lists properties but allows others: want additionalProperties false", path)
				}
				for name, p := range props {
					pm, _ := p.(map[string]any)
					if pm["title"] == nil || pm["description"] == nil {
						t.Errorf("%s/properties/%s has no title or no description for editors to show", path, name)
					}
				}
			}
			for k, c := range v {
				walk(path+"/"+k, c)
			}
		case []any:
			for i, c := range v {
				walk(fmt.Sprintf("%s/%d", path, i), c)
			}
		}
	}
	walk("", doc)
	for name, d := range doc["$defs"].(map[string]any) {
		dm := d.(map[string]any)
		if dm["title"] == nil || dm["description"] == nil {
			t.Errorf("$defs/%s has no title or no description", name)
		}
	}
}

func TestSchemaReturnsACopy(t *testing.T) {
	s := Schema()
	s[0] = 'x'
	if Schema()[0] != '{' {
		t.Fatal("changing the returned slice changed the schema")
	}
}

func TestSchemaAcceptsEveryEmbeddedFile(t *testing.T) {
	sch := compileSchema(t)
	fsys := Embedded()
	n := 0
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !isYAML(p) {
			return err
		}
		n++
		t.Run("embedded "+p+" passes the schema", func(t *testing.T) {
			src, err := fs.ReadFile(fsys, p)
			if err != nil {
				t.Fatal(err)
			}
			if err := validateYAML(t, sch, src); err != nil {
				t.Errorf("%v", err)
			}
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 3 {
		t.Fatalf("found only %d embedded files", n)
	}
}

func TestSchemaAcceptsTheGoodFixtures(t *testing.T) {
	sch := compileSchema(t)
	files, err := filepath.Glob("testdata/good/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no good fixtures: %v", err)
	}
	for _, f := range files {
		t.Run(f+" passes the schema and the loader", func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if err := validateYAML(t, sch, src); err != nil {
				t.Errorf("schema: %v", err)
			}
			if lib, ps := loadFileOverEmbedded(t, f); lib == nil {
				t.Errorf("loader: %v", ps)
			}
		})
	}
}

// loadFileOverEmbedded loads the embedded library plus one file on disk.
func loadFileOverEmbedded(t *testing.T, path string) (*model.Library, Problems) {
	t.Helper()
	l, ps := DiskLayer("test", path)
	if len(ps) > 0 {
		t.Fatalf("collecting %s: %v", path, ps)
	}
	return Load(EmbeddedLayer(), l)
}

// badFixture says how the schema sees a file of testdata/bad.
type badFixture struct {
	file       string
	schemaAt   []string // where the schema flags the file (JSON pointers)
	loaderOnly string   // why the schema cannot see the problem
}

// Every bad fixture is rejected by the loader. Where its problem lies
// within the file and JSON Schema can state it, the schema rejects it too,
// at the same places; otherwise the fixture is listed as loader-only with
// the reason, and the schema must accept it (so the list stays honest).
func TestSchemaAndLoaderAgreeOnTheBadFixtures(t *testing.T) {
	const dir = "testdata/bad/"
	tests := []badFixture{
		{file: "unknown-field.yaml", schemaAt: []string{"/colour", "/points/0/weight"}},
		{file: "missing-field.yaml", schemaAt: []string{"/points/0/title", "/proposer"}},
		{file: "bad-date.yaml", schemaAt: []string{"/date"}}, // 2024-02-30: caught by "format": "date"
		{file: "unknown-kind.yaml", schemaAt: []string{"/kind"}},
		{file: "unknown-tag.yaml", schemaAt: []string{"/links/0/tag"}},
		{file: "empty-title.yaml", schemaAt: []string{"/points/0/title", "/title"}},
		// The loader's eighth problem here, point numbers not consecutive
		// from 1, is beyond JSON Schema (see duplicate-point.yaml).
		{file: "several.yaml", schemaAt: []string{"/date", "/id", "/points/0/themes", "/short", "/sources/0/url", "/status", "/title"}},

		{file: "unknown-theme.yaml", loaderOnly: "theme ids are defined in another file, the themes file"},
		{file: "dangling-link.yaml", loaderOnly: "plan ids are defined in other files, the plans"},
		{file: "dangling-point.yaml", loaderOnly: "the points a link names are in another file, the plan"},
		{file: "duplicate-id.yaml", loaderOnly: "ids must be unique across items (and files), and uniqueItems compares whole items, not one field"},
		{file: "duplicate-point.yaml", loaderOnly: "point numbers must be unique and consecutive across items, which JSON Schema cannot state"},
		{file: "yaml-syntax.yaml", loaderOnly: "the file is not YAML, so there is nothing to validate; editors report the syntax error themselves"},
	}

	files, err := filepath.Glob(dir + "*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if !slices.ContainsFunc(tests, func(tc badFixture) bool { return dir+tc.file == f }) {
			t.Errorf("%s is not classified here as schema-checked or loader-only", f)
		}
	}

	sch := compileSchema(t)
	for _, tc := range tests {
		name := tc.file + " is rejected by the loader and the schema"
		if tc.loaderOnly != "" {
			name = tc.file + " is rejected by the loader only, because " + tc.loaderOnly
		}
		t.Run(name, func(t *testing.T) {
			if lib, _ := loadFileOverEmbedded(t, dir+tc.file); lib != nil {
				t.Error("the loader accepts the file")
			}
			src, err := os.ReadFile(dir + tc.file)
			if err != nil {
				t.Fatal(err)
			}
			v, convErr := yamlToJSON(src)
			if tc.file == "yaml-syntax.yaml" {
				if convErr == nil {
					t.Error("the file is valid YAML after all")
				}
				return
			}
			if convErr != nil {
				t.Fatal(convErr)
			}
			err = sch.Validate(v)
			if tc.loaderOnly != "" {
				if err != nil {
					t.Errorf("the schema rejects it after all; move it to the schema-checked files:\n%v", err)
				}
				return
			}
			if err == nil {
				t.Fatal("the schema accepts it")
			}
			if got := schemaFlags(err); !slices.Equal(got, tc.schemaAt) {
				t.Errorf("the schema flags %q, want %q:\n%v", got, tc.schemaAt, err)
			}
		})
	}
}

const (
	schemaTestComparison = `kind: comparison
left: zelensky-2022
right: china-2023
author: Tests
date: 2024-01-01
method: By hand.
links:
  - left: 1
    right: 7
    tag: agree
    note: A note.
`
	schemaTestThemes = `kind: themes
themes:
  - id: extra
    name: Extra
    description: An extra theme.
`
)

// Small edits of valid files, each checked by the loader (on the file
// alone) and by the schema. They agree except where a case says why not.
func TestSchemaAndLoaderAgreeOnEditedFiles(t *testing.T) {
	goodPlan, err := os.ReadFile("testdata/good/user-plan.yaml")
	if err != nil {
		t.Fatal(err)
	}
	plan := string(goodPlan)
	const summary = "summary: A plan used by the loader tests."
	words := func(n int) string { return strings.TrimSpace(strings.Repeat("word ", n)) }
	tests := []struct {
		name         string
		base         string
		old, new     string // replaced once in base; an empty old appends new
		loaderAccept bool
		schemaAccept bool
	}{
		{"the good plan is accepted", plan, "", "", true, true},
		{"a quote of 30 words is accepted", plan, "a short quotation", words(30), true, true},
		{"a quote of 31 words is rejected", plan, "a short quotation", words(31), false, false},
		{"a leap day is accepted", plan, "2024-01-31", "2024-02-29", true, true},
		{"a day after the end of the month is rejected", plan, "2024-01-31", "2023-02-29", false, false},
		{"a date with one-digit month is rejected", plan, "2024-01-31", "2024-1-31", false, false},
		{"a quoted date is accepted", plan, "2024-01-31", `"2024-01-31"`, true, true},
		{"an id with a double hyphen is rejected", plan, "id: test-plan", "id: test--plan", false, false},
		{"an id of 65 characters is rejected", plan, "id: test-plan", "id: " + strings.Repeat("a", 65), false, false},
		{"a status in capitals is rejected", plan, "status: draft", "status: Draft", false, false},
		{"a title of 200 characters is accepted", plan, "title: A test plan", "title: " + strings.Repeat("t", 200), true, true},
		{"a title of 201 characters is rejected", plan, "title: A test plan", "title: " + strings.Repeat("t", 201), false, false},
		{"a short label of 24 characters is accepted", plan, "short: Test plan", "short: " + strings.Repeat("s", 24), true, true},
		{"a short label of 25 characters is rejected", plan, "short: Test plan", "short: " + strings.Repeat("s", 25), false, false},
		{"a summary holding an escaped ESC is rejected", plan, summary, `summary: "A plan \e[31m used."`, false, false},
		{"a summary holding a bidi override is rejected", plan, summary, `summary: "A plan \u202E used."`, false, false},
		{"a summary holding a tab is accepted", plan, summary, `summary: "A plan\tused."`, true, true},
		{"a summary of only spaces is rejected", plan, summary, `summary: "   "`, false, false},
		{"an http URL is accepted", plan, "https://example.org/test", "http://example.org/test", true, true},
		{"a URL with a space is rejected", plan, "https://example.org/test", "https://example.org/a b", false, false},
		{"an ftp URL is rejected", plan, "https://example.org/test", "ftp://example.org/test", false, false},
		{"an empty list of sources is rejected", plan, "sources:\n  - title: Nowhere, 2024\n    url: https://example.org/test\n", "sources: []\n", false, false},
		{"a point number of zero is rejected", plan, "n: 1", "n: 0", false, false},
		{"a quoted point number is rejected", plan, "n: 1", `n: "1"`, false, false},
		{"a theme id in capitals is rejected", plan, "themes: [nuclear-safety]", "themes: [Nuclear-Safety]", false, false},
		{"a point source that is a URL is accepted", plan, "    themes: [nuclear-safety]\n", "    themes: [nuclear-safety]\n    source: https://example.org/p1\n", true, true},
		// The loader reads a bare number as text; the schema asks for
		// quotes, as an editor would show the value as a number.
		{"a bare number as a title is accepted by the loader only", plan, "title: A test plan", "title: 1984", true, false},
		// The loader counts terminal cells; JSON Schema counts characters.
		{"a short label of 13 wide characters is rejected by the loader only", plan, "short: Test plan", "short: " + strings.Repeat("和", 13), false, true},

		{"the comparison is accepted", schemaTestComparison, "", "", true, true},
		{"an empty unmatched list is accepted", schemaTestComparison, "", "unmatched: []\n", true, true},
		{"an unmatched point is accepted", schemaTestComparison, "", "unmatched:\n  - side: left\n    n: 2\n    note: No counterpart.\n", true, true},
		{"an unmatched point on a side in the middle is rejected", schemaTestComparison, "", "unmatched:\n  - side: middle\n    n: 2\n    note: No counterpart.\n", false, false},
		{"an unmatched point without a note is rejected", schemaTestComparison, "", "unmatched:\n  - side: left\n    n: 2\n", false, false},
		{"an unmatched field left empty is rejected", schemaTestComparison, "", "unmatched:\n", false, false},
		{"an empty list of links is rejected", schemaTestComparison, "links:\n  - left: 1\n    right: 7\n    tag: agree\n    note: A note.\n", "links: []\n", false, false},
		{"the tag none is rejected", schemaTestComparison, "tag: agree", "tag: none", false, false},
		{"a link with a point number of zero is rejected", schemaTestComparison, "right: 7", "right: 0", false, false},
		{"a comparison without a method is rejected", schemaTestComparison, "method: By hand.\n", "", false, false},

		{"the themes file is accepted", schemaTestThemes, "", "", true, true},
		{"an empty list of themes is rejected", schemaTestThemes, "themes:\n  - id: extra\n    name: Extra\n    description: An extra theme.\n", "themes: []\n", false, false},
		{"a theme without a description is rejected", schemaTestThemes, "    description: An extra theme.\n", "", false, false},
		{"a theme with an id that is not kebab-case is rejected", schemaTestThemes, "id: extra", "id: extra_theme", false, false},
		{"a file without a kind is rejected", schemaTestThemes, "kind: themes\n", "", false, false},
	}
	sch := compileSchema(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := tc.base + tc.new
			if tc.old != "" {
				if !strings.Contains(tc.base, tc.old) {
					t.Fatalf("%q is not in the file", tc.old)
				}
				src = strings.Replace(tc.base, tc.old, tc.new, 1)
			}
			_, ps := parseFile("edited.yaml", []byte(src))
			if got := len(ps) == 0; got != tc.loaderAccept {
				t.Errorf("loader accepts: %v, want %v: %v", got, tc.loaderAccept, ps)
			}
			err := validateYAML(t, sch, []byte(src))
			if got := err == nil; got != tc.schemaAccept {
				t.Errorf("schema accepts: %v, want %v: %v", got, tc.schemaAccept, err)
			}
		})
	}
}
