// Package model holds peacecmp's domain: plans and their points, themes,
// curated comparisons, the derived agreement tags, the queries a reader runs
// over a pair of plans, and the text, Markdown and JSON exports. It knows
// nothing of YAML files or terminals.
package model

import "fmt"

// Theme is one subject a point can speak to, such as nuclear safety.
type Theme struct {
	ID          string
	Name        string
	Description string
}

// Source is a publication that backs a plan or a point.
type Source struct {
	Title string
	URL   string
}

// Status says how a plan's text is known.
type Status string

// The statuses a plan can have.
const (
	StatusOfficial Status = "official" // published by its proposer
	StatusReported Status = "reported" // known from press reports only
	StatusDraft    Status = "draft"    // a draft, not adopted
)

// Statuses lists every valid status, in the order the format documents them.
var Statuses = []Status{StatusOfficial, StatusReported, StatusDraft}

// Plan is one peace proposal: who made it, when, from which sources, and its
// numbered points.
type Plan struct {
	ID       string
	Title    string
	Short    string // label of at most MaxShortWidth cells for pane headers
	Proposer string
	Date     string // YYYY-MM-DD
	Status   Status
	Sources  []Source
	Summary  string
	Points   []Point
	Origin   string // where the plan was loaded from, e.g. "embedded"
}

// Point is one numbered point of a plan, summarised in the project's words.
type Point struct {
	N       int // 1-based, consecutive within the plan
	Title   string
	Summary string
	Themes  []string // theme ids
	Quote   string   // optional: at most MaxQuoteWords words of the original
	Source  string   // optional URL
}

// Ref returns the point's address, such as "china-2023#7".
func (pt Point) Ref(planID string) string { return fmt.Sprintf("%s#%d", planID, pt.N) }

// Point returns the point numbered n, or nil when the plan has none.
func (p *Plan) Point(n int) *Point {
	if n < 1 || n > len(p.Points) || p.Points[n-1].N != n {
		for i := range p.Points {
			if p.Points[i].N == n {
				return &p.Points[i]
			}
		}
		return nil
	}
	return &p.Points[n-1]
}

// Side names one of the two panes of a pairing.
type Side int

// The two sides of a pairing.
const (
	Left Side = iota
	Right
)

// Other returns the opposite side.
func (s Side) Other() Side { return 1 - s }

// String returns "left" or "right".
func (s Side) String() string {
	if s == Right {
		return "right"
	}
	return "left"
}

// Link is one assessed relation between a point of the left plan and a
// point of the right plan of a comparison.
type Link struct {
	Left  int
	Right int
	Tag   Tag
	Note  string
}

// Unmatched records a point that was considered and has, on purpose, no
// counterpart in the other plan.
type Unmatched struct {
	Side Side
	N    int
	Note string
}

// Comparison is a curated assessment of two plans, point by point.
type Comparison struct {
	Left      string // plan id
	Right     string // plan id
	Author    string
	Date      string
	Method    string
	Links     []Link
	Unmatched []Unmatched
	Origin    string
}

// Limits on text a plan may hold; the loader enforces them.
const (
	MaxShortWidth = 24  // cells in a plan's short label
	MaxTitleRunes = 200 // characters in a plan or point title
	MaxQuoteWords = 30  // words in a point's quote
)
