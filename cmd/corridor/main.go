// Command corridor is a terminal dashboard of throughput and cooperation
// on the Middle Corridor (Trans-Caspian International Transport Route),
// drawn from a bundled, sourced dataset.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"corridor/data"
	"corridor/model"
	"corridor/tui"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr, os.Environ()))
}

// options are the parsed command line.
type options struct {
	look        lookFlags
	data        dataFlags
	color       string
	snapshotDir string
	config      string
	// set names the flags given on the command line: they win over the
	// config file.
	set map[string]bool
}

func usage(w io.Writer, fs *flag.FlagSet) {
	reg := tui.DefaultRegistry()
	fmt.Fprintf(w, `corridor — Middle Corridor throughput and cooperation dashboard

Usage:
  corridor [flags]
  corridor snapshot --tab %s [--width 120 --height 40] [--format text|ansi|svg|html] [--color never|always]
  corridor export --format csv|json|markdown [--view %s]
  corridor export --format datapackage DIR
`, strings.Join(reg.Names(), "|"), strings.Join(exportViews(), "|"))
	fmt.Fprintf(w, `  corridor serve [--listen 127.0.0.1:23234] [--authorized-keys FILE | --allow-anonymous]
  corridor validate [DIR] [--merge] [--strict]
  corridor init-data DIR
  corridor cite ID [--format text|markdown|bibtex]
  corridor diff OLD NEW [--format text|markdown|json]
  corridor config [--default | --path] [--config FILE]

Each subcommand has its own --help.

Flags:
`)
	fs.SetOutput(w)
	fs.PrintDefaults()
	fmt.Fprintf(w, `
Tabs: %s (keys 1-%d; tab/shift+tab cycle).
Keys: j/k move, / filter, enter/s sources, ctrl+s snapshot, f freeze,
p resume rotation (--present), ? help, q quit.
Colour follows the terminal; NO_COLOR (any value) turns it off.
`, strings.Join(reg.Names(), ", "), len(reg))
}

func parse(args []string, stdout io.Writer) (options, error) {
	var o options
	fs := flag.NewFlagSet("corridor", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	o.look.register(fs, true)
	o.data.register(fs)
	fs.StringVar(&o.color, "color", "auto", "colour: `auto`, always or never")
	fs.StringVar(&o.snapshotDir, "snapshot-dir", "", "where ctrl+s saves frames (default: the current directory)")
	fs.StringVar(&o.config, "config", "", "config `file` (default $XDG_CONFIG_HOME/corridor/config.toml; see corridor config --default)")
	showVersion := fs.Bool("version", false, "print the version and exit")
	fs.Usage = func() {}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			usage(stdout, fs)
			return o, err
		}
		return o, fmt.Errorf("%v (see corridor --help)", err)
	}
	if *showVersion {
		return o, errVersion
	}
	if fs.NArg() > 0 {
		return o, fmt.Errorf("unexpected argument %q (see corridor --help)", fs.Arg(0))
	}
	o.set = map[string]bool{}
	fs.Visit(func(f *flag.Flag) { o.set[f.Name] = true })
	if err := o.look.check(); err != nil {
		return o, err
	}
	if err := o.data.check(); err != nil {
		return o, err
	}
	if !slices.Contains([]string{"auto", "always", "never"}, o.color) {
		return o, fmt.Errorf("--color %q: want auto, always or never", o.color)
	}
	return o, nil
}

var errVersion = errors.New("version")

// withConfig reads the config file into o where the command line left a
// setting unset and returns the dashboard's options. A bad file is
// reported on stderr and in the dashboard's status bar, and ignored:
// the dashboard starts with its defaults.
func (o *options) withConfig(env []string, stderr io.Writer) []tui.Option {
	path := o.config
	if path == "" {
		path = configPath(env)
	}
	cfg, err := loadConfig(path)
	var warn []tui.Option
	if err != nil {
		first, more := err.Error(), 0
		if lines := strings.Split(first, "\n"); len(lines) > 1 {
			first, more = lines[0], len(lines)-1
		}
		fmt.Fprintf(stderr, "corridor: config %v\ncorridor: starting with the defaults\n", err)
		text := "config " + first
		if more > 0 {
			text += fmt.Sprintf(" (and %d more)", more)
		}
		warn = append(warn, tui.WithWarning(text+"; started with the defaults"))
		cfg = config{}
	}
	cfg.apply(&o.look, o.set)
	if cfg.Color != nil && !o.set["color"] {
		o.color = *cfg.Color
	}
	if cfg.SnapshotDir != nil && !o.set["snapshot-dir"] {
		o.snapshotDir = *cfg.SnapshotDir
	}
	opts := append(o.look.options(), tui.WithSnapshotDir(o.snapshotDir))
	opts = append(opts, cfg.keyOptions()...)
	return append(opts, warn...)
}

// profile decides the colour profile. Any non-empty NO_COLOR wins over
// auto, as no-color.org asks (colorprofile only honours true-ish values).
func profile(mode string, env []string) (colorprofile.Profile, bool) {
	noColor := false
	for _, e := range env {
		if v, ok := strings.CutPrefix(e, "NO_COLOR="); ok && v != "" {
			noColor = true
		}
	}
	switch {
	case mode == "never" || (mode == "auto" && noColor):
		return colorprofile.ASCII, true
	case mode == "always":
		if p := colorprofile.Env(env); p > colorprofile.ASCII {
			return p, true
		}
		return colorprofile.ANSI256, true
	}
	return 0, false
}

func run(args []string, stdout, stderr io.Writer, env []string) int {
	if len(args) > 0 {
		switch args[0] {
		case "snapshot":
			return snapshot(args[1:], stdout, stderr)
		case "serve":
			return serveCmd(args[1:], stdout, stderr, env)
		case "export":
			return exportCmd(args[1:], stdout, stderr)
		case "validate":
			return validateCmd(args[1:], stdout, stderr)
		case "init-data":
			return initDataCmd(args[1:], stdout, stderr)
		case "cite":
			return citeCmd(args[1:], stdout, stderr)
		case "diff":
			return diffCmd(args[1:], stdout, stderr)
		case "config":
			return configCmd(args[1:], stdout, stderr, env)
		}
	}
	o, err := parse(args, stdout)
	switch {
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errVersion):
		fmt.Fprintln(stdout, "corridor", version)
		return 0
	case err != nil:
		fmt.Fprintln(stderr, "corridor:", err)
		return 2
	}
	origin := o.data.origin()
	// The app's load is the watcher's baseline: a second load would hold
	// a second copy of the data for as long as the program runs.
	first := make(chan data.Baseline, 1)
	load := func() (*model.Dataset, error) {
		b, err := origin.LoadBaseline()
		select {
		case first <- b:
		default:
		}
		return b.Data, err
	}
	appOpts := o.withConfig(env, stderr)
	app := tui.New(append([]tui.Option{
		tui.WithLoader(load),
		tui.WithOrigin(origin.Label(), origin.Dir != ""),
		tui.WithProgramVersion(version),
	}, appOpts...)...)
	opts := []tea.ProgramOption{tea.WithEnvironment(env)}
	if p, ok := profile(o.color, env); ok {
		opts = append(opts, tea.WithColorProfile(p))
	}
	prog := tea.NewProgram(app, opts...)
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	// Edits to --data files reach the dashboard as messages; the watcher
	// never touches the App itself.
	go func() {
		var base data.Baseline
		select {
		case base = <-first:
		case <-ctx.Done():
			return
		}
		_ = data.Watch(ctx, origin, base, func(u data.Update) {
			prog.Send(tui.DataMsg{Data: u.Data, Err: u.Err, At: u.At, Changes: u.Changes, Report: u.Report})
		})
	}()
	if _, err := prog.Run(); err != nil {
		fmt.Fprintln(stderr, "corridor:", err)
		return 1
	}
	if err := app.Err(); err != nil {
		fmt.Fprintln(stderr, "corridor: could not load data:")
		fmt.Fprintln(stderr, err)
		return 1
	}
	return 0
}
