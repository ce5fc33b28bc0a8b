package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"

	"peacecmp/data"
	"peacecmp/internal/safefile"
	"peacecmp/model"
	"peacecmp/tui"
)

// Default pair opened when no --left or --right is given.
const (
	defaultLeft  = "zelensky-2022"
	defaultRight = "china-2023"
)

// options holds the flags shared by the viewer and the export.
type options struct {
	dataDirs []string
	left     string
	right    string
	themes   []string
	tags     []string
	ascii    bool
}

func newRootCommand(e env) *cobra.Command {
	o := &options{}
	root := &cobra.Command{
		Use:   "peacecmp",
		Short: "Read peace proposals for the Russia–Ukraine war side by side",
		Long: `peacecmp shows two peace proposals side by side with an agreement tag on
every point (agree, partial, conflict, none), and exports the comparison.
The default pair is Ukraine's Peace Formula (2022) and China's position
paper (2023). When standard input or output is not a terminal, peacecmp
prints the text export instead of starting the viewer.`,
		Example: `  peacecmp
  peacecmp --theme nuclear-safety
  peacecmp --left zelensky-2022 --right china-2023 | less
  peacecmp export --format markdown -o comparison.md
  peacecmp check my-plan.yaml`,
		Args: withUsage(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			lib, err := loadLibrary(e, o.dataDirs)
			if err != nil {
				return err
			}
			pairing, filter, err := o.pairing(lib, false)
			if err != nil {
				return err
			}
			if !e.isTerminal {
				return writeReport(e, lib, pairing, filter, model.FormatText, "", false)
			}
			return tui.Run(cmd.Context(), tui.Options{
				Library: lib, Left: pairing.Left.ID, Right: pairing.Right.ID,
				Themes: filter.Themes, ASCII: o.ascii, NoColor: e.getenv("NO_COLOR") != "",
				Dir: e.workDir,
			})
		},
	}
	pf := root.PersistentFlags()
	pf.StringArrayVar(&o.dataDirs, "data", nil, "add a directory or file of YAML plans, comparisons and themes (repeatable)")
	root.Flags().StringVar(&o.left, "left", "", "plan id for the left pane (default "+defaultLeft+")")
	root.Flags().StringVar(&o.right, "right", "", "plan id for the right pane (default "+defaultRight+")")
	root.Flags().StringSliceVar(&o.themes, "theme", nil, "start filtered to a theme id (repeatable)")
	root.Flags().BoolVar(&o.ascii, "ascii", false, "ASCII borders and tag symbols")
	registerPlanFlagCompletions(e, root, o)

	root.AddCommand(newExportCommand(e, o), newListCommand(e, o), newCheckCommand(e, o), newMatrixCommand(e, o), newSchemaCommand(e))
	return root
}

// loadLibrary loads the embedded library, then the user's data folder,
// then each --data path, with the parse cache. Problems are printed to
// standard error; any error among them stops the command with exit code 1.
func loadLibrary(e env, dataDirs []string) (*model.Library, error) {
	lib, problems := loadLayers(e, dataDirs, data.Options{CacheDir: userCacheDir(e)}, e.stderr)
	if errs := problems.Errors(); len(errs) > 0 {
		fmt.Fprintf(e.stderr, "peacecmp: %d problem(s) in the data; nothing was opened\n", len(errs))
		return nil, &exitError{code: exitInvalid, silent: true}
	}
	return lib, nil
}

// loadLayers loads the embedded library, the user's data folder, each
// --data path and then the extra layers, prints every problem to report,
// and returns the library (nil when any problem is an error) with them.
func loadLayers(e env, dataDirs []string, opts data.Options, report io.Writer, extra ...data.Layer) (*model.Library, data.Problems) {
	layers := []data.Layer{data.EmbeddedLayer()}
	var problems data.Problems
	if dir := userDataDir(e); dir != "" {
		if info, err := os.Stat(dir); err == nil && info.IsDir() {
			l, ps := data.DiskLayer(dir, dir)
			layers = append(layers, l)
			problems = append(problems, ps...)
		}
	}
	for _, d := range dataDirs {
		l, ps := data.DiskLayer(d, d)
		layers = append(layers, l)
		problems = append(problems, ps...)
	}
	layers = append(layers, extra...)
	lib, ps := data.LoadWith(opts, layers...)
	problems = append(problems, ps...)
	if len(problems) > 0 {
		fmt.Fprintln(report, problems.Error())
	}
	if len(problems.Errors()) > 0 {
		return nil, problems
	}
	return lib, problems
}

// userCacheDir returns $XDG_CACHE_HOME/peacecmp, or ~/.cache/peacecmp.
func userCacheDir(e env) string {
	if x := e.getenv("XDG_CACHE_HOME"); x != "" && filepath.IsAbs(x) {
		return filepath.Join(x, "peacecmp")
	}
	if home := e.getenv("HOME"); home != "" {
		return filepath.Join(home, ".cache", "peacecmp")
	}
	return ""
}

// userDataDir returns $XDG_DATA_HOME/peacecmp, or ~/.local/share/peacecmp.
func userDataDir(e env) string {
	if x := e.getenv("XDG_DATA_HOME"); x != "" && filepath.IsAbs(x) {
		return filepath.Join(x, "peacecmp")
	}
	if home := e.getenv("HOME"); home != "" {
		return filepath.Join(home, ".local", "share", "peacecmp")
	}
	return ""
}

// pairing opens the chosen pair and builds the filter from the flags.
func (o *options) pairing(lib *model.Library, withTags bool) (*model.Pairing, model.Filter, error) {
	left, right := o.left, o.right
	if left == "" {
		left = defaultLeft
	}
	if right == "" {
		right = defaultRight
		if left == defaultRight {
			right = defaultLeft
		}
	}
	p, err := lib.Pair(left, right)
	if err != nil {
		return nil, model.Filter{}, misused(err)
	}
	f := model.Filter{}
	for _, t := range o.themes {
		if _, ok := lib.Theme(t); !ok {
			return nil, f, misused(fmt.Errorf("unknown theme %q (known: %s)", t, strings.Join(lib.ThemeIDs(), ", ")))
		}
		f.Themes = append(f.Themes, t)
	}
	if withTags {
		for _, w := range o.tags {
			t, err := model.ParseTag(w, true)
			if err != nil {
				return nil, f, misused(err)
			}
			f.Tags = append(f.Tags, t)
		}
	}
	return p, f, nil
}

// writeReport writes the report to standard output, or to path when set.
func writeReport(e env, lib *model.Library, p *model.Pairing, f model.Filter, format model.Format, path string, force bool) error {
	r := model.NewReport(p, f)
	if path == "" {
		if err := r.Write(e.stdout, format, lib.ThemeName); err != nil {
			return failed(fmt.Errorf("cannot write the export: %w", err))
		}
		return nil
	}
	var buf bytes.Buffer
	if err := r.Write(&buf, format, lib.ThemeName); err != nil {
		return failed(err)
	}
	if !filepath.IsAbs(path) {
		path = filepath.Join(e.workDir, path)
	}
	if err := safefile.Write(path, buf.Bytes(), force); err != nil {
		if errors.Is(err, safefile.ErrExists) {
			return failed(fmt.Errorf("refusing to overwrite %s; add --force to replace it", path))
		}
		return failed(err)
	}
	fmt.Fprintf(e.stderr, "wrote %s (%d bytes)\n", path, buf.Len())
	return nil
}

func newExportCommand(e env, root *options) *cobra.Command {
	o := &options{}
	var format, out string
	var force bool
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write the comparison of two plans as text, Markdown or JSON",
		Long: `Write the comparison of two plans: both plans with date and sources, the
filters, the tag counts, every point of the left plan with its tag,
counterparts and notes, then the right plan's points not linked to them.
Without -o the export goes to standard output. An existing file is never
replaced without --force.`,
		Example: `  peacecmp export
  peacecmp export --theme nuclear-safety --tag conflict
  peacecmp export --format json -o comparison.json`,
		Args: withUsage(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			f, err := model.ParseFormat(format)
			if err != nil {
				return misused(err)
			}
			lib, err := loadLibrary(e, root.dataDirs)
			if err != nil {
				return err
			}
			p, filter, err := o.pairing(lib, true)
			if err != nil {
				return err
			}
			return writeReport(e, lib, p, filter, f, out, force)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&o.left, "left", "", "plan id for the left side (default "+defaultLeft+")")
	fl.StringVar(&o.right, "right", "", "plan id for the right side (default "+defaultRight+")")
	fl.StringSliceVar(&o.themes, "theme", nil, "only points on this theme id (repeatable)")
	fl.StringSliceVar(&o.tags, "tag", nil, "only points with this tag: agree, partial, conflict, none, related (repeatable)")
	fl.StringVarP(&format, "format", "f", "text", "text, markdown or json")
	fl.StringVarP(&out, "output", "o", "", "write to this file instead of standard output")
	fl.BoolVar(&force, "force", false, "replace the output file if it exists")
	registerPlanFlagCompletions(e, cmd, root)
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"text", "markdown", "json"}, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("tag", cobra.FixedCompletions([]string{"agree", "partial", "conflict", "none", "related"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func newListCommand(e env, root *options) *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "List the plans, comparisons and themes available, with counts",
		Args:  withUsage(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			lib, err := loadLibrary(e, root.dataDirs)
			if err != nil {
				return err
			}
			return writeList(e, lib)
		},
	}
}

func writeList(e env, lib *model.Library) error {
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "PLANS (%d)\n", len(lib.Plans))
	fmt.Fprintln(tw, "ID\tDATE\tSTATUS\tPOINTS\tPROPOSER\tFROM")
	for _, p := range lib.Plans {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\t%s\n", p.ID, p.Date, p.Status, len(p.Points), truncate(model.CleanLine(p.Proposer), 48), model.CleanLine(p.Origin))
	}
	fmt.Fprintf(tw, "\nCOMPARISONS (%d)\n", len(lib.Comparisons))
	fmt.Fprintln(tw, "LEFT\tRIGHT\tLINKS\tDATE\tFROM")
	for _, c := range lib.Comparisons {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\n", c.Left, c.Right, len(c.Links), c.Date, model.CleanLine(c.Origin))
	}
	fmt.Fprintf(tw, "\nTHEMES (%d)\n", len(lib.Themes))
	fmt.Fprintln(tw, "ID\tPOINTS\tNAME")
	m := lib.Matrix()
	for i, t := range lib.Themes {
		n := 0
		for _, c := range m.Counts[i] {
			n += c
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\n", t.ID, n, model.CleanLine(t.Name))
	}
	if err := tw.Flush(); err != nil {
		return failed(err)
	}
	return nil
}

// truncate cuts s to n cells, with an ellipsis when it was longer.
func truncate(s string, n int) string { return ansi.Truncate(s, n, "…") }

func newCheckCommand(e env, root *options) *cobra.Command {
	return &cobra.Command{
		Use:   "check [PATH...]",
		Short: "Validate YAML files or directories and print every problem",
		Long: `Validate plan, comparison and theme files. Each PATH is a file or a
directory read recursively for *.yaml and *.yml; the files are checked
together with the embedded library and your data folder, so a comparison
against an embedded plan resolves. Every problem is printed as
file:line:column: message. Exit status 1 when there is any.
Without a PATH, the whole library is checked.`,
		Example: `  peacecmp check my-plan.yaml
  peacecmp check ./plans`,
		RunE: func(cmd *cobra.Command, args []string) error {
			var extra []data.Layer
			var pathProblems data.Problems
			if len(args) > 0 {
				l, ps := data.DiskLayer("check", args...)
				extra = append(extra, l)
				pathProblems = ps
				for _, a := range args { // a path that holds no YAML checks nothing: say so
					if one, ps := data.DiskLayer("check", a); one.Len() == 0 && len(ps) == 0 {
						pathProblems = append(pathProblems, data.Problem{File: a, Line: 1, Column: 1, Message: "no *.yaml or *.yml file here"})
					}
				}
				if len(pathProblems) > 0 {
					fmt.Fprintln(e.stdout, pathProblems.Error())
				}
			}
			// check parses every file afresh, without the parse cache, and
			// reports on standard output.
			lib, problems := loadLayers(e, root.dataDirs, data.Options{}, e.stdout, extra...)
			errs := len(problems.Errors()) + len(pathProblems)
			if errs > 0 {
				fmt.Fprintf(e.stdout, "%d error(s), %d warning(s)\n", errs, len(problems.Warnings()))
				return &exitError{code: exitInvalid, silent: true}
			}
			fmt.Fprintf(e.stdout, "ok: %d plans, %d comparisons, %d themes", len(lib.Plans), len(lib.Comparisons), len(lib.Themes))
			if w := len(problems.Warnings()); w > 0 {
				fmt.Fprintf(e.stdout, "; %d warning(s)", w)
			}
			fmt.Fprintln(e.stdout)
			return nil
		},
	}
}

func newMatrixCommand(e env, root *options) *cobra.Command {
	var format string
	var width int
	cmd := &cobra.Command{
		Use:   "matrix",
		Short: "Show how many points each plan has on each theme",
		Args:  withUsage(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			f, err := model.ParseFormat(format)
			if err != nil {
				return misused(err)
			}
			lib, err := loadLibrary(e, root.dataDirs)
			if err != nil {
				return err
			}
			m := lib.Matrix()
			switch f {
			case model.FormatText:
				if min := m.MinWidth(); width < min {
					return misused(fmt.Errorf("--width %d is too narrow for %d plans: the table needs at least %d columns", width, len(m.Plans), min))
				}
				err = m.WriteText(e.stdout, width)
			case model.FormatMarkdown:
				err = m.WriteMarkdown(e.stdout)
			case model.FormatJSON:
				err = m.WriteJSON(e.stdout)
			}
			if err != nil {
				return failed(err)
			}
			return nil
		},
	}
	cmd.Flags().StringVarP(&format, "format", "f", "text", "text, markdown or json")
	cmd.Flags().IntVarP(&width, "width", "w", 80, "width of the text table in columns")
	return cmd
}

// registerPlanFlagCompletions completes plan ids for --left and --right
// and theme ids for --theme.
func registerPlanFlagCompletions(e env, cmd *cobra.Command, o *options) {
	ids := func(themes bool) cobra.CompletionFunc {
		return func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
			quiet := e
			quiet.stderr = io.Discard
			lib, err := loadLibrary(quiet, o.dataDirs)
			if err != nil {
				return nil, cobra.ShellCompDirectiveError
			}
			var out []cobra.Completion
			if themes {
				for _, t := range lib.Themes {
					out = append(out, cobra.CompletionWithDesc(t.ID, model.CleanLine(t.Name)))
				}
			} else {
				for _, p := range lib.Plans {
					out = append(out, cobra.CompletionWithDesc(p.ID, model.CleanLine(p.Title)))
				}
			}
			return out, cobra.ShellCompDirectiveNoFileComp
		}
	}
	_ = cmd.RegisterFlagCompletionFunc("left", ids(false))
	_ = cmd.RegisterFlagCompletionFunc("right", ids(false))
	_ = cmd.RegisterFlagCompletionFunc("theme", ids(true))
}

func newSchemaCommand(e env) *cobra.Command {
	return &cobra.Command{
		Use:   "schema",
		Short: "Print the JSON Schema of the file format (for editors)",
		Long: `Print the JSON Schema (draft 2020-12) of peacecmp's YAML files. Editors
with yaml-language-server validate and complete a file that starts with
  # yaml-language-server: $schema=PATH/TO/peacecmp.schema.json`,
		Example: `  peacecmp schema > peacecmp.schema.json`,
		Args:    withUsage(cobra.NoArgs),
		RunE: func(*cobra.Command, []string) error {
			if _, err := e.stdout.Write(data.Schema()); err != nil {
				return failed(err)
			}
			return nil
		},
	}
}
