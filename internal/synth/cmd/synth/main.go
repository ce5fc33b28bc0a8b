// Command synth writes a large synthetic library for performance
// measurements: go run ./internal/synth/cmd/synth -points 10000 -links 10000 DIR
package main

import (
	"flag"
	"fmt"
	"os"

	"peacecmp/internal/synth"
)

func main() {
	points := flag.Int("points", 10000, "points in each of the two plans")
	links := flag.Int("links", 10000, "links in the comparison")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: synth [-points N] [-links N] DIR")
		os.Exit(2)
	}
	if err := synth.Write(flag.Arg(0), *points, *links); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
