package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"corridor/data"
	"corridor/tui"
)

// The default config changes nothing as printed, and every setting in it
// uncommented reads back as the defaults.
func TestDefaultConfigReadsBackAsTheDefaults(t *testing.T) {
	def := defaultConfig()
	c, err := parseConfig("default.toml", def)
	if err != nil || c.Theme != nil || len(c.Keys) != 0 {
		t.Fatalf("the default config as printed: %+v, %v", c, err)
	}
	var on []string
	setting := regexp.MustCompile(`^# (\[keys\.[a-z]+\]|[a-z_0-9]+ = .*)$`)
	for _, l := range strings.Split(def, "\n") {
		if setting.MatchString(l) {
			l = strings.TrimPrefix(l, "# ")
		}
		on = append(on, l)
	}
	c, err = parseConfig("uncommented.toml", strings.Join(on, "\n"))
	if err != nil {
		t.Fatalf("every setting uncommented: %v", err)
	}
	if *c.Theme != "auto" || *c.Tab != "overview" || !slices.Equal(c.Tabs, tui.TabNames()) || *c.Rotate != tui.DefaultRotate || *c.Color != "auto" || *c.ASCII || *c.SnapshotDir != "" {
		t.Errorf("settings read back as %+v", c)
	}
	acts := tui.KeyActions()
	if len(c.Keys) != len(acts) {
		t.Fatalf("%d key bindings read back, want all %d", len(c.Keys), len(acts))
	}
	for _, a := range acts {
		if !slices.Equal(c.Keys[a.Name], a.Keys) {
			t.Errorf("%s read back as %v, want %v", a.Name, c.Keys[a.Name], a.Keys)
		}
	}
}

// A bad file is an error that names the file, the line and the key.
func TestBadConfigNamesFileLineAndKey(t *testing.T) {
	for _, c := range []struct {
		text, want string
	}{
		{"theme = \"dark\"\n\ntheme = \"purple\"", "bad.toml:3"}, // a key set twice
		{"# look\ntheme = \"purple\"", `bad.toml:2: theme: unknown theme "purple"`},
		{"tab = \"ports\"\ntabs = [\"ports\", \"gauges\"]", `bad.toml:2: tabs: unknown tab "gauges"`},
		{"rotate = \"2ms\"", `bad.toml:1: rotate: "2ms": want a duration of at least 1s`},
		{"theme = 3", "bad.toml:1: theme:"},
		{"colour = \"never\"", "bad.toml:1: colour: no such setting"},
		{"[keys.list]\ndown = [\"n\"]\ndwn = [\"j\"]", "bad.toml:3: keys.list.dwn: no such action"},
		{"[keys.list]\n\ndown = [\"pagedown\"]", `bad.toml:3: keys.list.down: "pagedown" is not a key name`},
		{"[keys.global]\nquit = []", "bad.toml:2: keys.global.quit: an action needs at least one key"},
		{"theme = \"dark", "bad.toml:1"},
	} {
		_, err := parseConfig("bad.toml", c.text)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: error %v, want it to say %q", c.text, err, c.want)
		}
	}
}

func writeConfig(t *testing.T, text string) []string {
	t.Helper()
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "corridor"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "corridor", "config.toml"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return []string{"XDG_CONFIG_HOME=" + dir, "HOME=/nonexistent"}
}

// frame draws the dashboard the way `corridor ARGS` would start, with the
// config in env.
func startFrame(t *testing.T, env []string, args ...string) (string, string) {
	t.Helper()
	o, err := parse(args, &bytes.Buffer{})
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	opts := o.withConfig(env, &stderr)
	ds, err := data.Load(data.Bundled())
	if err != nil {
		t.Fatal(err)
	}
	opts = append(opts, tui.WithNow(time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)))
	return ansi.Strip(tui.Frame(ds, "", 120, 40, opts...)), stderr.String()
}

// The config chooses the first tab, the tabs, and the keys (help
// follows); flags given on the command line win.
func TestConfigAppliesAndFlagsWin(t *testing.T) {
	env := writeConfig(t, "tab = \"energy\"\ntabs = [\"energy\", \"ports\"]\n\n[keys.global]\nquit = [\"x\"]\n")
	f, errs := startFrame(t, env)
	if errs != "" {
		t.Fatalf("stderr: %s", errs)
	}
	bar := strings.SplitN(f, "\n", 2)[0]
	if !strings.Contains(bar, "1 Energy") || !strings.Contains(bar, "2 Ports") || strings.Contains(bar, "Overview") {
		t.Errorf("tab bar %q, want the config's tabs", bar)
	}
	if !strings.Contains(f, "Project") || !strings.HasSuffix(strings.TrimSpace(f), "x quit") {
		t.Errorf("want Energy first and x to quit:\n%s", f)
	}
	f, _ = startFrame(t, env, "--tab", "ports")
	if !strings.Contains(f, "↓Cargo") {
		t.Errorf("--tab ports should win over the config's tab:\n%s", f)
	}
}

// A bad config is reported (file, line, key) on stderr and in the status
// bar, and the dashboard starts with its defaults.
func TestBadConfigStartsWithDefaultsAndSaysSo(t *testing.T) {
	env := writeConfig(t, "tab = \"energy\"\n\n[keys.list]\ndown = [\"pagedown\"]\n")
	f, errs := startFrame(t, env)
	path := filepath.Join(strings.TrimPrefix(env[0], "XDG_CONFIG_HOME="), "corridor", "config.toml")
	want := path + `:4: keys.list.down: "pagedown" is not a key name`
	if !strings.Contains(errs, want) || !strings.Contains(errs, "starting with the defaults") {
		t.Errorf("stderr %q, want %q and that the defaults apply", errs, want)
	}
	if !strings.Contains(f, "config "+path+":4: keys.list.down") || !strings.Contains(f, "The route") {
		t.Errorf("the dashboard should start on its default tab and show the problem:\n%s", f)
	}
}

func TestConfigCommand(t *testing.T) {
	out, _, code := runCLI(t, "config", "--default")
	if code != 0 || out != defaultConfig() {
		t.Fatalf("config --default: exit %d", code)
	}
	dir := t.TempDir()
	bad := filepath.Join(dir, "c.toml")
	if err := os.WriteFile(bad, []byte("theme = \"purple\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errs, code := runCLI(t, "config", "--config", bad)
	if code != 1 || !strings.Contains(errs, bad+":1: theme") {
		t.Errorf("a bad file: exit %d, %q", code, errs)
	}
	good := filepath.Join(dir, "good.toml")
	if err := os.WriteFile(good, []byte("theme = \"light\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, _, code := runCLI(t, "config", "--config", good); code != 0 || !strings.Contains(out, "ok") {
		t.Errorf("a good file: exit %d, %q", code, out)
	}
}

// Over SSH the server's config applies to every session.
func TestServerConfigAppliesToSessions(t *testing.T) {
	env := writeConfig(t, "tab = \"timeline\"\n[keys.global]\nhelp = [\"h\"]\n")
	var look lookFlags
	look.theme = "auto"
	var stderr bytes.Buffer
	opts := sessionOptions(&look, map[string]bool{}, configPath(env), &stderr)
	ds, err := data.Load(data.Bundled())
	if err != nil {
		t.Fatal(err)
	}
	f := ansi.Strip(tui.Frame(ds, "", 100, 30, opts...))
	if !strings.Contains(f, "country: all") || !strings.Contains(f, "h help") || stderr.Len() != 0 {
		t.Errorf("a session should open on the config's tab with its keys (stderr %q):\n%s", stderr.String(), f)
	}
}
