package tui

import (
	"image/color"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"

	"peacecmp/model"
)

// Glyphs are the characters the viewer draws besides text: Unicode by
// default, plain ASCII with Options.ASCII.
type Glyphs struct {
	ASCII    bool
	Border   lipgloss.Border
	Cursor   string // the selected point of the focused pane
	Linked   string // a counterpart of the selected point
	Shown    string // the pane shown below 80 columns
	Ellipsis string
	Sep      string // between short items, such as theme labels
	Dot      string // between the parts of a header or status line
	On, Off  string // picker check boxes
	Arrow    string // "→" in the detail's links
}

// NewGlyphs returns the glyph set for the ascii setting.
func NewGlyphs(ascii bool) Glyphs {
	if ascii {
		return Glyphs{ASCII: true, Border: lipgloss.ASCIIBorder(), Cursor: ">", Linked: "*", Shown: ">",
			Ellipsis: "...", Sep: ", ", Dot: " - ", On: "[x]", Off: "[ ]", Arrow: "->"}
	}
	return Glyphs{Border: lipgloss.RoundedBorder(), Cursor: "▶", Linked: "◆", Shown: "▶",
		Ellipsis: "…", Sep: " · ", Dot: " · ", On: "[✓]", Off: "[ ]", Arrow: "→"}
}

// Styles holds every Lip Gloss style of the viewer, named for what it
// marks rather than how it looks. Build it with NewStyles; rebuild it when
// the terminal reports its background.
type Styles struct {
	NoColor bool

	Title      lipgloss.Style // a plan's short name in the header
	Meta       lipgloss.Style // proposer and date
	Notice     lipgloss.Style // "not assessed" notice
	Faint      lipgloss.Style // secondary text
	Border     lipgloss.Style // pane frame
	BorderOn   lipgloss.Style // frame of the focused pane
	PaneTitle  lipgloss.Style
	PaneOn     lipgloss.Style // title of the focused pane
	Number     lipgloss.Style // a point's number
	Themes     lipgloss.Style // theme labels under a point
	Selected   lipgloss.Style // lines of the selected point in the focused pane
	Linked     lipgloss.Style // counterparts of the selected point
	LinkMarker lipgloss.Style
	Tags       [model.Conflict + 1]lipgloss.Style

	Heading lipgloss.Style // section heads in the detail, dialogs and help
	Label   lipgloss.Style // "Themes:", "Source:" …
	Quote   lipgloss.Style
	Empty   lipgloss.Style // "nothing passes the filters"

	Status    lipgloss.Style
	StatusMsg lipgloss.Style
	StatusErr lipgloss.Style

	Cursor  lipgloss.Style // the row under the cursor in pickers and the matrix
	Zero    lipgloss.Style // a zero in the matrix
	Help    help.Styles
	Prompt  lipgloss.Style // prompt of the search line and the file name
	Warning lipgloss.Style

	// The escape codes around Border and BorderOn, so that frames (long
	// runs of one glyph) are styled without Lip Gloss measuring them.
	borderSGR, borderOnSGR paint
	// ink holds the same for the styles of pane lines, drawn most often.
	ink paneInk
}

// paint is the pair of escape codes around a one-line style.
type paint [2]string

// Render styles one line of text.
func (p paint) Render(s string) string {
	if s == "" {
		return ""
	}
	return p[0] + s + p[1]
}

// paneInk is the styles of a pane's lines as escape codes.
type paneInk struct {
	tags                                     [model.Conflict + 1]paint
	number, themes, linked, marker, selected paint
}

func (s *Styles) setInk() {
	s.borderSGR, s.borderOnSGR = sgr(s.Border), sgr(s.BorderOn)
	for t := range s.Tags {
		s.ink.tags[t] = sgr(s.Tags[t])
	}
	s.ink.number, s.ink.themes, s.ink.linked = sgr(s.Number), sgr(s.Themes), sgr(s.Linked)
	s.ink.marker, s.ink.selected = sgr(s.LinkMarker), sgr(s.Selected)
}

// tagInk returns the paint of a tag.
func (s *Styles) tagInk(t model.Tag) paint {
	if t < 0 || int(t) >= len(s.ink.tags) {
		return paint{}
	}
	return s.ink.tags[t]
}

// sgr returns the codes that open and close a style.
func sgr(st lipgloss.Style) paint {
	out := st.Render("x")
	i := strings.Index(out, "x")
	if i < 0 {
		return paint{}
	}
	return paint{out[:i], out[i+1:]}
}

// border styles a run of border glyphs, focused or not.
func (s *Styles) border(run string, focused bool) string {
	c := s.borderSGR
	if focused {
		c = s.borderOnSGR
	}
	return c[0] + run + c[1]
}

// NewStyles returns the styles for a dark or light background. With
// noColor no colour is used at all: only bold, faint and reverse, which
// NO_COLOR allows, and every mark also has a glyph or a word.
func NewStyles(dark, noColor bool) Styles {
	n := lipgloss.NewStyle()
	s := Styles{NoColor: noColor}
	if noColor {
		s.Title = n.Bold(true)
		s.Meta = n
		s.Notice = n.Bold(true)
		s.Faint = n.Faint(true)
		s.Border = n
		s.BorderOn = n.Bold(true)
		s.PaneTitle = n
		s.PaneOn = n.Bold(true)
		s.Number = n
		s.Themes = n.Faint(true)
		s.Selected = n.Reverse(true)
		s.Linked = n.Bold(true)
		s.LinkMarker = n.Bold(true)
		for t := range s.Tags {
			s.Tags[t] = n
		}
		s.Heading = n.Bold(true)
		s.Label = n.Bold(true)
		s.Quote = n.Italic(true)
		s.Empty = n.Bold(true)
		s.Status = n
		s.StatusMsg = n.Bold(true)
		s.StatusErr = n.Bold(true)
		s.Cursor = n.Reverse(true)
		s.Zero = n.Faint(true)
		s.Warning = n.Bold(true)
		s.Help = help.Styles{
			Ellipsis: n.Faint(true), ShortKey: n.Bold(true), ShortDesc: n, ShortSeparator: n.Faint(true),
			FullKey: n.Bold(true), FullDesc: n, FullSeparator: n,
		}
		s.Prompt = n.Bold(true)
		s.setInk()
		return s
	}

	ld := lipgloss.LightDark(dark)
	c := func(light, darkc string) color.Color { return ld(lipgloss.Color(light), lipgloss.Color(darkc)) }
	var (
		accent  = c("#5A3FC0", "#B4A7FF")
		faint   = c("#737373", "#8C8C8C")
		text    = c("#1F1F1F", "#E4E4E4")
		selBG   = c("#D9D2FF", "#3B3566")
		selFG   = c("#1A1033", "#FFFFFF")
		linked  = c("#005F87", "#7FD3FF")
		warn    = c("#9A5B00", "#FFC66D")
		errorc  = c("#B3261E", "#FF8A80")
		okc     = c("#1E7A34", "#8CE99A")
		cursorB = c("#E6E1FF", "#2E2A4F")
	)
	s.Title = n.Bold(true).Foreground(accent)
	s.Meta = n.Foreground(text)
	s.Notice = n.Bold(true).Foreground(warn)
	s.Faint = n.Foreground(faint)
	s.Border = n.Foreground(faint)
	s.BorderOn = n.Foreground(accent).Bold(true)
	s.PaneTitle = n.Foreground(faint)
	s.PaneOn = n.Foreground(accent).Bold(true)
	s.Number = n.Foreground(faint)
	s.Themes = n.Foreground(faint)
	s.Selected = n.Background(selBG).Foreground(selFG).Bold(true)
	s.Linked = n.Foreground(linked).Bold(true)
	s.LinkMarker = n.Foreground(linked).Bold(true)
	s.Tags[model.Agree] = n.Foreground(c("#1E7A34", "#8CE99A"))
	s.Tags[model.Partial] = n.Foreground(c("#8A6100", "#FFD866"))
	s.Tags[model.Conflict] = n.Foreground(c("#B3261E", "#FF8A80")).Bold(true)
	s.Tags[model.None] = n.Foreground(faint)
	s.Tags[model.Related] = n.Foreground(c("#005F87", "#7FD3FF"))
	s.Heading = n.Bold(true).Foreground(accent)
	s.Label = n.Bold(true)
	s.Quote = n.Italic(true)
	s.Empty = n.Bold(true).Foreground(warn)
	s.Status = n.Foreground(faint)
	s.StatusMsg = n.Foreground(okc).Bold(true)
	s.StatusErr = n.Foreground(errorc).Bold(true)
	s.Cursor = n.Background(cursorB).Foreground(text).Bold(true)
	s.Zero = n.Foreground(faint)
	s.Warning = n.Foreground(warn).Bold(true)
	s.Help = help.Styles{
		Ellipsis:       n.Foreground(faint),
		ShortKey:       n.Foreground(accent),
		ShortDesc:      n.Foreground(faint),
		ShortSeparator: n.Foreground(faint),
		FullKey:        n.Foreground(accent),
		FullDesc:       n.Foreground(text),
		FullSeparator:  n,
	}
	s.Prompt = n.Foreground(accent).Bold(true)
	s.setInk()
	return s
}

// Tag returns the style of a tag, or a plain style for an unknown one.
func (s Styles) Tag(t model.Tag) lipgloss.Style {
	if t < 0 || int(t) >= len(s.Tags) {
		return lipgloss.NewStyle()
	}
	return s.Tags[t]
}
