package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// binary is the peacecmp executable built once for these tests.
var binary string

func TestMain(m *testing.M) {
	flag.Parse()
	dir, err := os.MkdirTemp("", "peacecmp-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "peacecmp")
	if out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "go build: %v\n%s", err, out)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

type result struct {
	stdout, stderr string
	code           int
}

// peacecmp runs the binary in dir with no terminal attached and an empty
// home, so the user's own data folder is not read.
func peacecmp(t *testing.T, dir string, args ...string) result {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Dir = dir
	home := t.TempDir()
	cmd.Env = []string{"HOME=" + home, "PATH=" + os.Getenv("PATH"), "NO_COLOR=1", "TERM=dumb"}
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return result{out.String(), errb.String(), code}
}

func TestExitCodes(t *testing.T) {
	wd, _ := os.Getwd()
	bad := filepath.Join(wd, "data", "testdata", "bad")
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string // fragment
		stderr string // fragment
	}{
		{"export prints the founding comparison", []string{"export"}, 0, "peacecmp: Peace Formula (UA) vs", ""},
		{"list shows plans, comparisons and themes", []string{"list"}, 0, "zelensky-2022", ""},
		{"check of the library succeeds", []string{"check"}, 0, "ok:", ""},
		{"check of a broken file names file, line and column", []string{"check", filepath.Join(bad, "unknown-field.yaml")}, 1, "unknown-field.yaml:8:1: unknown field \"colour\"", ""},
		{"check of a directory reports every file", []string{"check", bad}, 1, "several.yaml:16:13:", ""},
		{"check of a missing path fails", []string{"check", "no-such-file.yaml"}, 1, "no-such-file.yaml:1:1: cannot read", ""},
		{"check of a missing path still checks the other paths", []string{"check", "no-such-file.yaml", filepath.Join(bad, "unknown-tag.yaml")}, 1, `unknown-tag.yaml:10:10: unknown tag "maybe"`, ""},
		{"check of a folder without YAML fails", []string{"check", "."}, 1, ".:1:1: no *.yaml or *.yml file here", ""},
		{"a matrix narrower than its table is misuse", []string{"matrix", "--width", "20"}, 2, "", "too narrow"},
		{"unknown plan is misuse", []string{"export", "--left", "nope"}, 2, "", "unknown plan"},
		{"unknown theme is misuse", []string{"export", "--theme", "nope"}, 2, "", "unknown theme"},
		{"unknown tag is misuse", []string{"export", "--tag", "maybe"}, 2, "", "unknown tag"},
		{"unknown format is misuse", []string{"export", "--format", "pdf"}, 2, "", "unknown format"},
		{"unknown flag is misuse", []string{"--no-such-flag"}, 2, "", "unknown flag"},
		{"unknown command is misuse", []string{"frobnicate"}, 2, "", ""},
		{"a bad --data directory stops with exit 1", []string{"--data", bad, "list"}, 1, "", "problem(s) in the data"},
		{"matrix prints a table", []string{"matrix"}, 0, "nuclear-safety", ""},
		{"version", []string{"--version"}, 0, "peacecmp", ""},
		{"schema prints the JSON Schema", []string{"schema"}, 0, `"$schema": "https://json-schema.org/draft/2020-12/schema"`, ""},
		{"plan ids complete for --left", []string{"__complete", "--left", ""}, 0, "china-brazil-2024", ""},
		{"theme ids complete for export --theme", []string{"__complete", "export", "--theme", "nuc"}, 0, "nuclear-safety", ""},
		{"bash completion is offered", []string{"completion", "bash"}, 0, "bash completion", ""},
		{"a man page is offered", []string{"man"}, 0, ".TH", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := peacecmp(t, t.TempDir(), tc.args...)
			if r.code != tc.code {
				t.Errorf("exit code %d, want %d\nstdout: %s\nstderr: %s", r.code, tc.code, r.stdout, r.stderr)
			}
			if !strings.Contains(r.stdout, tc.stdout) {
				t.Errorf("stdout lacks %q:\n%s", tc.stdout, r.stdout)
			}
			if !strings.Contains(r.stderr, tc.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tc.stderr, r.stderr)
			}
		})
	}
}

func TestPipedOutputIsTheTextExport(t *testing.T) {
	piped := peacecmp(t, t.TempDir())
	export := peacecmp(t, t.TempDir(), "export")
	if piped.code != 0 || piped.stdout != export.stdout {
		t.Fatalf("peacecmp with piped output must print the text export (code %d)\n%s", piped.code, piped.stderr)
	}
	if strings.ContainsAny(piped.stdout, "\x1b\x07") {
		t.Error("the text export must hold no escape sequence")
	}
}

func TestExportNeverOverwritesWithoutForce(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "out.txt")
	if err := os.WriteFile(target, []byte("precious"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := peacecmp(t, dir, "export", "-o", "out.txt")
	if r.code != 1 || !strings.Contains(r.stderr, "refusing to overwrite "+target) { // paths printed as they are
		t.Fatalf("want a refusal with exit 1, got %d: %s", r.code, r.stderr)
	}
	if b, _ := os.ReadFile(target); string(b) != "precious" {
		t.Fatal("the existing file was changed")
	}
	r = peacecmp(t, dir, "export", "-o", "out.txt", "--force", "--format", "json")
	if r.code != 0 {
		t.Fatalf("--force failed: %s", r.stderr)
	}
	b, _ := os.ReadFile(target)
	var doc map[string]any
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatalf("--force did not write JSON: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

func TestExportIntoMissingDirectoryIsOneLineError(t *testing.T) {
	r := peacecmp(t, t.TempDir(), "export", "-o", "no/such/dir/out.txt")
	if r.code != 1 || !strings.Contains(r.stderr, "no such file or directory") {
		t.Fatalf("got %d: %q", r.code, r.stderr)
	}
}

func TestFilteredExportGolden(t *testing.T) {
	for _, tc := range []struct {
		file string
		args []string
	}{
		{"export-founding.txt", []string{"export"}},
		{"export-founding.md", []string{"export", "--format", "markdown"}},
		{"export-founding.json", []string{"export", "--format", "json"}},
		{"export-nuclear-conflict.txt", []string{"export", "--theme", "nuclear-safety", "--theme", "energy-security", "--tag", "partial,conflict"}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			r := peacecmp(t, t.TempDir(), tc.args...)
			if r.code != 0 {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			path := filepath.Join("testdata", tc.file)
			if *update {
				if err := os.MkdirAll("testdata", 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(r.stdout), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (go test . -update creates it)", err)
			}
			if r.stdout != string(want) {
				t.Errorf("%s differs from the golden file (go test . -update to accept)", path)
			}
		})
	}
}

func TestUserDataFolderIsLoaded(t *testing.T) {
	xdg := t.TempDir()
	dir := filepath.Join(xdg, "peacecmp")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(filepath.Join("data", "testdata", "good", "user-plan.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "mine.yaml"), src, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(binary, "list")
	cmd.Env = []string{"HOME=" + t.TempDir(), "XDG_DATA_HOME=" + xdg}
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if !strings.Contains(string(out), "test-plan") || !strings.Contains(string(out), dir) {
		t.Errorf("list must show the plan and where it came from:\n%s", out)
	}
}
