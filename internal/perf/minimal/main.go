// Command minimal is the baseline for peacecmp's start-up and key-press
// measurements: the smallest Bubble Tea v2 program that draws two bordered
// boxes in the alternate screen. j moves a marker; q quits. It is not part
// of the peacecmp binary.
package main

import (
	"fmt"
	"os"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

type model struct {
	width, height int
	row           int
}

func (m model) Init() tea.Cmd { return nil }

func (m model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
	case tea.KeyPressMsg:
		switch msg.String() {
		case "q", "ctrl+c":
			return m, tea.Quit
		case "j":
			m.row++
		}
	}
	return m, nil
}

func (m model) View() tea.View {
	box := lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).
		Width(max(m.width/2, 4)).Height(max(m.height-2, 3))
	left := box.Render(fmt.Sprintf("MINIMAL-READY row %d", m.row))
	right := box.Render("right")
	v := tea.NewView(lipgloss.JoinHorizontal(lipgloss.Top, left, right))
	v.AltScreen = true
	return v
}

func main() {
	if _, err := tea.NewProgram(model{}).Run(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
