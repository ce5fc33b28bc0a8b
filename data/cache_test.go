package data

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"peacecmp/internal/synth"
	"peacecmp/model"
)

func TestParseCacheGivesTheSameLibraryAndProblems(t *testing.T) {
	dir, cache := t.TempDir(), t.TempDir()
	if err := synth.Write(dir, 1000, 1000); err != nil { // each file over cacheMinSize
		t.Fatal(err)
	}
	load := func(opts Options, paths ...string) (*model.Library, Problems) {
		t.Helper()
		l, ps := DiskLayer("test", paths...)
		if len(ps) > 0 {
			t.Fatal(ps)
		}
		return LoadWith(opts, EmbeddedLayer(), l)
	}
	plain, _ := load(Options{}, dir)
	cold, _ := load(Options{CacheDir: cache}, dir)
	entries, _ := filepath.Glob(filepath.Join(cache, "*.gob"))
	if len(entries) != 3 {
		t.Fatalf("want one cache entry per large file, got %v", entries)
	}
	warm, _ := load(Options{CacheDir: cache}, dir)
	if plain == nil || !reflect.DeepEqual(plain.Plans, cold.Plans) || !reflect.DeepEqual(plain.Plans, warm.Plans) ||
		!reflect.DeepEqual(plain.Comparisons, warm.Comparisons) {
		t.Fatal("the cache changed the library")
	}

	// A cross-file problem found in a cached file is reported at the same
	// place as without the cache: shrink the right plan to 3 points.
	small := t.TempDir()
	src, err := os.ReadFile(filepath.Join(dir, "synth-right.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	head := string(src)[:strings.Index(string(src), "  - n: 4\n")]
	writeFile(t, small, "synth-right.yaml", head)
	_, want := load(Options{}, dir, small)
	_, got := load(Options{CacheDir: cache}, dir, small)
	if len(want) == 0 || want.Error() != got.Error() {
		t.Fatalf("problems differ with the cache:\n%v\nwithout:\n%v", got, want)
	}

	// A damaged entry is ignored, not trusted.
	for _, e := range entries {
		if err := os.WriteFile(e, []byte("not gob"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	damaged, ps := load(Options{CacheDir: cache}, dir)
	if damaged == nil || !reflect.DeepEqual(plain.Plans, damaged.Plans) {
		t.Fatalf("a damaged cache must fall back to parsing: %v", ps)
	}
}
