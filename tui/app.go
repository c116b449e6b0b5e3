// Package tui is corridor's Bubble Tea user interface. New builds one
// complete, independent UI; the local program and every SSH session each
// get their own, so no style, key map or setting is shared between them.
package tui

import (
	"corridor/tui/components/cells"
	"fmt"
	"slices"
	"strings"
	"time"

	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"corridor/model"
	"corridor/tui/common"
	"corridor/tui/components/sourcepane"
	"corridor/tui/energy"
	"corridor/tui/overview"
	"corridor/tui/ports"
	"corridor/tui/styles"
	"corridor/tui/timeline"
	"corridor/tui/transit"
)

// Minimum terminal size for any layout; below it a clear message is shown.
const (
	MinWidth  = 40
	MinHeight = 12
)

// TabNames are the tab names --tab accepts, in tab order.
func TabNames() []string { return []string{"overview", "ports", "transit", "energy", "timeline"} }

// Loader produces the dataset. It runs inside a tea.Cmd, never in Update.
type Loader func() (*model.Dataset, error)

// Option configures New.
type Option func(*App)

// WithLoader sets how the dataset is obtained.
func WithLoader(l Loader) Option { return func(a *App) { a.loader = l } }

// WithDataset uses an already loaded dataset (the SSH server loads once
// and shares it read-only).
func WithDataset(ds *model.Dataset) Option {
	return WithLoader(func() (*model.Dataset, error) { return ds, nil })
}

// WithTab selects the first tab by name (see TabNames).
func WithTab(name string) Option {
	return func(a *App) {
		if i := slices.Index(TabNames(), strings.ToLower(name)); i >= 0 {
			a.active = i
		}
	}
}

// WithNow fixes the clock, for reproducible output.
func WithNow(t time.Time) Option { return func(a *App) { a.c.Now, a.nowFixed = t, true } }

// WithDarkBackground sets the initial background guess, used until (or
// instead of, when the terminal does not answer) the background query.
func WithDarkBackground(dark bool) Option { return func(a *App) { a.dark = dark } }

// WithTheme picks a theme from styles.Themes: auto (follow the terminal),
// dark, light or high-contrast.
func WithTheme(name string) Option { return func(a *App) { a.theme = name } }

// WithASCII draws everything, charts included, in plain ASCII.
func WithASCII() Option { return func(a *App) { a.ascii = true } }

// WithSourceLabel names where the data came from, for the status bar.
func WithSourceLabel(s string) Option { return func(a *App) { a.dataLabel = s } }

// WithoutBackgroundQuery skips asking the terminal for its background,
// for tests and for output that is not a terminal.
func WithoutBackgroundQuery() Option { return func(a *App) { a.noBgQuery = true } }

// App is the root model: it owns global keys, layout, the source pane and
// routing; everything else belongs to the tabs.
type App struct {
	c         *common.Common
	keys      KeyMap
	help      help.Model
	pane      sourcepane.Model
	paneOpen  bool
	tabs      []common.Tab
	active    int
	loader    Loader
	err       error
	width     int
	height    int
	dataLabel string
	noBgQuery bool
	// tabSpans are the x ranges of tab titles on the bar, for mouse clicks.
	tabSpans [][2]int
	// sized is the body size each tab was last given. Only the active tab
	// is resized eagerly; others catch up when shown, so a resize redraws
	// one tab's charts, not five.
	sized [][2]int
	body  [2]int
	// Most frames repeat the previous one, and measuring every line's
	// width is the costliest part of a frame, so the clamped header, body
	// and footer are memoised on their content and size.
	headMemo, bodyMemo, footMemo memo
	// chrome caches the header and footer for the state they depend on.
	chromeKey        chromeKey
	chromeHead, foot string

	theme     string
	dark      bool
	ascii     bool
	asciiMemo [2]string
	// order is the tabs shown, as indexes into TabNames, in order.
	order []int
	pres  presenter
	// Snapshots (ctrl+s).
	snapDir       string
	snapClipboard bool
	nowFixed      bool
	notice        string
	noticeGen     int
	// Live data: when the data was last loaded, and the error keeping a
	// bad edit off screen.
	loadedAt time.Time
	dataErr  error
}

// memo remembers the last clamp of one part of the frame.
type memo struct {
	in, out string
	w, h    int
	valid   bool
}

// clamp returns clamp(s, w, h), padded to h lines when pad is set,
// reusing the previous result when nothing changed.
func (m *memo) clamp(s string, w, h int, pad bool) string {
	if m.valid && m.in == s && m.w == w && m.h == h {
		return m.out
	}
	out := clamp(s, w, h)
	if n := lipgloss.Height(out); pad && n < h {
		out += strings.Repeat("\n", h-n)
	}
	*m = memo{in: s, out: out, w: w, h: h, valid: true}
	return out
}

// chromeKey is everything the header and footer depend on.
type chromeKey struct {
	w, h, active     int
	pane, help, capt bool
	styles           *styles.Styles
	loaded           bool
	notice           string
	data             *model.Dataset
	dataErr          string
}

// New builds a UI. Nothing is loaded until Init's command runs.
func New(opts ...Option) *App {
	a := &App{
		c:         &common.Common{Now: common.Now()},
		keys:      DefaultKeyMap(),
		help:      help.New(),
		dataLabel: "bundled data",
		dark:      true,
		theme:     "auto",
		order:     []int{0, 1, 2, 3, 4},
	}
	for _, o := range opts {
		o(a)
	}
	if !slices.Contains(a.order, a.active) {
		a.active = a.order[0]
	}
	a.c.Styles = styles.New(a.theme, a.dark, a.ascii)
	a.help.Styles = a.c.Styles.Help
	a.pane = sourcepane.New(a.c)
	return a
}

type loadedMsg struct {
	ds  *model.Dataset
	err error
}

// Init starts loading and asks the terminal for its background colour.
func (a *App) Init() tea.Cmd {
	load := a.loader
	cmds := []tea.Cmd{func() tea.Msg {
		if load == nil {
			return loadedMsg{err: fmt.Errorf("no data loader configured")}
		}
		ds, err := load()
		return loadedMsg{ds: ds, err: err}
	}}
	if !a.noBgQuery {
		cmds = append(cmds, tea.RequestBackgroundColor)
	}
	if a.pres.on {
		cmds = append(cmds, a.tick())
	}
	return tea.Batch(cmds...)
}

// Update handles global messages and routes the rest to the active tab.
func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.width, a.height = msg.Width, msg.Height
		a.layout()
		return a, nil
	case tea.BackgroundColorMsg:
		a.dark = msg.IsDark()
		if a.theme != "auto" && a.theme != "" {
			return a, nil // a forced theme ignores the terminal
		}
		a.setStyles(styles.New(a.theme, a.dark, a.ascii))
		return a, a.broadcast(common.StylesChangedMsg{})
	case rotateTickMsg:
		return a, a.onTick(msg)
	case noticeMsg:
		return a, a.showNotice(msg.text)
	case clearNoticeMsg:
		if msg.gen == a.noticeGen {
			a.notice = ""
			a.chromeHead = ""
		}
		return a, nil
	case DataMsg:
		a.onData(msg)
		if msg.Err == nil && msg.Data != nil {
			return a, a.showNotice(a.notice)
		}
		return a, nil
	case loadedMsg:
		a.err = msg.err
		if msg.err == nil {
			if a.loadedAt.IsZero() {
				a.loadedAt = a.c.Now
			}
			a.c.Data = msg.ds
			// Tabs are built when first shown: a session that only looks
			// at the overview never pays for the others.
			a.tabs = make([]common.Tab, len(TabNames()))
			a.layout()
		}
		return a, nil
	case tea.MouseClickMsg:
		if m := msg.Mouse(); m.Button == tea.MouseLeft && m.Y == 0 && !a.paneOpen && !a.pres.frozen {
			for i, sp := range a.tabSpans {
				if m.X >= sp[0] && m.X < sp[1] {
					a.switchTo(a.order[i])
				}
			}
		}
		return a, nil
	case tea.KeyPressMsg:
		return a.handleKey(msg)
	}
	return a, a.forward(msg)
}

func (a *App) handleKey(k tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	if key.Matches(k, a.keys.ForceQuit) {
		return a, tea.Quit
	}
	if consumed, cmd := a.presentKey(k); consumed {
		return a, cmd
	}
	if key.Matches(k, a.keys.Snapshot) {
		return a, a.snapshot()
	}
	if a.paneOpen {
		switch {
		case key.Matches(k, a.pane.KeyMap.Close):
			a.paneOpen = false
		case key.Matches(k, a.keys.Quit):
			return a, tea.Quit
		case key.Matches(k, a.keys.Help):
			a.toggleHelp()
		default:
			var cmd tea.Cmd
			a.pane, cmd = a.pane.Update(k)
			return a, cmd
		}
		return a, nil
	}
	if t := a.activeTab(); t != nil && t.Capturing() {
		return a, a.forward(k)
	}
	switch {
	case key.Matches(k, a.keys.Quit):
		return a, tea.Quit
	case key.Matches(k, a.keys.Help):
		a.toggleHelp()
		return a, nil
	case key.Matches(k, a.keys.NextTab):
		a.step(1)
		return a, nil
	case key.Matches(k, a.keys.PrevTab):
		a.step(-1)
		return a, nil
	case key.Matches(k, a.keys.Source):
		if t := a.activeTab(); t != nil {
			if sel, ok := t.Selection(); ok {
				a.pane.Open(sel)
				a.paneOpen = true
			}
		}
		return a, nil
	}
	for i, b := range a.keys.tabKeys() {
		if key.Matches(k, b) && i < len(a.order) {
			a.switchTo(a.order[i])
			return a, nil
		}
	}
	return a, a.forward(k)
}

func (a *App) toggleHelp() {
	a.help.ShowAll = !a.help.ShowAll
	a.layout()
}

// pos is the active tab's position in the tab order.
func (a *App) pos() int { return max(slices.Index(a.order, a.active), 0) }

// step moves by d positions in the tab order, wrapping.
func (a *App) step(d int) {
	n := len(a.order)
	a.switchTo(a.order[((a.pos()+d)%n+n)%n])
}

func (a *App) switchTo(i int) {
	if i >= 0 && i < len(TabNames()) {
		a.active = i
		a.paneOpen = false
		a.sizeActive()
	}
}

// activeTab returns the active tab, building it on first use; nil until
// the data has loaded.
func (a *App) activeTab() common.Tab {
	if a.active >= len(a.tabs) {
		return nil
	}
	if a.tabs[a.active] == nil {
		a.tabs[a.active] = newTab(a.active, a.c)
	}
	return a.tabs[a.active]
}

// newTab builds tab i of TabNames.
func newTab(i int, c *common.Common) common.Tab {
	switch i {
	case 1:
		return ports.New(c)
	case 2:
		return transit.New(c)
	case 3:
		return energy.New(c)
	case 4:
		return timeline.New(c)
	}
	return overview.New(c)
}

// forward sends msg to the active tab only: each tab owns its messages.
func (a *App) forward(msg tea.Msg) tea.Cmd {
	t := a.activeTab()
	if t == nil {
		return nil
	}
	nt, cmd := t.Update(msg)
	a.tabs[a.active] = nt
	return cmd
}

// broadcast sends msg to every tab (style changes concern them all).
func (a *App) broadcast(msg tea.Msg) tea.Cmd {
	var cmds []tea.Cmd
	for i, t := range a.tabs {
		if t == nil {
			continue
		}
		nt, cmd := t.Update(msg)
		a.tabs[i] = nt
		cmds = append(cmds, cmd)
	}
	return tea.Batch(cmds...)
}

func (a *App) setStyles(s *styles.Styles) {
	a.c.Styles = s
	a.help.Styles = s.Help
	a.pane.Refresh()
}

// Active returns the active tab's name.
func (a *App) Active() string { return TabNames()[a.active] }

// PaneOpen reports whether the source pane is showing.
func (a *App) PaneOpen() bool { return a.paneOpen }

// HelpOpen reports whether the full help is showing.
func (a *App) HelpOpen() bool { return a.help.ShowAll }

// Err returns the load error, if loading failed.
func (a *App) Err() error { return a.err }

func (a *App) tooSmall() bool { return a.width < MinWidth || a.height < MinHeight }

// layout measures the header and footer as drawn and gives tabs the rest.
func (a *App) layout() {
	if a.width <= 0 || a.height <= 0 {
		return
	}
	a.help.SetWidth(a.width)
	bodyH := max(a.height-lipgloss.Height(a.header())-lipgloss.Height(a.footer()), 1)
	a.body = [2]int{a.width, bodyH}
	a.sizeActive()
	a.pane.SetSize(a.width, bodyH)
}

// sizeActive gives the active tab the current body size if it has not
// had it yet.
func (a *App) sizeActive() {
	if len(a.sized) != len(a.tabs) {
		a.sized = make([][2]int, len(a.tabs))
	}
	if t := a.activeTab(); t != nil && a.sized[a.active] != a.body {
		t.SetSize(a.body[0], a.body[1])
		a.sized[a.active] = a.body
	}
}

func (a *App) tabTitles() []string {
	out := make([]string, len(TabNames()))
	for i, n := range TabNames() {
		out[i] = strings.ToUpper(n[:1]) + n[1:]
	}
	return out
}

// header draws the tab bar, shortening titles to fit and remembering
// where each one is so a click can select it.
func (a *App) header() string {
	s := a.c.Styles
	brand := s.Brand.Render("corridor") + " "
	var titles []string
	for _, i := range a.order {
		titles = append(titles, a.tabTitles()[i])
	}
	forms := []func(i int, t string) string{
		func(i int, t string) string { return fmt.Sprintf("%d %s", i+1, t) },
		func(i int, t string) string { return fmt.Sprintf("%d %s", i+1, t[:min(len(t), 4)]) },
		func(i int, t string) string { return fmt.Sprintf("%d", i+1) },
	}
	for fi, form := range forms {
		prefix := brand
		if fi > 0 && a.width < 60 {
			prefix = ""
		}
		var b strings.Builder
		b.WriteString(prefix)
		x := lipgloss.Width(prefix)
		spans := make([][2]int, len(titles))
		for i, t := range titles {
			st := s.Tab
			if a.order[i] == a.active {
				st = s.ActiveTab
			}
			cell := st.Render(form(i, t))
			w := lipgloss.Width(cell)
			spans[i] = [2]int{x, x + w}
			x += w
			b.WriteString(cell)
		}
		if x <= a.width || fi == len(forms)-1 {
			a.tabSpans = spans
			bar := cells.Truncate(b.String(), a.width, "")
			if ban := a.banner(); ban != "" {
				bar += "\n" + cells.Truncate(ban, a.width, "…")
			}
			if big := a.bigTitle(); big != "" {
				bar += "\n" + big
			}
			if a.height >= 20 {
				bar += "\n" + s.Rule.Render(strings.Repeat("─", a.width))
			}
			return bar
		}
	}
	return ""
}

// chrome returns the header and footer, rebuilt only when what they
// show changed.
func (a *App) chrome() (string, string) {
	k := chromeKey{w: a.width, h: a.height, active: a.active, pane: a.paneOpen, help: a.help.ShowAll,
		styles: a.c.Styles, loaded: a.c.Data != nil, notice: a.notice, data: a.c.Data}
	if a.dataErr != nil {
		// The message, not the error: an error list is a slice, and
		// comparing keys holding one would panic.
		k.dataErr = a.dataErr.Error()
	}
	if t := a.activeTab(); t != nil {
		k.capt = t.Capturing()
	}
	if k != a.chromeKey || a.chromeHead == "" {
		a.chromeKey = k
		a.chromeHead, a.foot = a.header(), a.footer()
	}
	return a.chromeHead, a.foot
}

// footer draws the status line and the help for what works now.
func (a *App) footer() string {
	var t interface {
		ShortHelp() []key.Binding
		FullHelp() [][]key.Binding
	}
	if a.paneOpen {
		t = a.pane.KeyMap
	} else if tab := a.activeTab(); tab != nil {
		t = tab
	}
	if a.pres.on && !a.help.ShowAll {
		// A briefing shows the countdown, not key hints.
		return a.status() + "\n" + a.countdown()
	}
	h := a.help.View(helpKeys{global: a.keys, tab: t, pane: a.paneOpen})
	return a.status() + "\n" + h
}

func (a *App) status() string {
	s := a.c.Styles
	if a.notice != "" {
		return cells.Truncate(s.Notice.Render(a.notice), a.width, "…")
	}
	label := a.dataLabel
	if !a.loadedAt.IsZero() && a.dataLabel != "bundled data" {
		label += " · loaded " + a.loadedAt.Format("15:04:05")
	}
	left := s.StatusKey.Render(label)
	if d := a.c.Data; d != nil {
		left += s.StatusBar.Render(fmt.Sprintf(" · %d figures · %d events · %d sources", len(d.Observations), len(d.Events), len(d.Sources)))
	}
	legend := s.StatusBar.Render(common.GlyphDisputed + " sources disagree  " + common.GlyphDerived + " computed  " + common.GlyphSuspect + " suspect  fcst/target/cap ≠ actual")
	gap := a.width - lipgloss.Width(left) - lipgloss.Width(legend)
	if gap < 2 {
		return cells.Truncate(left, a.width, "…")
	}
	return left + strings.Repeat(" ", gap) + legend
}

// View draws the frame. Whatever a tab returns, no line is wider than the
// terminal and there are never more lines than it has.
func (a *App) View() tea.View {
	content := a.pres.frame
	if !a.pres.frozen {
		content = a.render()
	}
	v := tea.NewView(content)
	if a.c.Styles.HighContrast {
		// Projectors: ask the terminal for black behind white text.
		v.BackgroundColor, v.ForegroundColor = color.Black, color.White
	}
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "corridor · " + a.tabTitles()[a.active]
	return v
}

// Render draws the frame as a string, for snapshots and tests.
func (a *App) Render() string { return a.render() }

func (a *App) render() string {
	if a.width <= 0 || a.height <= 0 {
		return ""
	}
	if a.tooSmall() {
		msg := fmt.Sprintf("terminal too small — need at least %d×%d (now %d×%d)", MinWidth, MinHeight, a.width, a.height)
		return clamp(lipgloss.NewStyle().Width(a.width).Render(msg), a.width, a.height)
	}
	s := a.c.Styles
	header, footer := a.chrome()
	bodyH := max(a.height-lipgloss.Height(header)-lipgloss.Height(footer), 1)
	var body string
	switch {
	case a.err != nil:
		body = s.ErrorBox.Width(a.width).Render("corridor could not load its data:\n\n" + a.err.Error())
	case a.c.Data == nil:
		body = s.Muted.Render("loading data…")
	case a.paneOpen:
		body = a.pane.View()
	default:
		body = a.activeTab().View()
	}
	out := a.headMemo.clamp(header, a.width, a.height, false) + "\n" +
		a.bodyMemo.clamp(body, a.width, bodyH, true) + "\n" +
		a.footMemo.clamp(footer, a.width, a.height, false)
	if a.ascii {
		if a.asciiMemo[0] != out {
			a.asciiMemo = [2]string{out, cells.ASCII(out)}
		}
		return a.asciiMemo[1]
	}
	return out
}

// clamp cuts s to w columns and h lines.
func clamp(s string, w, h int) string { return cells.Fit(s, w, h) }
