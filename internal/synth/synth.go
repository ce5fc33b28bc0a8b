// Package synth writes large synthetic libraries in peacecmp's file format,
// for benchmarks and performance measurements. It is not part of the
// peacecmp binary.
package synth

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"

	"peacecmp/model"
)

// themeIDs are the ids of the default theme set, which synthetic points
// use so that the embedded themes resolve them.
var themeIDs = []string{"nuclear-safety", "food-security", "energy-security", "humanitarian", "prisoners",
	"sovereignty", "ceasefire", "justice", "environment", "security", "negotiations", "economy",
	"reconstruction", "governance"}

var tags = []string{"agree", "partial", "conflict"}

// Write creates, in dir, two plans (synth-left and synth-right) of points
// points each and a comparison between them with links links, in the
// spec's format. Point n of the left plan links to point (n*7)%points+1
// of the right one, so links spread over the whole plan.
func Write(dir string, points, links int) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, side := range []string{"left", "right"} {
		if err := writePlan(filepath.Join(dir, "synth-"+side+".yaml"), "synth-"+side, points); err != nil {
			return err
		}
	}
	return writeComparison(filepath.Join(dir, "synth-comparison.yaml"), points, links)
}

func create(path string, fill func(w *bufio.Writer)) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	fill(w)
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func writePlan(path, id string, points int) error {
	return create(path, func(w *bufio.Writer) {
		fmt.Fprintf(w, "kind: plan\nid: %s\ntitle: Synthetic plan %s\nshort: %s\nproposer: The benchmark\n", id, id, id)
		fmt.Fprintf(w, "date: 2025-01-01\nstatus: draft\nsources:\n  - title: Generated\n    url: https://example.org/%s\n", id)
		fmt.Fprintf(w, "summary: A generated plan with %d points.\npoints:\n", points)
		for n := 1; n <= points; n++ {
			t1, t2 := themeIDs[n%len(themeIDs)], themeIDs[(n*5+3)%len(themeIDs)]
			fmt.Fprintf(w, "  - n: %d\n    title: Point %d of %s on %s\n", n, n, id, t1)
			fmt.Fprintf(w, "    summary: >-\n      Generated point %d asks for something about %s and %s, in a sentence\n      long enough to wrap in a narrow pane like real summaries do.\n", n, t1, t2)
			if t1 == t2 {
				fmt.Fprintf(w, "    themes: [%s]\n", t1)
			} else {
				fmt.Fprintf(w, "    themes: [%s, %s]\n", t1, t2)
			}
		}
	})
}

func writeComparison(path string, points, links int) error {
	return create(path, func(w *bufio.Writer) {
		fmt.Fprintf(w, "kind: comparison\nleft: synth-left\nright: synth-right\nauthor: The benchmark\ndate: 2025-01-02\nmethod: Generated.\nlinks:\n")
		seen := map[[2]int]bool{}
		linkedL, linkedR := map[int]bool{}, map[int]bool{}
		for i := 0; i < links; i++ {
			l := i%points + 1
			r := (l*7+i/points)%points + 1
			if seen[[2]int{l, r}] {
				continue
			}
			seen[[2]int{l, r}] = true
			linkedL[l], linkedR[r] = true, true
			fmt.Fprintf(w, "  - left: %d\n    right: %d\n    tag: %s\n    note: Generated link %d between the two synthetic plans.\n", l, r, tags[i%len(tags)], i+1)
		}
		var unmatched []string
		for n := 1; n <= points; n++ {
			if !linkedL[n] {
				unmatched = append(unmatched, fmt.Sprintf("  - side: left\n    n: %d\n    note: Generated.\n", n))
			}
			if !linkedR[n] {
				unmatched = append(unmatched, fmt.Sprintf("  - side: right\n    n: %d\n    note: Generated.\n", n))
			}
		}
		if len(unmatched) > 0 {
			fmt.Fprint(w, "unmatched:\n")
			for _, u := range unmatched {
				fmt.Fprint(w, u)
			}
		}
	})
}

// Library builds in memory what Write puts on disk, plus the embedded theme
// ids as themes: two plans of points points each and a comparison with
// links links, for benchmarks that do not need to parse files.
func Library(points, links int) *model.Library {
	var themes []model.Theme
	for _, id := range themeIDs {
		themes = append(themes, model.Theme{ID: id, Name: id, Description: id})
	}
	plan := func(id string) *model.Plan {
		p := &model.Plan{ID: id, Title: "Synthetic plan " + id, Short: id, Proposer: "The benchmark",
			Date: "2025-01-01", Status: model.StatusDraft, Sources: []model.Source{{Title: "Generated", URL: "https://example.org/" + id}},
			Summary: "A generated plan.", Points: make([]model.Point, 0, points)}
		for n := 1; n <= points; n++ {
			t1, t2 := themeIDs[n%len(themeIDs)], themeIDs[(n*5+3)%len(themeIDs)]
			p.Points = append(p.Points, model.Point{N: n, Title: fmt.Sprintf("Point %d of %s on %s", n, id, t1),
				Summary: fmt.Sprintf("Generated point %d asks for something about %s and %s, in a sentence long enough to wrap in a narrow pane like real summaries do.", n, t1, t2),
				Themes:  []string{t1, t2}})
		}
		return p
	}
	c := &model.Comparison{Left: "synth-left", Right: "synth-right", Author: "The benchmark", Date: "2025-01-02", Method: "Generated."}
	seen := map[[2]int]bool{}
	for i := 0; i < links; i++ {
		l := i%points + 1
		r := (l*7+i/points)%points + 1
		if !seen[[2]int{l, r}] {
			seen[[2]int{l, r}] = true
			c.Links = append(c.Links, model.Link{Left: l, Right: r, Tag: model.LinkTags[i%3], Note: fmt.Sprintf("Generated link %d.", i+1)})
		}
	}
	return model.NewLibrary(themes, []*model.Plan{plan("synth-left"), plan("synth-right")}, []*model.Comparison{c})
}
