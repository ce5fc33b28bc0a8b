package model

import (
	"fmt"
	"io"
	"testing"
)

// bigLibrary builds two plans of n points each and a comparison of n links
// in memory, like the synthetic library on disk.
func bigLibrary(n int) *Library {
	themes := []string{"nuclear-safety", "food-security", "ceasefire", "security", "economy"}
	var ts []Theme
	for _, t := range themes {
		ts = append(ts, Theme{ID: t, Name: t})
	}
	plan := func(id string) *Plan {
		p := &Plan{ID: id, Title: id, Short: id, Proposer: "bench", Date: "2025-01-01", Status: StatusDraft}
		for i := 1; i <= n; i++ {
			p.Points = append(p.Points, Point{N: i, Title: fmt.Sprintf("Point %d", i),
				Summary: "A generated summary long enough to wrap once or twice in the export.",
				Themes:  []string{themes[i%len(themes)], themes[(i*3+1)%len(themes)]}})
		}
		return p
	}
	c := &Comparison{Left: "l", Right: "r", Author: "bench", Date: "2025-01-02", Method: "Generated."}
	for i := 1; i <= n; i++ {
		c.Links = append(c.Links, Link{Left: i, Right: (i*7)%n + 1, Tag: LinkTags[i%3], Note: "Generated note."})
	}
	return NewLibrary(ts, []*Plan{plan("l"), plan("r")}, []*Comparison{c})
}

func BenchmarkPair(b *testing.B) {
	for _, n := range []int{10, 10000} {
		lib := bigLibrary(n)
		b.Run(fmt.Sprintf("%d points", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := lib.Pair("l", "r"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkFilter(b *testing.B) {
	p, _ := bigLibrary(10000).Pair("l", "r")
	f := Filter{Themes: []string{"ceasefire"}, Tags: []Tag{Conflict, None}, Search: "point 9"}
	b.ReportAllocs()
	for b.Loop() {
		p.Visible(Left, f)
		p.Visible(Right, f)
	}
}

func BenchmarkExport(b *testing.B) {
	lib := bigLibrary(10000)
	p, _ := lib.Pair("l", "r")
	for _, f := range Formats {
		b.Run(string(f), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := NewReport(p, Filter{}).Write(io.Discard, f, lib.ThemeName); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
