// Package tui is peacecmp's viewer: two peace plans side by side with an
// agreement tag on every point, linked counterparts, filters, a theme ×
// plan matrix and export, on Bubble Tea v2.
//
// One root Model owns all state and focus. The parts it draws (panes, the
// detail, pickers, the matrix, the export dialog) have no Update of their
// own: they are plain values with SetSize and a render method, and the root
// decides where each key goes. Update and View do no I/O: files are written
// in a tea.Cmd. Every string from the data passes model.Clean or
// model.CleanLine before it is drawn, and every width is measured with
// charmbracelet/x/ansi. See AGENTS.md beside this file.
package tui

import (
	"context"
	"errors"
	"fmt"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"peacecmp/model"
)

// Options sets the viewer's starting state.
type Options struct {
	Library     *model.Library
	Left, Right string   // plan ids
	Themes      []string // starting theme filter
	ASCII       bool     // ASCII borders and tag symbols
	NoColor     bool     // no colour at all (NO_COLOR set to any non-empty value)
	Dir         string   // directory where exports are offered by default (current dir)
}

// Run starts the viewer in the alternate screen with mouse reporting and
// returns when the user quits or ctx is cancelled. Bubble Tea restores the
// terminal on every exit, a panic included; a panic is returned as an error.
func Run(ctx context.Context, opts Options) (err error) {
	m, err := New(opts)
	if err != nil {
		return err
	}
	popts := []tea.ProgramOption{tea.WithContext(ctx)}
	if opts.NoColor {
		popts = append(popts, tea.WithColorProfile(colorprofile.Ascii))
	}
	p := tea.NewProgram(m, popts...)
	defer func() {
		// Bubble Tea recovers panics in Update, View and commands and
		// restores the terminal itself; this catches anything else.
		if r := recover(); r != nil {
			p.Kill()
			err = fmt.Errorf("viewer: %v", r)
		}
	}()
	_, err = p.Run()
	if err != nil && ctx.Err() != nil && errors.Is(err, tea.ErrProgramKilled) && !errors.Is(err, tea.ErrProgramPanic) {
		return ctx.Err()
	}
	if err != nil {
		return fmt.Errorf("viewer: %w", err)
	}
	return nil
}
