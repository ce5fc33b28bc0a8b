package data

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"peacecmp/model"
)

// MaxFileSize is the largest file the loader reads; larger files are
// refused before parsing.
const MaxFileSize = 16 << 20

// Layer is one place files come from: the embedded library, the user's data
// folder, or a --data directory. Files of a later layer replace entries of
// earlier layers that have the same id.
type Layer struct {
	Origin string // shown in `peacecmp list`, e.g. "embedded" or a path
	files  []file
}

// Len returns the number of files in the layer.
func (l Layer) Len() int { return len(l.files) }

type file struct {
	name string // shown in problems
	size int64  // as listed, to parse the largest files first
	read func() ([]byte, error)
}

// EmbeddedLayer returns the layer of the embedded default library.
func EmbeddedLayer() Layer {
	fsys := Embedded()
	l := Layer{Origin: EmbeddedOrigin}
	_ = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && isYAML(p) {
			var size int64
			if info, err := d.Info(); err == nil {
				size = info.Size()
			}
			l.files = append(l.files, file{
				name: "embedded:" + p, size: size,
				read: func() ([]byte, error) { return fs.ReadFile(fsys, p) },
			})
		}
		return nil
	})
	return l
}

func isYAML(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	return ext == ".yaml" || ext == ".yml"
}

// DiskLayer collects the YAML files at the paths: files are taken as they
// are, directories are read recursively for *.yaml and *.yml. A path that
// does not exist or cannot be read is reported as a problem.
func DiskLayer(origin string, paths ...string) (Layer, Problems) {
	l := Layer{Origin: origin}
	var problems Problems
	for _, root := range paths {
		info, err := os.Stat(root)
		if err != nil {
			problems = append(problems, Problem{File: root, Line: 1, Column: 1, Message: describeOSError(err)})
			continue
		}
		if !info.IsDir() {
			l.files = append(l.files, diskFile(root, info.Size()))
			continue
		}
		err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				problems = append(problems, Problem{File: p, Line: 1, Column: 1, Message: describeOSError(err)})
				return nil
			}
			if !d.IsDir() && isYAML(p) {
				var size int64
				if info, err := d.Info(); err == nil {
					size = info.Size()
				}
				l.files = append(l.files, diskFile(p, size))
			}
			return nil
		})
		if err != nil {
			problems = append(problems, Problem{File: root, Line: 1, Column: 1, Message: describeOSError(err)})
		}
	}
	return l, problems
}

func describeOSError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return "cannot read: " + err.Error()
}

func diskFile(p string, size int64) file {
	return file{name: p, size: size, read: func() ([]byte, error) { return readLimited(p) }}
}

// readLimited reads a regular file of at most MaxFileSize bytes.
// The type is checked before the file is opened: opening a FIFO or a device
// can block for ever.
func readLimited(p string) ([]byte, error) {
	if info, err := os.Stat(p); err != nil {
		return nil, err
	} else if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file")
	}
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() { // replaced between the two checks
		return nil, fmt.Errorf("not a regular file")
	}
	if info.Size() > MaxFileSize {
		return nil, fmt.Errorf("file is %d bytes, larger than the limit of %d bytes (16 MiB)", info.Size(), MaxFileSize)
	}
	b, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(b) > MaxFileSize {
		return nil, fmt.Errorf("file is larger than the limit of %d bytes (16 MiB)", MaxFileSize)
	}
	return b, nil
}

// entry is a parsed file with the layer it came from.
type entry struct {
	*parsedFile
	layer int
}

// Load reads every layer in order and builds the library, with its plans
// in date order. Later layers
// replace themes, plans and comparisons of earlier ones with the same id.
// It returns every problem found; the library is nil when any problem is
// not a warning.
func Load(layers ...Layer) (*model.Library, Problems) {
	return LoadWith(Options{}, layers...)
}

// Options tune how a library loads.
type Options struct {
	// CacheDir, when set, holds a cache of parsed large files, keyed by
	// their content, so that the next start skips parsing them (see
	// cache.go). Problems are found the same with or without it.
	CacheDir string
}

// LoadWith is Load with options.
func LoadWith(opts Options, layers ...Layer) (*model.Library, Problems) {
	// Files are read and parsed in parallel, one worker per CPU, the
	// largest first so that no worker is left with a big file at the end;
	// results keep the order of the layers and files.
	type job struct {
		f     file
		layer int
	}
	type result struct {
		pf       *parsedFile
		problems Problems
	}
	var jobs []job
	for li, l := range layers {
		for _, f := range l.files {
			jobs = append(jobs, job{f, li})
		}
	}
	results := make([]result, len(jobs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(jobs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f := jobs[i].f
				src, err := f.read()
				if err != nil {
					results[i].problems = Problems{{File: f.name, Line: 1, Column: 1, Message: "cannot read: " + err.Error()}}
					continue
				}
				results[i].pf, results[i].problems = parseCached(opts.CacheDir, f.name, src)
			}
		}()
	}
	order := make([]int, len(jobs))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return jobs[order[a]].f.size > jobs[order[b]].f.size })
	for _, i := range order {
		next <- i
	}
	close(next)
	wg.Wait()

	// Files with problems of their own still take part in the checks
	// across files, so that every problem is reported at once; the library
	// is not built when there is any error.
	var problems Problems
	var parsed []entry
	for i, r := range results {
		problems = append(problems, r.problems...)
		if r.pf != nil {
			parsed = append(parsed, entry{r.pf, jobs[i].layer})
		}
	}
	lib, ps := resolve(layers, parsed)
	problems = append(problems, ps...)
	problems.sort()
	if len(problems.Errors()) > 0 {
		return nil, problems
	}
	return lib, problems
}

// resolve applies the replacement rule across layers and runs the
// cross-file checks.
func resolve(layers []Layer, files []entry) (*model.Library, Problems) {
	var problems Problems
	at := func(file string, p pos, warn bool, format string, args ...any) {
		problems = append(problems, Problem{File: file, Line: p.line, Column: p.col, Message: fmt.Sprintf(format, args...), Warning: warn})
	}

	// Themes: first the order of declaration, later layers replace by id.
	var themes []model.Theme
	themeAt := map[string]int{}
	themeSeen := map[string]string{} // id → "file:line" within the current layer
	for _, f := range files {
		for i, t := range f.themes {
			r := f.themeRefs[i]
			key := fmt.Sprintf("%d/%s", f.layer, t.ID)
			if prev, dup := themeSeen[key]; dup {
				at(f.path, r.pos, false, "theme %q is defined twice (also at %s)", t.ID, prev)
				continue
			}
			themeSeen[key] = fmt.Sprintf("%s:%d", f.path, r.pos.line)
			if idx, ok := themeAt[t.ID]; ok {
				themes[idx] = t
				continue
			}
			themeAt[t.ID] = len(themes)
			themes = append(themes, t)
		}
	}

	// Plans.
	plans := map[string]entry{}
	var planOrder []string
	for _, f := range files {
		if f.plan == nil || f.plan.ID == "" { // no usable id: already reported
			continue
		}
		id := f.plan.ID
		if prev, ok := plans[id]; ok {
			if prev.layer == f.layer {
				at(f.path, f.planID.pos, false, "plan id %q is already used by %s", id, prev.path)
				continue
			}
		} else {
			planOrder = append(planOrder, id)
		}
		f.plan.Origin = layers[f.layer].Origin
		plans[id] = f
	}
	for _, id := range planOrder {
		f := plans[id]
		for i, refs := range f.pointThemes {
			for _, r := range refs {
				if _, ok := themeAt[r.id]; !ok {
					at(f.path, r.pos, false, "point %d: unknown theme %q (known: %s)", f.plan.Points[i].N, r.id, strings.Join(sortedKeys(themeAt), ", "))
				}
			}
		}
	}

	// Comparisons.
	comps := map[[2]string]entry{}
	var compOrder [][2]string
	for _, f := range files {
		c := f.comp
		if c == nil || c.Left == "" || c.Right == "" { // already reported
			continue
		}
		key := [2]string{c.Left, c.Right}
		if key[0] > key[1] {
			key[0], key[1] = key[1], key[0]
		}
		if prev, ok := comps[key]; ok {
			if prev.layer == f.layer {
				at(f.path, f.compLeft.pos, false, "plans %q and %q are already compared in %s", c.Left, c.Right, prev.path)
				continue
			}
		} else {
			compOrder = append(compOrder, key)
		}
		c.Origin = layers[f.layer].Origin
		comps[key] = f
	}
	kept := compOrder[:0:0]
	for _, key := range compOrder {
		f := comps[key]
		ps := checkComparison(f, plans)
		// A comparison from an earlier layer than one of its plans (say an
		// embedded comparison of a plan the user replaced) is not the
		// user's to fix: when it no longer fits, it is dropped with a
		// warning and the pair opens unassessed.
		if replaced := newerPlan(f, plans); replaced != nil && len(ps.Errors()) > 0 {
			problems = append(problems, Problem{File: replaced.path, Line: replaced.planID.pos.line, Column: replaced.planID.pos.col, Warning: true,
				Message: fmt.Sprintf("this plan replaces %q, and the comparison %s no longer fits it (%s); the pair %s vs %s opens without assessment",
					replaced.plan.ID, f.path, ps.Errors()[0].Message, f.comp.Left, f.comp.Right)})
			continue
		}
		problems = append(problems, ps...)
		kept = append(kept, key)
	}
	compOrder = kept

	planList := make([]*model.Plan, 0, len(planOrder))
	for _, id := range planOrder {
		planList = append(planList, plans[id].plan)
	}
	// Plans are listed in the order they were proposed.
	sort.SliceStable(planList, func(i, j int) bool {
		if planList[i].Date != planList[j].Date {
			return planList[i].Date < planList[j].Date
		}
		return planList[i].ID < planList[j].ID
	})
	compList := make([]*model.Comparison, 0, len(compOrder))
	for _, key := range compOrder {
		compList = append(compList, comps[key].comp)
	}
	return model.NewLibrary(themes, planList, compList), problems
}

// newerPlan returns the plan of the comparison that comes from a later
// layer than the comparison itself, or nil.
func newerPlan(f entry, plans map[string]entry) *entry {
	for _, id := range []string{f.comp.Left, f.comp.Right} {
		if p, ok := plans[id]; ok && p.layer > f.layer {
			return &p
		}
	}
	return nil
}

// checkComparison checks a comparison against its plans: both exist, every
// point number exists, no pair is linked twice, and every point of both
// plans is considered (linked or listed as unmatched; a warning otherwise).
func checkComparison(f entry, plans map[string]entry) Problems {
	var problems Problems
	at := func(p pos, warn bool, format string, args ...any) {
		problems = append(problems, Problem{File: f.path, Line: p.line, Column: p.col, Message: fmt.Sprintf(format, args...), Warning: warn})
	}
	c := f.comp
	if c.Left == c.Right {
		at(f.compRight.pos, false, "a comparison needs two different plans, found %q twice", c.Left)
		return problems
	}
	side := [2]*model.Plan{}
	for s, r := range [2]ref{f.compLeft, f.compRight} {
		p, ok := plans[r.id]
		if !ok {
			at(r.pos, false, "unknown plan %q (known: %s)", r.id, strings.Join(sortedKeys(plans), ", "))
			continue
		}
		side[s] = p.plan
	}
	if side[0] == nil || side[1] == nil {
		return problems
	}
	considered := [2]map[int]bool{{}, {}}
	linked := map[[2]int]int{}
	for i, l := range c.Links {
		refs := f.linkRefs[i]
		ok := refs[0].n > 0 && refs[1].n > 0 // a bad number is already reported
		for s, r := range refs {
			if ok && side[s].Point(r.n) == nil {
				at(r.pos, false, "link %s: point %d does not exist in plan %q, which has %d points", model.Side(s), r.n, side[s].ID, len(side[s].Points))
				ok = false
			}
		}
		if !ok {
			continue
		}
		pair := [2]int{l.Left, l.Right}
		if prev, dup := linked[pair]; dup {
			at(refs[0].pos, false, "points %d and %d are already linked at line %d", l.Left, l.Right, prev)
			continue
		}
		linked[pair] = refs[0].pos.line
		considered[0][l.Left] = true
		considered[1][l.Right] = true
	}
	unmatched := [2]map[int]bool{{}, {}}
	for i, u := range c.Unmatched {
		r := f.unmatched[i]
		plan := side[u.Side]
		switch {
		case u.N <= 0: // a bad number is already reported
		case plan.Point(u.N) == nil:
			at(r.pos, false, "unmatched: point %d does not exist in plan %q, which has %d points", u.N, plan.ID, len(plan.Points))
		case unmatched[u.Side][u.N]:
			at(r.pos, false, "unmatched: %s point %d is listed twice", u.Side, u.N)
		case considered[u.Side][u.N]:
			at(r.pos, false, "unmatched: %s point %d is listed as having no counterpart but is linked", u.Side, u.N)
		default:
			unmatched[u.Side][u.N] = true
		}
	}
	for s, plan := range side {
		var missing []string
		for _, pt := range plan.Points {
			if !considered[s][pt.N] && !unmatched[s][pt.N] {
				missing = append(missing, fmt.Sprint(pt.N))
			}
		}
		if len(missing) > 0 {
			r := [2]ref{f.compLeft, f.compRight}[s]
			at(r.pos, true, "comparison is incomplete: %s plan %q has points neither linked nor listed under unmatched: %s", model.Side(s), plan.ID, strings.Join(missing, ", "))
		}
	}
	return problems
}

// sortedKeys returns the keys of a map in ascending order.
func sortedKeys[V any](m map[string]V) []string { return slices.Sorted(maps.Keys(m)) }
