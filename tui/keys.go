package tui

import (
	"slices"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
)

// KeyMap holds every key binding of the viewer. The short help line and the
// full help page are both drawn from it, so what the help says is what the
// keys do.
type KeyMap struct {
	// Moving within the focused pane.
	Up, Down, PageUp, PageDown, Home, End key.Binding
	// Moving focus between the panes.
	NextPane, PrevPane, LeftPane, RightPane key.Binding
	// The detail of the selected point.
	Detail, DetailDown, DetailUp key.Binding
	// Linked counterparts.
	NextLink, PrevLink key.Binding
	// Filters.
	Themes, TagFilter, Search, ClearFilters key.Binding
	// Plans.
	Plans, Swap, Matrix key.Binding
	// Output.
	Copy, Export key.Binding
	// General.
	Help, Quit, ForceQuit key.Binding

	// Keys of the pickers, dialogs and the search line.
	Toggle, Apply, Cancel, Confirm, Deny key.Binding

	ascii    bool // help text without arrows
	twoPlans bool // p has nothing to pick: left out of the help
}

// ASCII returns the key map with help text in plain ASCII.
func (k KeyMap) ASCII() KeyMap {
	k.ascii = true
	k.Up.SetHelp("up/k", "up")
	k.Down.SetHelp("down/j", "down")
	k.LeftPane.SetHelp("left/h", "left pane")
	k.RightPane.SetHelp("right/l", "right pane")
	return k
}

// arrows returns how the help names the up and down keys, or all four.
func (k *KeyMap) arrows(all bool) string {
	switch {
	case k.ascii && all:
		return "arrows/hjkl"
	case k.ascii:
		return "j/k"
	case all:
		return "↑↓←→/hjkl"
	}
	return "↑↓/jk"
}

// DefaultKeyMap returns the keys of the spec's "Viewer keys".
func DefaultKeyMap() KeyMap {
	b := func(keys []string, helpKey, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(helpKey, desc))
	}
	return KeyMap{
		Up:       b([]string{"up", "k"}, "↑/k", "up"),
		Down:     b([]string{"down", "j"}, "↓/j", "down"),
		PageUp:   b([]string{"pgup"}, "pgup", "page up"),
		PageDown: b([]string{"pgdown"}, "pgdn", "page down"),
		Home:     b([]string{"home", "g"}, "home/g", "first point"),
		End:      b([]string{"end", "G"}, "end/G", "last point"),

		NextPane:  b([]string{"tab"}, "tab", "other pane"),
		PrevPane:  b([]string{"shift+tab"}, "shift+tab", "other pane"),
		LeftPane:  b([]string{"left", "h"}, "←/h", "left pane"),
		RightPane: b([]string{"right", "l"}, "→/l", "right pane"),

		Detail:     b([]string{"enter"}, "enter", "detail"),
		DetailDown: b([]string{"]"}, "]", "scroll detail down"),
		DetailUp:   b([]string{"["}, "[", "scroll detail up"),

		NextLink: b([]string{"n"}, "n", "next counterpart"),
		PrevLink: b([]string{"N"}, "N", "previous counterpart"),

		Themes:       b([]string{"t"}, "t", "themes"),
		TagFilter:    b([]string{"f"}, "f", "tag filter"),
		Search:       b([]string{"/"}, "/", "search"),
		ClearFilters: b([]string{"x"}, "x", "clear filters"),

		Plans:  b([]string{"p"}, "p", "pick plans"),
		Swap:   b([]string{"s"}, "s", "swap sides"),
		Matrix: b([]string{"m"}, "m", "theme matrix"),

		Copy:   b([]string{"y"}, "y", "copy point"),
		Export: b([]string{"e"}, "e", "export"),

		Help:      b([]string{"?"}, "?", "help"),
		Quit:      b([]string{"q", "ctrl+c"}, "q", "quit"),
		ForceQuit: b([]string{"ctrl+c"}, "ctrl+c", "quit"),

		Toggle:  b([]string{"space"}, "space", "toggle"),
		Apply:   b([]string{"enter"}, "enter", "apply"),
		Cancel:  b([]string{"esc"}, "esc", "cancel"),
		Confirm: b([]string{"y"}, "y", "replace"),
		Deny:    b([]string{"n", "esc"}, "n/esc", "keep the file"),
	}
}

// helpView is the key map as seen from one mode of the viewer: it says
// which bindings the help line and the help page show there.
type helpView struct {
	keys *KeyMap
	mode mode
}

var _ help.KeyMap = helpView{}

// ShortHelp returns the bindings of the one-line help.
func (h helpView) ShortHelp() []key.Binding {
	k := h.keys
	switch h.mode {
	case modeThemes:
		return []key.Binding{k.Up, k.Down, k.Toggle, k.Apply, k.Cancel}
	case modePlans:
		return []key.Binding{k.Up, k.Down, withHelp(k.Apply, "enter", "choose"), k.Cancel}
	case modeMatrix:
		return []key.Binding{withHelp(k.Up, k.arrows(true), "move"), withHelp(k.Apply, "enter", "open plan on theme"), withHelp(k.Cancel, "esc/m", "close")}
	case modeSearch:
		return []key.Binding{withHelp(k.Apply, "enter", "keep search"), withHelp(k.Cancel, "esc", "clear search")}
	case modeExport:
		return []key.Binding{withHelp(k.Apply, "enter", "next"), k.Cancel}
	case modeConfirm:
		return []key.Binding{k.Confirm, k.Deny}
	case modeHelp:
		return []key.Binding{withHelp(k.Cancel, "esc/?", "close help"), k.Quit}
	}
	return []key.Binding{
		withHelp(k.Down, k.arrows(false), "move"), k.NextPane, k.Detail, k.NextLink,
		k.Themes, k.TagFilter, k.Search, k.ClearFilters, k.Export, k.Help, k.Quit,
	}
}

// FullHelp returns the columns of the help page.
func (h helpView) FullHelp() [][]key.Binding {
	k := h.keys
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End},
		{k.NextPane, k.PrevPane, k.LeftPane, k.RightPane, k.Detail, k.DetailDown, k.DetailUp},
		{k.NextLink, k.PrevLink, k.Themes, k.TagFilter, k.Search, k.ClearFilters},
		slices.DeleteFunc([]key.Binding{k.Plans, k.Swap, k.Matrix, k.Copy, k.Export, k.Help, k.Quit},
			func(b key.Binding) bool { return k.twoPlans && b.Help().Key == "p" }),
	}
}

// withHelp returns a copy of the binding with other help text.
func withHelp(b key.Binding, k, desc string) key.Binding {
	b.SetHelp(k, desc)
	return b
}
