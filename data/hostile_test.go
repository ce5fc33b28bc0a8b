package data

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"peacecmp/internal/synth"
	"peacecmp/model"
)

func TestHostileFilesAreRejectedAtTheirPosition(t *testing.T) {
	const dir = "testdata/hostile/"
	tests := []struct {
		file string
		want string // "line:column: message fragment" of the first problem
	}{
		{"esc-escape.yaml", `3:8: title holds a forbidden character (\x1b)`},
		{"esc-binary.yaml", `3:8: title must be plain text, found a !!binary value (it decodes to text holding \x1b)`},
		{"esc-raw.yaml", `3:13: forbidden character \x1b`},
		{"osc-title-escape.yaml", `3:8: title holds a forbidden character (\x1b)`},
		{"dcs-escape.yaml", `3:8: title holds a forbidden character (\x1b)`},
		{"bel-escape.yaml", `3:8: title holds a forbidden character (\x07)`},
		{"bel-binary.yaml", `3:8: title must be plain text, found a !!binary value (it decodes to text holding \x07)`},
		{"nul-escape.yaml", `3:8: title holds a forbidden character (\x00)`},
		{"del-escape.yaml", `3:8: title holds a forbidden character (\x7f)`},
		{"c1-csi-escape.yaml", `3:8: title holds a forbidden character (\x9b)`},
		{"c1-next-line.yaml", `3:8: title holds a forbidden character (\x85)`},
		{"c1-binary.yaml", `3:8: title must be plain text, found a !!binary value (it decodes to text holding \x9b)`},
		{"bidi-override-escape.yaml", `3:8: title holds a forbidden character (U+202E)`},
		{"bidi-isolate-escape.yaml", `3:8: title holds a forbidden character (U+2066)`},
		{"bidi-binary.yaml", `3:8: title must be plain text, found a !!binary value (it decodes to text holding U+202E)`},
		{"bidi-raw.yaml", `3:13: forbidden character U+202E`},
		{"invalid-utf8-raw.yaml", `3:12: invalid UTF-8 byte \xff`},
		{"alias-bomb.yaml", `3:8: aliases (*a) are not supported`},
		{"deep-nesting.yaml", `2:1: YAML syntax: exceeded max depth`},
		{"multi-document.yaml", `17:1: the file holds more than one YAML document`},
	}
	for _, tc := range tests {
		t.Run(tc.file+" is rejected", func(t *testing.T) {
			start := time.Now()
			lib, ps := loadWith(t, dir+tc.file)
			if lib != nil || len(ps) == 0 {
				t.Fatal("a hostile file must not load")
			}
			if got := ps[0].String(); !strings.HasPrefix(got, dir+tc.file+":"+tc.want) {
				t.Errorf("got  %s\nwant %s:%s…", got, dir+tc.file, tc.want)
			}
			for _, p := range ps {
				if strings.ContainsAny(p.String(), "\x1b\x07\u009b\u202e\u2066") {
					t.Errorf("a problem message holds a raw control character: %q", p.String())
				}
			}
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("rejecting took %v: it must fail fast", d) // a hang guard, not a benchmark
			}
		})
	}
}

func TestFilesOverTheSizeLimitAreRefusedBeforeParsing(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.yaml")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(MaxFileSize + 1); err != nil { // sparse: no real disk use
		t.Fatal(err)
	}
	f.Close()
	_, ps := loadWith(t, big)
	if len(ps) != 1 || !strings.Contains(ps[0].String(), "larger than the limit") {
		t.Fatalf("got %v", ps)
	}
}

func TestNonRegularFilesAreRefused(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero here")
	}
	l, _ := DiskLayer("test", "/dev/zero")
	_, ps := Load(EmbeddedLayer(), l)
	if len(ps) != 1 || !strings.Contains(ps[0].String(), "not a regular file") {
		t.Fatalf("got %v", ps)
	}
}

func TestEmptyFileIsAProblem(t *testing.T) {
	_, ps := parseFile("empty.yaml", nil)
	if len(ps) != 1 || !strings.HasPrefix(ps[0].String(), "empty.yaml:1:1: the file is empty") {
		t.Fatalf("got %v", ps)
	}
}

// FuzzParseFile checks the parser's invariants on any input: it never
// panics, and every problem carries a file and a position from 1.
func FuzzParseFile(f *testing.F) {
	for _, glob := range []string{"testdata/*/*.yaml", "library/*.yaml", "library/*/*.yaml"} {
		files, _ := filepath.Glob(glob)
		for _, name := range files {
			if strings.Contains(name, "deep-nesting") {
				continue // large; the fuzzer finds depth by itself
			}
			b, err := os.ReadFile(name)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if len(src) > 1<<16 { // large inputs only slow the minimisation down
			src = src[:1<<16]
		}
		pf, ps := parseFile("fuzz.yaml", src)
		if pf == nil && len(ps) == 0 {
			t.Fatal("no result and no problem")
		}
		for _, p := range ps {
			if p.File != "fuzz.yaml" || p.Line < 1 || p.Column < 1 || p.Message == "" {
				t.Fatalf("problem without a position: %+v", p)
			}
			if esc, _, bad := model.FirstUnsafe(p.Message); bad {
				t.Fatalf("problem message holds %s: %q", esc, p.Message)
			}
		}
	})
}

// A library of 100,000 points in all loads (two plans of 50,000 points and
// a comparison of 50,000 links, each file under the 16 MiB limit).
func TestLibraryOf100000PointsLoads(t *testing.T) {
	if testing.Short() {
		t.Skip("writes and loads about 35 MB of YAML")
	}
	dir := t.TempDir()
	if err := synth.Write(dir, 50000, 50000); err != nil {
		t.Fatal(err)
	}
	l, ps := DiskLayer("big", dir)
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	lib, ps := Load(EmbeddedLayer(), l)
	if lib == nil {
		t.Fatalf("did not load: %v", ps[:min(len(ps), 5)])
	}
	total := 0
	for _, p := range lib.Plans {
		total += len(p.Points)
	}
	if total < 100000 {
		t.Errorf("%d points loaded", total)
	}
}
