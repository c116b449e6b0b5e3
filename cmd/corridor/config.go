package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"corridor/tui"
	"corridor/tui/components/keymap"
	"corridor/tui/styles"
)

// config is what the user's config file chose; nil and empty fields were
// not set, and the built-in defaults (or the command line) apply.
type config struct {
	Theme       *string
	Tab         *string
	Tabs        []string
	Rotate      *time.Duration
	Color       *string
	ASCII       *bool
	SnapshotDir *string
	// Keys rebinds actions by "section.action" (see tui.KeyActions).
	Keys map[string][]string
}

// configError is a problem in the config file, located so it can be
// fixed: file, line and the key that is wrong.
type configError struct {
	File string
	Line int
	Key  string
	Msg  string
}

func (e configError) Error() string {
	at := e.File
	if e.Line > 0 {
		at += ":" + strconv.Itoa(e.Line)
	}
	if e.Key != "" {
		return fmt.Sprintf("%s: %s: %s", at, e.Key, e.Msg)
	}
	return fmt.Sprintf("%s: %s", at, e.Msg)
}

// configPath is where the config file is looked for:
// $XDG_CONFIG_HOME/corridor/config.toml, else
// $HOME/.config/corridor/config.toml; "" when neither is set.
func configPath(env []string) string {
	get := func(k string) string {
		for _, e := range env {
			if v, ok := strings.CutPrefix(e, k+"="); ok {
				return v
			}
		}
		return ""
	}
	if x := get("XDG_CONFIG_HOME"); x != "" {
		return filepath.Join(x, "corridor", "config.toml")
	}
	if h := get("HOME"); h != "" {
		return filepath.Join(h, ".config", "corridor", "config.toml")
	}
	return ""
}

// loadConfig reads and checks the config file at path. A missing file is
// no error: the defaults apply.
func loadConfig(path string) (config, error) {
	if path == "" {
		return config{}, nil
	}
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return config{}, nil
	}
	if err != nil {
		return config{}, configError{File: path, Msg: err.Error()}
	}
	return parseConfig(path, string(b))
}

// The settings as the file spells them. Values with rules are types
// whose UnmarshalText checks them, so the TOML decoder reports a bad one
// with its line and key.
type fileConfig struct {
	Theme       *themeName                     `toml:"theme"`
	Tab         *tabName                       `toml:"tab"`
	Tabs        []tabName                      `toml:"tabs"`
	Rotate      *rotation                      `toml:"rotate"`
	Color       *colorMode                     `toml:"color"`
	ASCII       *bool                          `toml:"ascii"`
	SnapshotDir *string                        `toml:"snapshot_dir"`
	Keys        map[string]map[string][]keyArg `toml:"keys"`
}

type (
	themeName string
	tabName   string
	colorMode string
	keyArg    string
	rotation  time.Duration
)

func (t *themeName) UnmarshalText(b []byte) error {
	if !slices.Contains(styles.Themes(), string(b)) {
		return fmt.Errorf("unknown theme %q; want one of %s", b, strings.Join(styles.Themes(), ", "))
	}
	*t = themeName(b)
	return nil
}

func (t *tabName) UnmarshalText(b []byte) error {
	if tui.DefaultRegistry().Index(string(b)) < 0 {
		return fmt.Errorf("unknown tab %q; want one of %s", b, strings.Join(tui.TabNames(), ", "))
	}
	*t = tabName(strings.ToLower(strings.TrimSpace(string(b))))
	return nil
}

func (c *colorMode) UnmarshalText(b []byte) error {
	if !slices.Contains([]string{"auto", "always", "never"}, string(b)) {
		return fmt.Errorf("%q: want auto, always or never", b)
	}
	*c = colorMode(b)
	return nil
}

func (k *keyArg) UnmarshalText(b []byte) error {
	if !keymap.Valid(string(b)) {
		return fmt.Errorf("%q is not a key name (one character, or up, down, pgdown, enter, esc, space, f1… after any ctrl+, alt+, shift+)", b)
	}
	*k = keyArg(b)
	return nil
}

func (r *rotation) UnmarshalText(b []byte) error {
	d, err := time.ParseDuration(string(b))
	if err != nil || d < time.Second {
		return fmt.Errorf("%q: want a duration of at least 1s, such as \"20s\" or \"1m\"", b)
	}
	*r = rotation(d)
	return nil
}

// decodeErr is how the TOML decoder words errors it does not return as
// a toml.ParseError (a value of the wrong type).
var decodeErr = regexp.MustCompile(`^toml: line (\d+) \(last key "([^"]*)"\): (.*)$`)

// parseConfig reads a config file's text; path names it in errors.
func parseConfig(path, text string) (config, error) {
	var f fileConfig
	md, err := toml.Decode(text, &f)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return config{}, configError{File: path, Line: pe.Position.Line, Key: pe.LastKey, Msg: pe.Message}
		}
		if m := decodeErr.FindStringSubmatch(err.Error()); m != nil {
			line, _ := strconv.Atoi(m[1])
			return config{}, configError{File: path, Line: line, Key: m[2], Msg: m[3]}
		}
		return config{}, configError{File: path, Msg: err.Error()}
	}
	var problems []error
	for _, k := range md.Undecoded() {
		problems = append(problems, configError{File: path, Line: lineOf(text, k), Key: k.String(), Msg: "no such setting (corridor config --default lists them)"})
	}
	c := config{Tabs: nil, Keys: map[string][]string{}}
	if f.Theme != nil {
		c.Theme = ptr(string(*f.Theme))
	}
	if f.Tab != nil {
		c.Tab = ptr(string(*f.Tab))
	}
	for _, t := range f.Tabs {
		c.Tabs = append(c.Tabs, string(t))
	}
	if f.Rotate != nil {
		c.Rotate = ptr(time.Duration(*f.Rotate))
	}
	if f.Color != nil {
		c.Color = ptr(string(*f.Color))
	}
	c.ASCII, c.SnapshotDir = f.ASCII, f.SnapshotDir
	known := map[string]bool{}
	for _, a := range tui.KeyActions() {
		known[a.Name] = true
	}
	for section, actions := range f.Keys {
		for action, keys := range actions {
			name := section + "." + action
			at := configError{File: path, Line: lineOf(text, toml.Key{"keys", section, action}), Key: "keys." + name}
			switch {
			case !known[name]:
				at.Msg = "no such action (corridor config --default lists them)"
				problems = append(problems, at)
			case len(keys) == 0:
				at.Msg = "an action needs at least one key"
				problems = append(problems, at)
			default:
				for _, k := range keys {
					c.Keys[name] = append(c.Keys[name], string(k))
				}
			}
		}
	}
	if len(problems) > 0 {
		slices.SortStableFunc(problems, func(a, b error) int { return a.(configError).Line - b.(configError).Line })
		return config{}, errors.Join(problems...)
	}
	return c, nil
}

func ptr[T any](v T) *T { return &v }

// lineOf finds the line where key is set in a TOML text: the line of its
// last part under the table its other parts name. 0 when not found.
func lineOf(text string, key toml.Key) int {
	table := ""
	want := strings.Join(key[:len(key)-1], ".")
	last := key[len(key)-1]
	for i, l := range strings.Split(text, "\n") {
		l = strings.TrimSpace(l)
		if strings.HasPrefix(l, "[") {
			table = strings.Trim(strings.TrimSpace(strings.Trim(l, "[]")), " ")
			table = strings.ReplaceAll(table, " ", "")
			if table == strings.Join(key, ".") {
				return i + 1 // a table that should not be there
			}
			continue
		}
		name, _, ok := strings.Cut(l, "=")
		if !ok || strings.HasPrefix(l, "#") {
			continue
		}
		name = strings.Trim(strings.TrimSpace(name), `"'`)
		if table == want && name == last || table == "" && name == key.String() {
			return i + 1
		}
	}
	return 0
}

// apply puts the config's choices into the look flags the command line
// left unset (set holds the flags given).
func (c config) apply(look *lookFlags, set map[string]bool) {
	if c.Theme != nil && !set["theme"] {
		look.theme = *c.Theme
	}
	if c.Tab != nil && !set["tab"] {
		look.tab = *c.Tab
	}
	if len(c.Tabs) > 0 && !set["tabs"] {
		look.tabs = strings.Join(c.Tabs, ",")
	}
	if c.Rotate != nil && !set["rotate"] {
		look.rotate = *c.Rotate
	}
	if c.ASCII != nil && !set["ascii"] {
		look.ascii = *c.ASCII
	}
}

// keyOptions rebinds keys as the config says.
func (c config) keyOptions() []tui.Option {
	if len(c.Keys) == 0 {
		return nil
	}
	return []tui.Option{tui.WithKeyBindings(c.Keys)}
}

// defaultConfig is a config file that changes nothing: every setting and
// key binding at its default, commented out, with what it does.
func defaultConfig() string {
	var b strings.Builder
	fmt.Fprintf(&b, `# corridor configuration: $XDG_CONFIG_HOME/corridor/config.toml
# (or ~/.config/corridor/config.toml, or the file --config names).
# Everything here is the default, commented out: remove a # to change a
# setting. Flags given on the command line win over this file. A file
# with an error is reported (file, line, key) and ignored: corridor then
# starts with its defaults. Over SSH the server's file applies to every
# session.

# Look: auto follows the terminal's background; dark, light, high-contrast.
# theme = "auto"

# The tab shown first, and the tabs shown, in order.
# tab = "%s"
# tabs = [%s]

# Briefing mode (--present): how long each tab stays up.
# rotate = "%s"

# Colour: auto, always or never (a set NO_COLOR also means never).
# color = "auto"

# Draw every box, rule, bar and chart with plain ASCII.
# ascii = false

# Where ctrl+s saves frames ("" is the directory corridor started in).
# snapshot_dir = ""

# Key bindings. Each action takes a list of keys, replacing its defaults:
# one character, or a key name (up, down, left, right, home, end, pgup,
# pgdown, tab, enter, esc, space, backspace, delete, f1…f12), after any
# ctrl+, alt+ or shift+. Help shows the keys as bound here.
`, tui.TabNames()[0], quoteList(tui.TabNames()), tui.DefaultRotate)
	section := ""
	for _, a := range tui.KeyActions() {
		sec, action, _ := strings.Cut(a.Name, ".")
		if sec != section {
			section = sec
			fmt.Fprintf(&b, "\n# [keys.%s]\n", sec)
		}
		line := fmt.Sprintf("# %s = [%s]", action, quoteList(a.Keys))
		fmt.Fprintf(&b, "%-40s # %s\n", line, a.Help)
	}
	return b.String()
}

func quoteList(items []string) string {
	q := make([]string, len(items))
	for i, s := range items {
		q[i] = strconv.Quote(s)
	}
	return strings.Join(q, ", ")
}

// configCmd prints the default config, where the config is looked for,
// or checks the config file.
func configCmd(args []string, stdout, stderr io.Writer, env []string) int {
	fs := flag.NewFlagSet("corridor config", flag.ContinueOnError)
	def := fs.Bool("default", false, "print a config file with every setting at its default, commented")
	showPath := fs.Bool("path", false, "print where the config file is looked for")
	path := fs.String("config", "", "the config `file` (default $XDG_CONFIG_HOME/corridor/config.toml)")
	if code, done := parseFlags(fs, args, false, "Usage: corridor config [--default | --path] [--config FILE]\n\nWithout flags, check the config file and report the first problems.", stdout, stderr); done {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "corridor config: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	p := *path
	if p == "" {
		p = configPath(env)
	}
	switch {
	case *def:
		fmt.Fprint(stdout, defaultConfig())
		return 0
	case *showPath:
		fmt.Fprintln(stdout, p)
		return 0
	}
	if _, err := os.Stat(p); err != nil {
		fmt.Fprintf(stdout, "no config file at %s: the defaults apply\n", p)
		return 0
	}
	if _, err := loadConfig(p); err != nil {
		fmt.Fprintln(stderr, "corridor config:", err)
		return 1
	}
	fmt.Fprintf(stdout, "%s: ok\n", p)
	return 0
}
