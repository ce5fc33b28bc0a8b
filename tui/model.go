package tui

import (
	"fmt"
	"slices"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"peacecmp/model"
)

// mode says what has the keyboard: the panes, or one of the pickers,
// dialogs or pages drawn over them.
type mode int

const (
	modeBrowse  mode = iota // the two panes (and the detail)
	modeSearch              // typing in the search line
	modeThemes              // theme picker
	modePlans               // plan picker
	modeMatrix              // theme × plan matrix
	modeExport              // export dialog: format and file name
	modeConfirm             // export dialog: replace an existing file?
	modeHelp                // full help page
)

// jumpState remembers the point whose counterparts n/N walk through, so
// that pressing n again moves to the next one rather than back.
type jumpState struct {
	active bool
	side   model.Side // side of the point whose counterparts are visited
	n      int        // its number
	k      int        // position in its visible counterparts
}

// anchor is the selection that the other pane last scrolled for.
type anchor struct {
	side          model.Side
	point         int
	version, w, h int
	paneH         int // the other pane's height, which the detail changes
}

// Model is the viewer's root model: it owns every piece of state, decides
// where each key goes, and draws the screen. It implements tea.Model.
type Model struct {
	lib   *model.Library
	opts  Options
	pair  *model.Pairing
	ids   [2]string
	panes [2]pane
	focus model.Side

	filter  model.Filter
	tagStep int // 0: every tag; i: tagCycle()[i-1]
	counts  [2]model.Counts
	version int // bumps whenever the pairing or the filter changes

	detail    bool
	detailOff int
	detailBuf *detailCache
	chrome    *chromeCache

	mode    mode
	themes  themePicker
	plans   planPicker
	matrix  matrixView
	export  exportDialog
	search  lineInput
	help    help.Model
	keys    KeyMap
	styles  Styles
	stylesV int
	glyphs  Glyphs
	dark    bool

	helpOff   int
	helpLines int // lines of the help page at the last render (view copy only)

	w, h   int
	msg    string
	msgErr bool
	jump   jumpState
	anchor anchor
}

// New builds the root model. It returns an error for unknown plan ids or
// theme ids, or when the library is missing.
func New(opts Options) (Model, error) {
	if opts.Library == nil {
		return Model{}, fmt.Errorf("viewer: no library to show")
	}
	lib := opts.Library
	if opts.Left == "" && opts.Right == "" {
		opts.Left, opts.Right = defaultPair(lib)
	}
	pair, err := lib.Pair(opts.Left, opts.Right)
	if err != nil {
		return Model{}, err
	}
	for _, t := range opts.Themes {
		if _, ok := lib.Theme(t); !ok {
			return Model{}, fmt.Errorf("unknown theme %q (available: %v)", t, lib.ThemeIDs())
		}
	}
	m := Model{
		lib: lib, opts: opts, pair: pair,
		ids:       [2]string{opts.Left, opts.Right},
		panes:     [2]pane{newPane(model.Left, opts.ASCII), newPane(model.Right, opts.ASCII)},
		filter:    model.Filter{Themes: slices.Clone(opts.Themes)},
		keys:      DefaultKeyMap(),
		glyphs:    NewGlyphs(opts.ASCII),
		dark:      true,
		detailBuf: &detailCache{},
		chrome:    &chromeCache{},
		help:      help.New(),
	}
	m.search = lineInput{Prompt: "/ ", Placeholder: "search titles and summaries", CharLimit: 200}
	m.export.input = lineInput{Prompt: "File: ", CharLimit: 4096}
	m.applyStyles()
	if opts.ASCII {
		m.keys = m.keys.ASCII()
	}
	m.keys.twoPlans = len(lib.Plans) <= 2
	m.refresh()
	return m, nil
}

// defaultPair returns the spec's default pair when loaded, else the first
// two plans.
func defaultPair(lib *model.Library) (string, string) {
	if lib.Plan("zelensky-2022") != nil && lib.Plan("china-2023") != nil {
		return "zelensky-2022", "china-2023"
	}
	ids := lib.PlanIDs()
	switch len(ids) {
	case 0:
		return "", ""
	case 1:
		return ids[0], ""
	}
	return ids[0], ids[1]
}

// Init asks the terminal for its background colour, to pick light or dark
// styles. Dark is kept when the terminal does not answer.
func (m Model) Init() tea.Cmd {
	return tea.RequestBackgroundColor
}

// Update handles one message. It does no I/O; commands do.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	cmd := m.update(msg)
	return m, cmd
}

func (m *Model) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.w, m.h = max(msg.Width, 0), max(msg.Height, 0)
		m.sync(true)
		return nil
	case tea.BackgroundColorMsg:
		m.dark = msg.IsDark()
		m.applyStyles()
		return nil
	case tea.KeyPressMsg:
		return m.handleKey(msg)
	case tea.MouseClickMsg:
		m.handleClick(msg.Mouse())
		return nil
	case tea.MouseWheelMsg:
		m.handleWheel(msg.Mouse())
		return nil
	case tea.PasteMsg:
		return m.handlePaste(msg)
	case exportDoneMsg:
		return m.handleExportDone(msg)
	}
	return nil
}

// applyStyles rebuilds the styles for the background and colour setting.
func (m *Model) applyStyles() {
	m.styles = NewStyles(m.dark, m.opts.NoColor)
	m.stylesV++
	m.help.Styles = m.styles.Help
	m.help.Ellipsis = m.glyphs.Ellipsis
	if m.opts.ASCII {
		m.help.ShortSeparator = " | "
	}
	m.search.SetStyles(m.styles.Prompt, lipgloss.NewStyle(), m.styles.Faint)
	m.export.input.SetStyles(m.styles.Prompt, lipgloss.NewStyle(), m.styles.Faint)
}

// tagCycle returns the tags the f key cycles through after "all".
func (m *Model) tagCycle() []model.Tag {
	if m.pair.Assessed() {
		return []model.Tag{model.Agree, model.Partial, model.Conflict, model.None}
	}
	return []model.Tag{model.Related, model.None}
}

// refresh recomputes what each pane shows after the pairing or the filter
// changed.
func (m *Model) refresh() {
	m.version++
	m.filter.Tags = nil
	if cyc := m.tagCycle(); m.tagStep > 0 && m.tagStep <= len(cyc) {
		m.filter.Tags = []model.Tag{cyc[m.tagStep-1]}
	} else {
		m.tagStep = 0
	}
	for _, s := range []model.Side{model.Left, model.Right} {
		plan := m.pair.Plan(s)
		tags := make([]model.Tag, len(plan.Points))
		for i := range tags {
			tags[i] = m.pair.Tag(s, i)
		}
		vis := m.pair.Visible(s, m.filter)
		m.panes[s].SetContent(paneContent{plan: plan, tags: tags, version: m.version}, vis)
		m.counts[s] = m.pair.Count(s, vis)
	}
	m.sync(true)
}

// setPair opens a new pair of plans, keeping the filters that still make
// sense.
func (m *Model) setPair(left, right string) error {
	pair, err := m.lib.Pair(left, right)
	if err != nil {
		return err
	}
	var tag model.Tag
	hadTag := m.tagStep > 0
	if hadTag {
		tag = m.tagCycle()[m.tagStep-1]
	}
	m.pair = pair
	m.ids = [2]string{left, right}
	m.tagStep = 0
	if hadTag {
		if i := slices.Index(m.tagCycle(), tag); i >= 0 {
			m.tagStep = i + 1
		}
	}
	for s := range m.panes {
		m.panes[s].Reset()
		m.panes[s].items = nil
	}
	m.detailOff = 0
	m.jump = jumpState{}
	m.refresh()
	if hadTag && m.tagStep == 0 {
		m.setMsg(fmt.Sprintf("Tag filter %q dropped: this pair has no such tag.", tag.String()), false)
	}
	return nil
}

// selectedPoint returns the focused pane's selected point index, or -1.
func (m *Model) selectedPoint() int { return m.panes[m.focus].Selected() }

// linkedIndexes returns the indexes, in the other pane's plan, of the
// counterparts of point index i on side s.
func (m *Model) linkedIndexes(s model.Side, i int) []int {
	var out []int
	for _, l := range m.pair.Links(s, i) {
		if j := m.pair.IndexOf(s.Other(), l.N); j >= 0 {
			out = append(out, j)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// sync sizes the panes for the window and keeps the selection in view. With
// follow set the focused pane scrolls to its cursor; the mouse wheel syncs
// without it so that the view stays where the wheel put it.
func (m *Model) sync(follow bool) {
	lay := m.layout()
	if lay.tooSmall {
		return
	}
	for s := range m.panes {
		r := lay.panes[s]
		if lay.single {
			r = lay.panes[m.focus]
		}
		if r.w > 2 && r.h > 2 { // a pane hidden by the detail keeps its size
			m.panes[s].SetSize(r.w-2, r.h-2)
		}
	}
	if follow {
		m.panes[m.focus].EnsureCursorVisible()
	}
	a := anchor{side: m.focus, point: m.selectedPoint(), version: m.version, w: m.w, h: m.h, paneH: m.panes[m.focus.Other()].h}
	if a != m.anchor {
		m.anchor = a
		other := &m.panes[m.focus.Other()]
		var ks []int
		if a.point >= 0 {
			for _, j := range m.linkedIndexes(m.focus, a.point) {
				if k, ok := slices.BinarySearch(other.items, j); ok {
					ks = append(ks, k)
				}
			}
		}
		other.ShowItems(ks)
		m.detailOff = 0
	}
	for s := range m.panes {
		m.panes[s].clampTop()
	}
	if m.detail && lay.detail.h > 2 {
		n := len(m.detailLines(m.focus, m.selectedPoint(), min(max(lay.detail.w-4, 1), maxDetailWidth)))
		m.detailOff = clamp(m.detailOff, 0, max(n-(lay.detail.h-2), 0))
	}
	if m.mode == modeMatrix && len(m.lib.Plans) > 0 {
		m.matrix.scroll(m.matrixGeometry(lay.body.w-4, lay.body.h-2), len(m.lib.Themes), len(m.lib.Plans))
	}
	rows := lay.body.h - 2 - 2 // frame and heading lines
	m.themes.list.show(rows, len(m.lib.Themes))
	m.plans.list.show(rows, len(m.lib.Plans))
}

// setMsg shows a message in the status line until the next key.
func (m *Model) setMsg(s string, isErr bool) {
	m.msg, m.msgErr = s, isErr
}

// pointRef returns "plan#n" for point index i on side s.
func (m *Model) pointRef(s model.Side, i int) string {
	plan := m.pair.Plan(s)
	if i < 0 || i >= len(plan.Points) {
		return plan.ID
	}
	return plan.Points[i].Ref(plan.ID)
}

// short returns the cleaned short name of the plan on side s.
func (m *Model) short(s model.Side) string { return model.CleanLine(m.pair.Plan(s).Short) }
