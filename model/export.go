package model

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// Format is an export format.
type Format string

// The export formats.
const (
	FormatText     Format = "text"
	FormatMarkdown Format = "markdown"
	FormatJSON     Format = "json"
)

// Formats lists every export format.
var Formats = []Format{FormatText, FormatMarkdown, FormatJSON}

// ParseFormat reads a format name.
func ParseFormat(s string) (Format, error) {
	for _, f := range Formats {
		if string(f) == s {
			return f, nil
		}
	}
	return "", fmt.Errorf("unknown format %q (want text, markdown or json)", s)
}

// Extension returns the usual file extension of the format, with its dot.
func (f Format) Extension() string {
	switch f {
	case FormatMarkdown:
		return ".md"
	case FormatJSON:
		return ".json"
	}
	return ".txt"
}

// TextWidthLimit is the column at which the text export wraps.
const TextWidthLimit = 80

// Write writes the report in the format. Output is deterministic: the same
// report gives the same bytes.
func (r Report) Write(w io.Writer, f Format, themeName func(string) string) error {
	switch f {
	case FormatMarkdown:
		return r.WriteMarkdown(w, themeName)
	case FormatJSON:
		return r.WriteJSON(w)
	default:
		return r.WriteText(w, themeName)
	}
}

// WriteJSON writes the report as indented JSON in the spec's shape.
func (r Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}

// leftHeading and rightHeading title the two sections of an export.
func (r Report) leftHeading() string {
	return fmt.Sprintf("%s: %s listed", r.Left.Short, plural(len(r.Left.Points), "point"))
}

func (r Report) rightHeading(unlisted int) string {
	return fmt.Sprintf("%s: %s not linked to a point above", r.Right.Short, plural(unlisted, "point"))
}

// describeFilters says in words which filters are applied.
func (r Report) describeFilters() string {
	themes, tags, search := "all", "all", "none"
	if len(r.Filters.Themes) > 0 {
		themes = strings.Join(r.Filters.Themes, ", ")
	}
	if len(r.Filters.Tags) > 0 {
		words := make([]string, len(r.Filters.Tags))
		for i, t := range r.Filters.Tags {
			words[i] = t.String()
		}
		tags = strings.Join(words, ", ")
	}
	if r.Filters.Search != "" {
		search = fmt.Sprintf("%q", r.Filters.Search)
	}
	return fmt.Sprintf("themes: %s; tags: %s; search: %s", themes, tags, search)
}

// describeCounts writes counts as "✓ agree 2, ≈ partial 5, …", leaving out
// related when the pair is assessed and the assessed tags when it is not.
func (r Report) describeCounts(c Counts) string {
	var parts []string
	for _, t := range r.countedTags() {
		parts = append(parts, fmt.Sprintf("%s %d", t.Label(false), c.Of(t)))
	}
	return strings.Join(parts, ", ")
}

func (r Report) countedTags() []Tag {
	if r.Assessed {
		return []Tag{Agree, Partial, Conflict, None}
	}
	return []Tag{Related, None}
}

func newBuf(w io.Writer) *bufio.Writer { return bufio.NewWriter(w) }

// textWriter collects lines and reports the first write error.
type textWriter struct {
	w   *bufio.Writer
	err error
}

func (t *textWriter) line(s string) {
	if t.err == nil {
		_, t.err = t.w.WriteString(strings.TrimRight(s, " ") + "\n")
	}
}

func (t *textWriter) lines(ls []string) {
	for _, l := range ls {
		t.line(l)
	}
}

// WriteText writes the report as plain UTF-8 text wrapped at 80 columns.
func (r Report) WriteText(w io.Writer, themeName func(string) string) error {
	const width = TextWidthLimit
	tw := &textWriter{w: newBuf(w)}
	tw.line(fmt.Sprintf("peacecmp: %s vs %s", r.Left.Short, r.Right.Short))
	tw.line("")
	for _, side := range []struct {
		label string
		plan  ReportPlan
	}{{"Left:  ", r.Left}, {"Right: ", r.Right}} {
		p := side.plan
		tw.lines(indentWrap(p.Title+" ["+p.ID+"]", width, side.label, "       "))
		tw.lines(indentWrap(fmt.Sprintf("%s, %s (%s)", p.Proposer, p.Date, p.Status), width, "       ", "       "))
		for _, s := range p.Sources {
			tw.lines(indentWrap(s.Title, width, "       Source: ", "               "))
			tw.line(urlLine(s.URL, "               "))
		}
	}
	tw.line("")
	if r.Comparison != nil {
		tw.lines(indentWrap(fmt.Sprintf("%s, %s", r.Comparison.Author, r.Comparison.Date), width, "Assessed by: ", "             "))
		tw.lines(indentWrap(r.Comparison.Method, width, "Method: ", "        "))
	} else {
		tw.lines(indentWrap("Not assessed. No curated comparison exists for this pair: points that share a theme are shown as related (~), which says nothing about whether they agree.", width, "", ""))
	}
	tw.lines(indentWrap(r.describeFilters(), width, "Filters: ", "         "))
	tw.lines(indentWrap(r.describeCounts(r.Counts.Left), width, "Counts, "+r.Left.Short+": ", "    "))
	tw.lines(indentWrap(r.describeCounts(r.Counts.Right), width, "Counts, "+r.Right.Short+": ", "    "))

	tw.line("")
	tw.lines(indentWrap(r.leftHeading(), width, "== ", "   "))
	if len(r.Left.Points) == 0 {
		tw.line("")
		tw.line("No point of this plan passes the filters.")
	}
	for _, pt := range r.Left.Points {
		r.writeTextPoint(tw, pt, r.Right, themeName)
	}
	unlisted := r.Unlisted()
	tw.line("")
	tw.lines(indentWrap(r.rightHeading(len(unlisted)), width, "== ", "   "))
	if len(unlisted) == 0 {
		tw.line("")
		tw.line("None.")
	}
	for _, pt := range unlisted {
		r.writeTextPoint(tw, pt, r.Left, themeName)
	}
	if tw.err != nil {
		return tw.err
	}
	return tw.w.Flush()
}

// urlLine puts a URL after the prefix when the line fits 80 columns, and
// on a line of its own otherwise: a URL is never cut, so it stays usable
// even when it is longer than a line.
func urlLine(url, prefix string) string {
	if TextWidth(prefix)+TextWidth(url) <= TextWidthLimit {
		return prefix + url
	}
	if strings.TrimSpace(prefix) == "" {
		return url
	}
	return strings.TrimRight(prefix, " ") + "\n" + url
}

func (r Report) writeTextPoint(tw *textWriter, pt ReportPoint, other ReportPlan, themeName func(string) string) {
	const width = TextWidthLimit
	tw.line("")
	head := fmt.Sprintf("%d. ", pt.N)
	pad := strings.Repeat(" ", len(head))
	tw.lines(indentWrap(fmt.Sprintf("%s [%s]", pt.Title, pt.Tag.Label(false)), width, head, pad))
	names := make([]string, len(pt.Themes))
	for i, t := range pt.Themes {
		names[i] = themeName(t)
	}
	tw.lines(indentWrap(strings.Join(names, "; "), width, pad+"Themes: ", pad+"        "))
	tw.lines(indentWrap(pt.Summary, width, pad, pad))
	if pt.Quote != "" {
		tw.lines(indentWrap("“"+pt.Quote+"”", width, pad+"Quote: ", pad+"       "))
	}
	if pt.Source != "" {
		tw.line(urlLine(pt.Source, pad+"Source: "))
	}
	if len(pt.Links) == 0 {
		msg := "No counterpart in " + other.Short + "."
		if pt.Unmatched != "" {
			msg += " " + pt.Unmatched
		}
		tw.lines(indentWrap(msg, width, pad+"· ", pad+"  "))
	}
	for _, l := range pt.Links {
		tw.lines(indentWrap(fmt.Sprintf("%s #%d %s [%s]", other.Short, l.N, l.Title, l.Tag.Label(false)), width, pad+"-> ", pad+"   "))
		tw.lines(indentWrap(l.Note, width, pad+"   ", pad+"   "))
	}
}

// mdCell makes text safe for one Markdown table cell.
func mdCell(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return strings.ReplaceAll(s, "|", `\|`)
}

// mdText escapes the characters that would start Markdown markup mid-text.
var mdText = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "<", "&lt;", ">", "&gt;", "#", `\#`, "|", `\|`)

// WriteMarkdown writes the report as Markdown: the same content as the text
// export, as tables and sections.
func (r Report) WriteMarkdown(w io.Writer, themeName func(string) string) error {
	tw := &textWriter{w: newBuf(w)}
	esc := mdText.Replace
	tw.line(fmt.Sprintf("# %s vs %s", esc(r.Left.Short), esc(r.Right.Short)))
	tw.line("")
	tw.line("| | Left | Right |")
	tw.line("|---|---|---|")
	row := func(name, l, r string) { tw.line(fmt.Sprintf("| %s | %s | %s |", name, mdCell(l), mdCell(r))) }
	row("Plan", esc(r.Left.Title)+" (`"+r.Left.ID+"`)", esc(r.Right.Title)+" (`"+r.Right.ID+"`)")
	row("Proposer", esc(r.Left.Proposer), esc(r.Right.Proposer))
	row("Date", r.Left.Date, r.Right.Date)
	row("Status", string(r.Left.Status), string(r.Right.Status))
	srcs := func(p ReportPlan) string {
		var out []string
		for _, s := range p.Sources {
			out = append(out, fmt.Sprintf("[%s](<%s>)", esc(s.Title), strings.ReplaceAll(s.URL, ">", "%3E")))
		}
		return strings.Join(out, "<br>")
	}
	row("Sources", srcs(r.Left), srcs(r.Right))
	row("Counts", r.describeCounts(r.Counts.Left), r.describeCounts(r.Counts.Right))
	tw.line("")
	if r.Comparison != nil {
		tw.line(fmt.Sprintf("**Assessed by** %s, %s.", esc(r.Comparison.Author), r.Comparison.Date))
		tw.line("")
		tw.line("**Method.** " + esc(strings.Join(strings.Fields(r.Comparison.Method), " ")))
	} else {
		tw.line("**Not assessed.** No curated comparison exists for this pair: points that share a theme are shown as *related* (~), which says nothing about whether they agree.")
	}
	tw.line("")
	tw.line("**Filters.** " + esc(r.describeFilters()))
	r.writeMarkdownSection(tw, r.leftHeading(), r.Left.Points, r.Right, themeName)
	unlisted := r.Unlisted()
	r.writeMarkdownSection(tw, r.rightHeading(len(unlisted)), unlisted, r.Left, themeName)
	if tw.err != nil {
		return tw.err
	}
	return tw.w.Flush()
}

func (r Report) writeMarkdownSection(tw *textWriter, title string, pts []ReportPoint, other ReportPlan, themeName func(string) string) {
	esc := mdText.Replace
	tw.line("")
	tw.line("## " + esc(title))
	if len(pts) == 0 {
		tw.line("")
		tw.line("None.")
	}
	for _, pt := range pts {
		tw.line("")
		tw.line(fmt.Sprintf("### %d. %s — %s", pt.N, esc(strings.Join(strings.Fields(pt.Title), " ")), pt.Tag.Label(false)))
		tw.line("")
		names := make([]string, len(pt.Themes))
		for i, t := range pt.Themes {
			names[i] = esc(themeName(t))
		}
		tw.line("*Themes:* " + strings.Join(names, "; "))
		tw.line("")
		tw.line(esc(strings.Join(strings.Fields(pt.Summary), " ")))
		if pt.Quote != "" {
			tw.line("")
			tw.line("> “" + esc(pt.Quote) + "”")
		}
		if pt.Source != "" {
			tw.line("")
			tw.line(fmt.Sprintf("Source: <%s>", strings.ReplaceAll(pt.Source, ">", "%3E")))
		}
		tw.line("")
		if len(pt.Links) == 0 {
			msg := "No counterpart in " + esc(other.Short) + "."
			if pt.Unmatched != "" {
				msg += " " + esc(strings.Join(strings.Fields(pt.Unmatched), " "))
			}
			tw.line(msg)
			continue
		}
		tw.line("| Counterpart | Tag | Note |")
		tw.line("|---|---|---|")
		for _, l := range pt.Links {
			tw.line(fmt.Sprintf("| %s | %s | %s |",
				mdCell(fmt.Sprintf("%s #%d %s", esc(other.Short), l.N, esc(l.Title))),
				l.Tag.Label(false), mdCell(esc(l.Note))))
		}
	}
}
