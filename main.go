// Command peacecmp reads peace proposals side by side in the terminal: it
// loads the embedded library of plans (plus the user's own), opens two of
// them with an agreement tag on every point, and exports the comparison.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"syscall"

	"charm.land/fang/v2"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"
)

// Exit codes.
const (
	exitOK      = 0
	exitInvalid = 1 // invalid data or a refused action
	exitMisuse  = 2 // a wrong flag, argument or id
)

// exitError carries an exit code. A silent one has already said what went
// wrong (for example, by listing every problem in a file).
type exitError struct {
	code   int
	err    error
	silent bool
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit status %d", e.code)
	}
	return e.err.Error()
}
func (e *exitError) Unwrap() error { return e.err }

func failed(err error) error  { return &exitError{code: exitInvalid, err: err} }
func misused(err error) error { return &exitError{code: exitMisuse, err: err} }

// env is what the commands need from the outside world, so tests can run
// them without a terminal.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	isTerminal     bool // both standard input and output are terminals
	getenv         func(string) string
	workDir        string
}

func main() {
	wd, _ := os.Getwd()
	e := env{
		stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr,
		isTerminal: term.IsTerminal(os.Stdin.Fd()) && term.IsTerminal(os.Stdout.Fd()),
		getenv:     os.Getenv,
		workDir:    wd,
	}
	os.Exit(run(context.Background(), e, os.Args[1:]))
}

// run executes the command line and returns the exit code.
func run(ctx context.Context, e env, args []string) int {
	root := newRootCommand(e)
	root.SetArgs(args)
	root.SetIn(e.stdin)
	root.SetOut(e.stdout)
	root.SetErr(e.stderr)
	err := fang.Execute(ctx, root,
		fang.WithNotifySignal(os.Interrupt, syscall.SIGTERM),
		fang.WithErrorHandler(printError),
	)
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	if errors.Is(err, context.Canceled) {
		return exitInvalid
	}
	return exitMisuse // cobra's own errors: unknown flags, commands and arguments
}

// printError writes an error as one plain line, exactly as worded: fang's
// default handler boxes errors and capitalises words, which garbles paths
// and ids. Misuse adds a pointer to --help.
func printError(w io.Writer, _ fang.Styles, err error) {
	var ee *exitError
	if errors.As(err, &ee) && ee.silent || errors.Is(err, context.Canceled) {
		return // already said, or stopped by a signal: nothing to add
	}
	fmt.Fprintf(w, "peacecmp: %v\n", err)
	if ee == nil || ee.code == exitMisuse {
		fmt.Fprintln(w, "Run 'peacecmp --help' for usage.")
	}
}

// withUsage wraps cobra's argument validators so their errors exit 2.
func withUsage(v cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := v(cmd, args); err != nil {
			return misused(err)
		}
		return nil
	}
}
