package data

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"peacecmp/internal/safefile"
	"peacecmp/model"
)

// The parse cache keeps, for large files, the result of parsing them: a
// file of 10,000 points takes about half a second to parse with yaml.v3 and
// a few tens of milliseconds to read back from the cache. Entries are keyed
// by a hash of the file's content and of cacheVersion, so an edited file is
// parsed again, and only files that parsed without any problem are cached:
// the checks that depend on one file alone give the same result for the
// same content. Checks across files always run.
const (
	cacheVersion    = "peacecmp parse cache 1" // change when parsedFile changes
	cacheMinSize    = 64 << 10                 // smaller files parse in well under a millisecond per KiB
	cacheMaxSize    = 64 << 20                 // an entry larger than this is ignored
	cacheMaxEntries = 64                       // older entries are removed beyond this
)

// cachedRef and cachedFile mirror ref and parsedFile with exported fields
// for encoding/gob.
type cachedRef struct {
	ID        string
	N         int
	Line, Col int
}

// The per-point and per-link references, which a large file has by the
// ten thousand, keep only their positions, as flat lists of line and column
// pairs: their ids and numbers are in the plan and the comparison already.
type cachedFile struct {
	Kind          string
	Themes        []model.Theme
	ThemeRefs     []cachedRef
	Plan          *model.Plan
	PlanID        cachedRef
	PointThemePos []int32 // line, column of each theme id of each point, in order
	Comp          *model.Comparison
	CompLeft      cachedRef
	CompRight     cachedRef
	LinkPos       []int32 // line, column of the left then the right number of each link
	Unmatched     []cachedRef
}

func toCachedRef(r ref) cachedRef   { return cachedRef{r.id, r.n, r.pos.line, r.pos.col} }
func fromCachedRef(r cachedRef) ref { return ref{id: r.ID, n: r.N, pos: pos{r.Line, r.Col}} }

func mapRefs[A, B any](in []A, f func(A) B) []B {
	if in == nil {
		return nil
	}
	out := make([]B, len(in))
	for i, v := range in {
		out[i] = f(v)
	}
	return out
}

func toCached(pf *parsedFile) cachedFile {
	c := cachedFile{
		Kind: pf.kind, Themes: pf.themes, ThemeRefs: mapRefs(pf.themeRefs, toCachedRef),
		Plan: pf.plan, PlanID: toCachedRef(pf.planID),
		Comp: pf.comp, CompLeft: toCachedRef(pf.compLeft), CompRight: toCachedRef(pf.compRight),
		Unmatched: mapRefs(pf.unmatched, toCachedRef),
	}
	for _, rs := range pf.pointThemes {
		for _, r := range rs {
			c.PointThemePos = append(c.PointThemePos, int32(r.pos.line), int32(r.pos.col))
		}
	}
	for _, rs := range pf.linkRefs {
		c.LinkPos = append(c.LinkPos, int32(rs[0].pos.line), int32(rs[0].pos.col), int32(rs[1].pos.line), int32(rs[1].pos.col))
	}
	return c
}

// fromCached rebuilds a parsed file; it returns nil when the entry does not
// fit its own plan or comparison (a damaged or foreign cache file).
func fromCached(c cachedFile, path string) *parsedFile {
	pf := &parsedFile{
		path: path, kind: c.Kind, themes: c.Themes, themeRefs: mapRefs(c.ThemeRefs, fromCachedRef),
		plan: c.Plan, planID: fromCachedRef(c.PlanID),
		comp: c.Comp, compLeft: fromCachedRef(c.CompLeft), compRight: fromCachedRef(c.CompRight),
		unmatched: mapRefs(c.Unmatched, fromCachedRef),
	}
	at := func(ps []int32, i int) pos { return pos{int(ps[2*i]), int(ps[2*i+1])} }
	if c.Plan != nil {
		pf.pointThemes = make([][]ref, len(c.Plan.Points))
		i := 0
		for pi, pt := range c.Plan.Points {
			if 2*(i+len(pt.Themes)) > len(c.PointThemePos) {
				return nil
			}
			refs := make([]ref, len(pt.Themes))
			for j, id := range pt.Themes {
				refs[j] = ref{id: id, pos: at(c.PointThemePos, i)}
				i++
			}
			pf.pointThemes[pi] = refs
		}
	}
	if c.Comp != nil {
		if len(c.LinkPos) != 4*len(c.Comp.Links) || len(c.Unmatched) != len(c.Comp.Unmatched) {
			return nil
		}
		pf.linkRefs = make([][2]ref, len(c.Comp.Links))
		for i, l := range c.Comp.Links {
			pf.linkRefs[i] = [2]ref{{n: l.Left, pos: at(c.LinkPos, 2*i)}, {n: l.Right, pos: at(c.LinkPos, 2*i+1)}}
		}
	}
	return pf
}

// parseCached parses a file, through the cache in dir when dir is set and
// the file is large enough to be worth it. The cache is best effort: any
// failure to read or write it falls back to parsing.
func parseCached(dir, name string, src []byte) (*parsedFile, Problems) {
	if dir == "" || len(src) < cacheMinSize {
		return parseFile(name, src)
	}
	h := sha256.New()
	io.WriteString(h, cacheVersion+"\x00")
	h.Write(src)
	entry := filepath.Join(dir, hex.EncodeToString(h.Sum(nil))+".gob")
	if pf := readCacheEntry(entry, name); pf != nil {
		return pf, nil
	}
	pf, problems := parseFile(name, src)
	if pf != nil && len(problems) == 0 {
		writeCacheEntry(dir, entry, pf)
	}
	return pf, problems
}

func readCacheEntry(entry, name string) *parsedFile {
	f, err := os.Open(entry)
	if err != nil {
		return nil
	}
	defer f.Close()
	var c cachedFile
	if err := gob.NewDecoder(io.LimitReader(f, cacheMaxSize)).Decode(&c); err != nil {
		return nil
	}
	pf := fromCached(c, name)
	if pf != nil {
		now := time.Now()
		_ = os.Chtimes(entry, now, now) // mark as recently used
	}
	return pf
}

func writeCacheEntry(dir, entry string, pf *parsedFile) {
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(toCached(pf)); err != nil {
		return
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return
	}
	if err := safefile.Write(entry, buf.Bytes(), true); err != nil {
		return
	}
	pruneCache(dir)
}

// pruneCache removes the least recently used entries beyond cacheMaxEntries.
func pruneCache(dir string) {
	des, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	type aged struct {
		name string
		mod  time.Time
	}
	var entries []aged
	for _, d := range des {
		if d.Type().IsRegular() && strings.HasSuffix(d.Name(), ".gob") {
			if info, err := d.Info(); err == nil {
				entries = append(entries, aged{d.Name(), info.ModTime()})
			}
		}
	}
	if len(entries) <= cacheMaxEntries {
		return
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].mod.After(entries[j].mod) })
	for _, e := range entries[cacheMaxEntries:] {
		os.Remove(filepath.Join(dir, e.name))
	}
}
