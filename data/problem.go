// Package data holds peacecmp's embedded library of plans, comparisons and
// themes, and the loader that turns YAML files into model values, reporting
// every problem with its file, line and column.
package data

import (
	"fmt"
	"sort"
	"strings"
)

// Problem is one thing wrong with an input file, at a position in it.
type Problem struct {
	File    string
	Line    int
	Column  int
	Message string
	Warning bool // a warning does not stop the library from loading
}

// String formats the problem as "file:line:column: message".
func (p Problem) String() string {
	prefix := ""
	if p.Warning {
		prefix = "warning: "
	}
	return fmt.Sprintf("%s:%d:%d: %s%s", p.File, p.Line, p.Column, prefix, p.Message)
}

// Problems is every problem found while loading, in file and line order.
// As an error it holds only when there is at least one that is not a
// warning.
type Problems []Problem

// Error lists every problem, one per line.
func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// Errors returns only the problems that are not warnings.
func (ps Problems) Errors() Problems {
	var out Problems
	for _, p := range ps {
		if !p.Warning {
			out = append(out, p)
		}
	}
	return out
}

// Warnings returns only the warnings.
func (ps Problems) Warnings() Problems {
	var out Problems
	for _, p := range ps {
		if p.Warning {
			out = append(out, p)
		}
	}
	return out
}

func (ps Problems) sort() {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Column < b.Column
	})
}
