package model

// Report is a pairing narrowed by a filter, in the shape every export
// format writes. Building it once keeps text, Markdown and JSON in step.
// All strings in a report are cleaned with Clean or CleanLine.
type Report struct {
	Left       ReportPlan        `json:"left"`
	Right      ReportPlan        `json:"right"`
	Comparison *ReportComparison `json:"comparison"`
	Assessed   bool              `json:"assessed"`
	Filters    ReportFilters     `json:"filters"`
	Counts     ReportCounts      `json:"counts"`
}

// ReportPlan is one side of a report: the plan and its listed points.
type ReportPlan struct {
	ID       string         `json:"id"`
	Title    string         `json:"title"`
	Short    string         `json:"short"`
	Proposer string         `json:"proposer"`
	Date     string         `json:"date"`
	Status   Status         `json:"status"`
	Sources  []ReportSource `json:"sources"`
	Points   []ReportPoint  `json:"points"`
}

// ReportSource is a source of a plan.
type ReportSource struct {
	Title string `json:"title"`
	URL   string `json:"url"`
}

// ReportPoint is one listed point with its derived tag and its links.
type ReportPoint struct {
	N         int          `json:"n"`
	Title     string       `json:"title"`
	Summary   string       `json:"summary"`
	Themes    []string     `json:"themes"`
	Quote     string       `json:"quote,omitempty"`
	Source    string       `json:"source,omitempty"`
	Tag       Tag          `json:"tag"`
	Links     []ReportLink `json:"links"`
	Unmatched string       `json:"unmatched_note,omitempty"`
}

// ReportLink is a link from a listed point to a point of the other plan.
type ReportLink struct {
	N     int    `json:"n"`
	Title string `json:"title"`
	Tag   Tag    `json:"tag"`
	Note  string `json:"note"`
}

// ReportComparison names who assessed the pair, when and how.
type ReportComparison struct {
	Author string `json:"author"`
	Date   string `json:"date"`
	Method string `json:"method"`
}

// ReportFilters records the filters applied.
type ReportFilters struct {
	Themes []string `json:"themes"`
	Tags   []Tag    `json:"tags"`
	Search string   `json:"search"`
}

// ReportCounts holds the tag counts of the listed points of each side.
type ReportCounts struct {
	Left  Counts `json:"left"`
	Right Counts `json:"right"`
}

// NewReport builds the report of a pairing under a filter: only the points
// that pass the filter are listed, and the counts are theirs.
func NewReport(p *Pairing, f Filter) Report {
	r := Report{
		Assessed: p.Assessed(),
		Filters: ReportFilters{
			Themes: append([]string{}, f.Themes...),
			Tags:   append([]Tag{}, f.Tags...),
			Search: CleanLine(f.Search),
		},
	}
	if c := p.Comparison; c != nil {
		r.Comparison = &ReportComparison{Author: CleanLine(c.Author), Date: c.Date, Method: Clean(c.Method)}
	}
	var vis [2][]int
	for _, s := range []Side{Left, Right} {
		vis[s] = p.Visible(s, f)
	}
	r.Left = reportPlan(p, Left, vis[Left])
	r.Right = reportPlan(p, Right, vis[Right])
	r.Counts = ReportCounts{Left: p.Count(Left, vis[Left]), Right: p.Count(Right, vis[Right])}
	return r
}

func reportPlan(p *Pairing, s Side, visible []int) ReportPlan {
	plan, other := p.Plan(s), p.Plan(s.Other())
	rp := ReportPlan{
		ID: plan.ID, Title: CleanLine(plan.Title), Short: CleanLine(plan.Short),
		Proposer: CleanLine(plan.Proposer), Date: plan.Date, Status: plan.Status,
		Sources: make([]ReportSource, 0, len(plan.Sources)),
		Points:  make([]ReportPoint, 0, len(visible)),
	}
	for _, src := range plan.Sources {
		rp.Sources = append(rp.Sources, ReportSource{Title: CleanLine(src.Title), URL: CleanLine(src.URL)})
	}
	for _, i := range visible {
		pt := plan.Points[i]
		out := ReportPoint{
			N: pt.N, Title: CleanLine(pt.Title), Summary: Clean(pt.Summary),
			Themes: append([]string{}, pt.Themes...), Quote: CleanLine(pt.Quote),
			Source: CleanLine(pt.Source), Tag: p.Tag(s, i),
			Links:     []ReportLink{},
			Unmatched: Clean(p.UnmatchedNote(s, pt.N)),
		}
		for _, l := range p.Links(s, i) {
			title := ""
			if opt := other.Point(l.N); opt != nil {
				title = CleanLine(opt.Title)
			}
			out.Links = append(out.Links, ReportLink{N: l.N, Title: title, Tag: l.Tag, Note: Clean(l.Note)})
		}
		rp.Points = append(rp.Points, out)
	}
	return rp
}

// Unlisted returns the right plan's listed points that have no link to a
// listed point of the left plan: the ones a reader would not meet while
// reading the left plan's points.
func (r Report) Unlisted() []ReportPoint {
	listed := make(map[int]bool, len(r.Left.Points))
	for _, pt := range r.Left.Points {
		listed[pt.N] = true
	}
	var out []ReportPoint
	for _, pt := range r.Right.Points {
		covered := false
		for _, l := range pt.Links {
			if listed[l.N] {
				covered = true
				break
			}
		}
		if !covered {
			out = append(out, pt)
		}
	}
	return out
}
