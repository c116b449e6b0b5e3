package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"corridor/tui"
	"corridor/tui/styles"
)

// lookFlags are the flags that shape what the dashboard draws; corridor,
// serve and snapshot share them so a briefing looks the same everywhere.
type lookFlags struct {
	tab     string
	tabs    string
	theme   string
	ascii   bool
	present bool
	rotate  time.Duration
}

func (l *lookFlags) register(fs *flag.FlagSet, presenting bool) {
	fs.StringVar(&l.tab, "tab", "", "start on tab `NAME`: "+strings.Join(tui.TabNames(), ", "))
	fs.StringVar(&l.tabs, "tabs", "", "comma-separated `tabs` to show, in order (default all)")
	fs.StringVar(&l.theme, "theme", "auto", "theme: "+strings.Join(styles.Themes(), ", "))
	fs.BoolVar(&l.ascii, "ascii", false, "draw every box, rule, bar and chart with plain ASCII")
	if presenting {
		fs.BoolVar(&l.present, "present", false, "briefing mode: rotate tabs, hide key hints, large headline figures")
		fs.DurationVar(&l.rotate, "rotate", tui.DefaultRotate, "with --present, how long each tab stays up")
	}
}

func (l lookFlags) check() error {
	if l.tab != "" && !slices.Contains(tui.TabNames(), strings.ToLower(l.tab)) {
		return fmt.Errorf("unknown tab %q; want one of %s", l.tab, strings.Join(tui.TabNames(), ", "))
	}
	for _, t := range l.tabList() {
		if !slices.Contains(tui.TabNames(), strings.ToLower(t)) {
			return fmt.Errorf("--tabs: unknown tab %q; want names from %s", t, strings.Join(tui.TabNames(), ", "))
		}
	}
	if !slices.Contains(styles.Themes(), l.theme) {
		return fmt.Errorf("--theme %q: want one of %s", l.theme, strings.Join(styles.Themes(), ", "))
	}
	if l.present && l.rotate < time.Second {
		return fmt.Errorf("--rotate %v: want at least 1s", l.rotate)
	}
	return nil
}

func (l lookFlags) tabList() []string {
	var out []string
	for _, t := range strings.Split(l.tabs, ",") {
		if t = strings.TrimSpace(t); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// options turns the flags into tui options. --tab picks the first tab;
// without it the first of --tabs is.
func (l lookFlags) options() []tui.Option {
	opts := []tui.Option{tui.WithTheme(l.theme)}
	if tabs := l.tabList(); len(tabs) > 0 {
		opts = append(opts, tui.WithTabs(tabs))
		if l.tab == "" {
			opts = append(opts, tui.WithTab(tabs[0]))
		}
	}
	if l.tab != "" {
		opts = append(opts, tui.WithTab(l.tab))
	}
	if l.ascii {
		opts = append(opts, tui.WithASCII())
	}
	if l.present {
		opts = append(opts, tui.WithPresent(l.rotate))
	}
	return opts
}

// parseFlags parses a subcommand's flags. --help prints usage (a summary
// line and the flags) to stdout; a bad flag is reported on stderr with a
// pointer to --help. done is set when the caller should return code.
// interspersed lets flags follow positional arguments ("validate DIR
// --strict"), as people type them.
func parseFlags(fs *flag.FlagSet, args []string, interspersed bool, usage string, stdout, stderr io.Writer) (code int, done bool) {
	fs.SetOutput(io.Discard)
	parse := fs.Parse
	if interspersed {
		parse = func(args []string) error { return parseInterspersed(fs, args) }
	}
	err := parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(stdout, usage, "\n\nFlags:\n")
		fs.SetOutput(stdout)
		fs.PrintDefaults()
		return 0, true
	case err != nil:
		fmt.Fprintf(stderr, "%s: %v (see %s --help)\n", fs.Name(), err, fs.Name())
		return 2, true
	}
	return 0, false
}
