package tui

import (
	"time"

	"corridor/model"
	"corridor/tui/components/keymap"
)

// Option configures New.
type Option func(*App)

// WithLoader sets how the dataset is obtained.
func WithLoader(l Loader) Option { return func(a *App) { a.set.loader = l } }

// WithDataset uses an already loaded dataset (the SSH server loads once
// and shares it read-only).
func WithDataset(ds *model.Dataset) Option {
	return WithLoader(func() (*model.Dataset, error) { return ds, nil })
}

// WithTab selects the first tab by name (see Registry.Names).
func WithTab(name string) Option { return func(a *App) { a.set.start = name } }

// WithTabs chooses which tabs appear and in what order, by name. Unknown
// names are skipped (the command line rejects them first); none known
// means every tab.
func WithTabs(names []string) Option { return func(a *App) { a.set.names = names } }

// WithNow fixes the clock, for reproducible output.
func WithNow(t time.Time) Option { return func(a *App) { a.c.Now, a.set.snap.nowFixed = t, true } }

// WithDarkBackground sets the initial background guess, used until (or
// instead of, when the terminal does not answer) the background query.
func WithDarkBackground(dark bool) Option { return func(a *App) { a.set.dark = dark } }

// WithTheme picks a theme from styles.Themes: auto (follow the terminal),
// dark, light or high-contrast.
func WithTheme(name string) Option { return func(a *App) { a.set.theme = name } }

// WithASCII draws everything, charts included, in plain ASCII.
func WithASCII() Option { return func(a *App) { a.set.ascii = true } }

// WithOrigin names where the data came from, for the status bar. live is
// set for data read from files that may be edited and reloaded: the bar
// then also says when they were loaded.
func WithOrigin(label string, live bool) Option {
	return func(a *App) { a.set.origin, a.set.bundled = label, !live }
}

// WithProgramVersion names corridor's version for the citations `y`
// copies ("via corridor v1.2.0, data 1a2b3c4d5e6f").
func WithProgramVersion(v string) Option { return func(a *App) { a.set.program = v } }

// WithoutBackgroundQuery skips asking the terminal for its background,
// for tests and for output that is not a terminal.
func WithoutBackgroundQuery() Option { return func(a *App) { a.set.noBgQuery = true } }

// WithPresent turns on briefing mode: tabs rotate every d (the
// presenter's default when d is 0), key hints are hidden, headline
// figures use large glyphs.
func WithPresent(d time.Duration) Option {
	return func(a *App) {
		if d <= 0 {
			d = DefaultRotate
		}
		a.set.present = d
	}
}

// WithKeyBindings rebinds keys: each entry names an action as
// "section.action" (see KeyActions) and gives the keys it takes instead
// of its defaults. Help shows the keys as rebound.
func WithKeyBindings(keys map[string][]string) Option {
	return func(a *App) { a.set.keys = keymap.Remap(keys) }
}

// WithWarning shows text in the status bar's banner until the first key
// press: a problem with the user's config, for instance, which the
// program started without.
func WithWarning(text string) Option { return func(a *App) { a.set.warning = text } }
