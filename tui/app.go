// Package tui is corridor's Bubble Tea user interface. New builds one
// complete, independent UI; the local program and every SSH session each
// get their own, so no style, key map or setting is shared between them.
package tui

import (
	"fmt"
	"image/color"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"corridor/model"
	"corridor/tui/common"
	"corridor/tui/components/cells"
	"corridor/tui/components/changes"
	"corridor/tui/components/citecopy"
	"corridor/tui/components/helpview"
	"corridor/tui/components/keymap"
	"corridor/tui/components/memo"
	"corridor/tui/components/presenter"
	"corridor/tui/components/sourcepane"
	"corridor/tui/components/statusbar"
	"corridor/tui/components/tabbar"
	"corridor/tui/styles"
)

// Minimum terminal size for any layout; below it a clear message is shown.
const (
	MinWidth  = 40
	MinHeight = 12
)

// Loader produces the dataset. It runs inside a tea.Cmd, never in Update.
type Loader func() (*model.Dataset, error)

// settings are what the options chose; fixed once New returns.
type settings struct {
	loader    Loader
	theme     string
	dark      bool
	ascii     bool
	noBgQuery bool
	// origin names where the data came from, for the status bar; bundled
	// is set when it is the data built into the binary.
	origin  string
	bundled bool
	// names are the tabs to show, in order; empty means the registry's.
	names   []string
	start   string
	present time.Duration
	// program is corridor's version, for citations.
	program string
	snap    snapSettings
	// keys are the user's rebindings; warning is a problem with the
	// user's config, shown until the first key press.
	keys    keymap.Remap
	warning string
}

// App is the root model: it owns global keys, layout, the source pane and
// routing; everything else belongs to the tabs and the chrome components.
type App struct {
	c   *common.Common
	set settings
	reg Registry
	// order is the registry index of each tab shown, in bar order; active
	// is a position in order.
	order  []int
	active int
	tabs   []common.Tab // by position, built on first show
	sized  [][2]int     // the body size each tab was last given
	keys   KeyMap

	bar      tabbar.Model
	status   statusbar.Model
	help     helpview.Model
	helpOpen bool
	pane     sourcepane.Model
	paneOpen bool
	// changes lists what the last reload changed; it opens from the
	// reload notice's key.
	changes     changes.Model
	changesOpen bool
	pres        presenter.Model
	notice      notice

	width, height int
	body          [2]int
	// counts summarises the data for the status bar, once per dataset:
	// figures, events, sources and the date the figures run to.
	counts   string
	err      error // the first load failed
	dataErr  error // a reload failed; the last good data stays
	loadedAt time.Time

	frame frameMemo
	// kept is what each tab (by position) had selected, filtered and
	// sorted before a reload, until the tab is rebuilt.
	kept map[int]any
}

// notice is a short message in the status bar; gen tags its timer so an
// older timer never clears a newer notice.
type notice struct {
	text string
	gen  int
}

// New builds a UI over the default registry. Nothing is loaded until
// Init's command runs.
func New(opts ...Option) *App { return NewWithRegistry(DefaultRegistry(), opts...) }

// NewWithRegistry builds a UI offering reg's tabs.
func NewWithRegistry(reg Registry, opts ...Option) *App {
	a := &App{
		c:    &common.Common{Now: time.Now()},
		reg:  reg,
		pres: presenter.New(),
		set:  settings{dark: true, theme: "auto", origin: "bundled data", bundled: true},
	}
	for _, o := range opts {
		o(a)
	}
	for _, n := range a.set.names {
		if i := reg.Index(n); i >= 0 {
			a.order = append(a.order, i)
		}
	}
	if len(a.order) == 0 {
		for i := range reg {
			a.order = append(a.order, i)
		}
	}
	if a.set.start != "" {
		for p, i := range a.order {
			if i == reg.Index(a.set.start) {
				a.active = p
			}
		}
	}
	if a.set.present != 0 {
		a.pres.Start(a.set.present)
		a.c.Present = true
	}
	titles := make([]string, len(a.order))
	names := make([]string, len(a.order))
	for p, i := range a.order {
		titles[p], names[p] = reg[i].Title, reg[i].Name
	}
	a.keys = DefaultKeyMap(names)
	// Every key map, the root's and each component's, takes the user's
	// rebindings; help then lists the keys as rebound.
	a.c.Keys = a.set.keys
	a.set.keys.Apply("global", &a.keys)
	a.set.keys.Apply("presenter", &a.pres.KeyMap)
	a.tabs = make([]common.Tab, len(a.order))
	a.sized = make([][2]int, len(a.order))
	a.c.Styles = styles.New(a.set.theme, a.set.dark, a.set.ascii)
	a.bar = tabbar.New(a.c.Styles, "corridor", titles)
	a.bar.SetActive(a.active)
	a.status = statusbar.New(a.c.Styles)
	a.help = helpview.New(a.c.Styles)
	a.pane = sourcepane.New(a.c.Styles)
	a.changes = changes.New(a.c.Styles)
	a.set.keys.Apply("help", &a.help.KeyMap)
	a.set.keys.Apply("pane", &a.pane.KeyMap)
	return a
}

type loadedMsg struct {
	ds  *model.Dataset
	err error
}

// Init starts loading and asks the terminal for its background colour.
func (a *App) Init() tea.Cmd {
	load := a.set.loader
	cmds := []tea.Cmd{func() tea.Msg {
		if load == nil {
			return loadedMsg{err: fmt.Errorf("no data loader configured")}
		}
		ds, err := load()
		return loadedMsg{ds: ds, err: err}
	}, a.pres.Tick()}
	if !a.set.noBgQuery {
		cmds = append(cmds, tea.RequestBackgroundColor)
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
		a.set.dark = msg.IsDark()
		if a.set.theme != "auto" && a.set.theme != "" {
			return a, nil // a forced theme ignores the terminal
		}
		a.setStyles(styles.New(a.set.theme, a.set.dark, a.set.ascii))
		return a, a.broadcast(common.StylesChangedMsg{})
	case presenter.TickMsg:
		advance, cmd := a.pres.Update(msg, a.c.Data != nil && !a.paneOpen)
		if advance {
			a.step(1)
		}
		return a, cmd
	case noticeMsg:
		return a, a.showNotice(msg.text)
	case citecopy.SentMsg:
		return a, a.showNotice(msg.Notice)
	case sourcepane.CiteMsg:
		return a, a.citeItem(msg.Item, msg.ID)
	case sourcepane.CopiedMsg:
		return a, a.showNotice("address sent to your terminal for its clipboard (OSC 52); not every terminal accepts it")
	case clearNoticeMsg:
		if msg.gen == a.notice.gen {
			a.notice.text = ""
		}
		return a, nil
	case DataMsg:
		return a, a.onData(msg)
	case loadedMsg:
		a.err = msg.err
		if msg.err == nil {
			if a.loadedAt.IsZero() {
				a.loadedAt = a.c.Now
			}
			a.setData(msg.ds)
		}
		return a, nil
	case tea.MouseClickMsg:
		return a, a.mouse(msg, msg.Mouse())
	case tea.MouseWheelMsg:
		return a, a.mouse(msg, msg.Mouse())
	case common.OpenSourcesMsg:
		if t := a.activeTab(); t != nil && !a.paneOpen {
			if sel, ok := t.Selection(); ok {
				a.openPane(sel)
			}
		}
		return a, nil
	case tea.KeyPressMsg:
		return a, a.handleKey(msg)
	}
	return a, a.forward(msg)
}

func (a *App) handleKey(k tea.KeyPressMsg) tea.Cmd {
	if a.set.warning != "" {
		a.set.warning = "" // seen: give its line back to the tab
		a.layout()
	}
	if key.Matches(k, a.keys.ForceQuit) {
		return tea.Quit
	}
	if a.pres.Key(k, a.bodyView, a.keys.Quit, a.keys.ForceQuit) {
		return nil
	}
	if key.Matches(k, a.keys.Snapshot) {
		return a.snapshot()
	}
	if a.changesOpen && !a.helpOpen {
		return a.paneKey(k, key.Matches(k, a.changes.KeyMap.Close, a.keys.Changes), func() { a.changesOpen = false }, func() (cmd tea.Cmd) {
			a.changes, cmd = a.changes.Update(k)
			return cmd
		})
	}
	if a.helpOpen {
		var closed bool
		a.help, closed = a.help.Update(k)
		if closed {
			a.helpOpen = false
		}
		return nil
	}
	if a.paneOpen {
		return a.paneKey(k, key.Matches(k, a.pane.KeyMap.Close), a.closePane, func() (cmd tea.Cmd) {
			a.pane, cmd = a.pane.Update(k)
			return cmd
		})
	}
	if t := a.activeTab(); t != nil && t.Capturing() {
		return a.forward(k)
	}
	switch {
	case key.Matches(k, a.keys.Quit):
		return tea.Quit
	case key.Matches(k, a.keys.Help):
		a.openHelp()
		return nil
	case key.Matches(k, a.keys.NextTab):
		a.step(1)
		return nil
	case key.Matches(k, a.keys.PrevTab):
		a.step(-1)
		return nil
	case key.Matches(k, a.keys.Source):
		if t := a.activeTab(); t != nil {
			if sel, ok := t.Selection(); ok {
				a.openPane(sel)
			}
		}
		return nil
	case key.Matches(k, a.keys.Cite):
		return a.cite()
	case key.Matches(k, a.keys.Changes) && a.hasChanges():
		a.changesOpen = true
		return nil
	}
	for p, b := range a.keys.Tabs {
		if key.Matches(k, b) {
			a.switchTo(p)
			return nil
		}
	}
	return a.forward(k)
}

// paneKey handles a key while a pane (the sources, the reload's changes)
// has the body: closing closes it, quit and help work as everywhere, and
// every other key is the pane's.
func (a *App) paneKey(k tea.KeyPressMsg, closing bool, close func(), pane func() tea.Cmd) tea.Cmd {
	switch {
	case closing:
		close()
	case key.Matches(k, a.keys.Quit):
		return tea.Quit
	case key.Matches(k, a.keys.Help):
		a.openHelp()
	default:
		return pane()
	}
	return nil
}

// hasChanges reports whether a reload has left a list of changes to
// show; until then the key is the tab's to use.
func (a *App) hasChanges() bool {
	_, ok := a.changes.Changes()
	return ok
}

// cite sends a citation of what the cursor is on to the terminal's
// clipboard, with the program's and the data's versions.
func (a *App) cite() tea.Cmd {
	t := a.activeTab()
	if t == nil {
		return nil
	}
	sel, ok := t.Selection()
	if !ok {
		return a.showNotice("nothing here to cite")
	}
	c, ok := a.c.Data.CiteSelection(sel.Observations, sel.Events, sel.Sources, model.Provenance{Program: a.set.program, Data: a.c.Data.Version})
	if !ok {
		return a.showNotice("nothing here to cite")
	}
	return citecopy.Cmd(c)
}

// citeItem sends the citation of one figure, event or source.
func (a *App) citeItem(item model.CiteItem, id string) tea.Cmd {
	via := model.Provenance{Program: a.set.program, Data: a.c.Data.Version}
	var c model.Citation
	ok := false
	switch item {
	case model.CiteFigure:
		c, ok = a.c.Data.CiteObservation(id, via)
	case model.CiteEvent:
		c, ok = a.c.Data.CiteEvent(id, via)
	case model.CiteSource:
		c, ok = a.c.Data.CiteSource(id, via)
	}
	if !ok {
		return a.showNotice("nothing here to cite")
	}
	return citecopy.Cmd(c)
}

// openHelp shows the help overlay for the tab and mode in force now.
func (a *App) openHelp() {
	a.helpOpen = true
	a.setHelpContent()
}

// mouse routes a click or a wheel notch to what is under it: the tab
// bar, the help overlay (which only scrolls), the source pane or the tab,
// each given the position relative to its own top left.
func (a *App) mouse(msg tea.Msg, m tea.Mouse) tea.Cmd {
	if _, frozen := a.pres.Frozen(); frozen || a.tooSmall() || a.c.Data == nil {
		return nil
	}
	a.pres.Interact()
	_, click := msg.(tea.MouseClickMsg)
	if a.helpOpen {
		if !click {
			a.help, _ = a.help.Update(msg)
		}
		return nil
	}
	if a.changesOpen {
		return nil // the reload list is read with the keys
	}
	if click && m.Y == 0 {
		if p, ok := a.bar.At(m.X); ok && m.Button == tea.MouseLeft {
			a.switchTo(p)
		}
		return nil
	}
	top := lipgloss.Height(a.header())
	y := m.Y - top
	if y < 0 || y >= a.body[1] {
		return nil
	}
	if a.paneOpen {
		paneTop := 0
		if sz := a.tabSize(); sz != a.body {
			paneTop = sz[1]
		}
		if y >= paneTop {
			var cmd tea.Cmd
			a.pane, cmd = a.pane.Update(common.Shift(msg, 0, top+paneTop))
			return cmd
		}
		if !click {
			return nil
		}
		a.closePane() // a click on the tab goes back to it
	}
	return a.forward(common.Shift(msg, 0, top))
}

// openPane shows sel's sources under the tab, which keeps what room the
// pane leaves.
func (a *App) openPane(sel common.Selection) {
	a.pane.Open(sel)
	a.paneOpen = true
	a.sizeActive()
}

func (a *App) closePane() {
	a.paneOpen = false
	a.sizeActive()
}

// minTabUnderPane is the fewest lines worth showing of a tab above the
// source pane; with less room the pane takes the whole body.
const minTabUnderPane = 5

// tabSize is the room the active tab draws in: the body, less the source
// pane when it is open.
func (a *App) tabSize() [2]int {
	if !a.paneOpen {
		return a.body
	}
	if h := a.body[1] - a.pane.Height(); h >= minTabUnderPane {
		return [2]int{a.body[0], h}
	}
	return a.body // hidden behind the pane: keep its size
}

// step moves by d positions in the tab order, wrapping.
func (a *App) step(d int) {
	n := len(a.order)
	a.switchTo(((a.active+d)%n + n) % n)
}

// switchTo shows the tab at position p of the bar.
func (a *App) switchTo(p int) {
	if p < 0 || p >= len(a.order) {
		return
	}
	a.active = p
	a.bar.SetActive(p)
	a.paneOpen, a.changesOpen = false, false
	a.sizeActive()
}

// activeTab returns the active tab, building it on first use; nil until
// the data has loaded.
func (a *App) activeTab() common.Tab {
	if a.c.Data == nil {
		return nil
	}
	if a.tabs[a.active] == nil {
		t := a.reg[a.order[a.active]].New(a.c)
		if k, ok := t.(common.Keeper); ok {
			if v, ok := a.kept[a.active]; ok {
				k.Restore(v)
				delete(a.kept, a.active)
			}
		}
		a.tabs[a.active] = t
	}
	return a.tabs[a.active]
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

// broadcast sends msg to every tab built so far.
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
	a.help.SetStyles(s)
	a.changes.SetStyles(s)
	a.bar.SetStyles(s)
	a.status.SetStyles(s)
	a.pane.SetStyles(s)
}

// setData swaps in a dataset; tabs are rebuilt from it when next shown,
// each keeping its place (see common.Keeper).
func (a *App) setData(ds *model.Dataset) {
	a.counts = fmt.Sprintf("%d figures · %d events · %d sources", len(ds.Observations), len(ds.Events), len(ds.Sources))
	if p, ok := ds.RunsTo(); ok {
		// "figures to 24 Jan 2026": where the newest figure ends.
		a.counts += " · figures to " + strings.TrimPrefix(p.Label(), "YTD ")
	}
	for p, t := range a.tabs {
		if k, ok := t.(common.Keeper); ok {
			if a.kept == nil {
				a.kept = map[int]any{}
			}
			a.kept[p] = k.Keep()
		}
	}
	a.c.Data = ds
	a.pane.SetData(ds)
	clear(a.tabs)
	clear(a.sized)
	a.paneOpen = false
	a.layout()
}

// Active returns the active tab's name.
func (a *App) Active() string { return a.reg[a.order[a.active]].Name }

// PaneOpen reports whether the source pane is showing.
func (a *App) PaneOpen() bool { return a.paneOpen }

// HelpOpen reports whether the help overlay is showing.
func (a *App) HelpOpen() bool { return a.helpOpen }

// Paused reports whether briefing-mode rotation is paused.
func (a *App) Paused() bool { return a.pres.Paused() }

// Frozen reports whether the screen is frozen.
func (a *App) Frozen() bool { _, f := a.pres.Frozen(); return f }

// Err returns the load error, if loading failed.
func (a *App) Err() error { return a.err }

func (a *App) tooSmall() bool { return a.width < MinWidth || a.height < MinHeight }

// layout measures the header and footer as drawn and gives tabs the rest.
func (a *App) layout() {
	if a.width <= 0 || a.height <= 0 {
		return
	}
	a.bar.SetSize(a.width)
	a.status.SetSize(a.width)
	bodyH := max(a.height-lipgloss.Height(a.header())-lipgloss.Height(a.footer()), 1)
	a.body = [2]int{a.width, bodyH}
	a.pane.SetSize(a.width, bodyH)
	a.sizeActive()
	a.help.SetSize(a.width, bodyH)
	a.changes.SetSize(a.width, bodyH)
}

// sizeActive gives the active tab the current body size if it has not
// had it yet: a resize redraws one tab's charts, not all of them.
func (a *App) sizeActive() {
	if t := a.activeTab(); t != nil && a.sized[a.active] != a.tabSize() {
		sz := a.tabSize()
		t.SetSize(sz[0], sz[1])
		a.sized[a.active] = sz
	}
}

// header is the tab bar, the active tab's large title in briefing mode
// and a rule when there are rows to spare.
func (a *App) header() string {
	out := a.bar.View()
	if big := a.pres.BigTitle(a.Active(), a.width, a.height, a.c.Styles); big != "" {
		out += "\n" + big
	}
	if a.height >= 20 {
		out += "\n" + a.c.Styles.Rule.Render(strings.Repeat("─", a.width))
	}
	return out
}

// footer is the status bar and either the keys that work now or, in
// briefing mode, the countdown.
func (a *App) footer() string {
	a.status.Set(a.statusState())
	if a.pres.On() && !a.helpOpen {
		next := a.reg[a.order[(a.active+1)%len(a.order)]].Name
		return a.status.View() + "\n" + a.pres.Countdown(a.width, next, a.c.Styles)
	}
	var optional, required []helpview.Entry
	if a.helpOpen {
		optional = helpview.Bindings(a.help.KeyMap.Down, a.help.KeyMap.Up, a.help.KeyMap.PageDown)
		required = helpview.Bindings(a.help.KeyMap.Close)
	} else {
		optional = helpview.Bindings(a.helpKeys().ShortHelp()...)
		required = helpview.Bindings(a.keys.Help, a.keys.Quit)
	}
	k := helpKey{width: a.width, styles: a.c.Styles, keys: signature(optional, required)}
	return a.status.View() + "\n" + a.frame.help.Get(k, func() string {
		return helpview.Footer(a.c.Styles, a.width, optional, required)
	})
}

// helpKeys are the keys that work now: the tab's (or the open pane's),
// the global ones and the presenter's.
func (a *App) helpKeys() helpKeys {
	var local interface {
		ShortHelp() []key.Binding
		FullHelp() [][]key.Binding
	}
	if a.changesOpen {
		local = a.changes.KeyMap
	} else if a.paneOpen {
		local = a.pane.KeyMap
	} else if t := a.activeTab(); t != nil {
		local = t
	}
	return helpKeys{global: a.keys, local: local, pane: a.paneOpen || a.changesOpen, present: a.pres.Bindings()}
}

// helpKey is what the key footer is drawn from: the entries' text, the
// width and the styles.
type helpKey struct {
	width  int
	styles *styles.Styles
	keys   string
}

// statusState gathers what the status bar shows now.
func (a *App) statusState() statusbar.State {
	st := statusbar.State{
		Origin: a.set.origin,
		Notice: a.notice.text,
		Badges: a.badges(),
		Legend: model.GlyphDisputed + " sources disagree  " + model.GlyphDerived + " computed  " + model.GlyphSuspect + " suspect  fcst/target/cap ≠ actual",
		Banner: a.banner(),
	}
	if !a.loadedAt.IsZero() && !a.set.bundled {
		st.Origin += " · loaded " + a.loadedAt.Format("15:04:05")
	}
	if d := a.c.Data; d != nil {
		st.Counts = a.counts
	}
	return st
}

// badges are the presenter's modes then the active tab's.
func (a *App) badges() string {
	b := a.pres.Badges()
	if t := a.activeTab(); t != nil {
		if bt, ok := t.(common.Badger); ok {
			b = append(b, bt.Badges()...)
		}
	}
	return statusbar.JoinBadges(b...)
}

// View draws the frame. Whatever a tab returns, no line is wider than the
// terminal and there are never more lines than it has.
func (a *App) View() tea.View {
	v := tea.NewView(a.render())
	if a.c.Styles.HighContrast {
		// Projectors: ask the terminal for black behind white text.
		v.BackgroundColor, v.ForegroundColor = color.Black, color.White
	}
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "corridor · " + a.reg[a.order[a.active]].Title
	return v
}

// Render draws the frame as a string, for snapshots and tests.
func (a *App) Render() string { return a.render() }

// bodyView draws what sits between the header and the footer.
func (a *App) bodyView() string {
	s := a.c.Styles
	switch {
	case a.err != nil:
		return s.ErrorBox.Width(a.width).Render("corridor could not load its data:\n\n" + a.err.Error())
	case a.c.Data == nil:
		return s.Muted.Render("loading data…")
	case a.changesOpen:
		return a.changes.View()
	case a.paneOpen:
		if sz := a.tabSize(); sz != a.body {
			return cells.Fit(a.activeTab().View(), sz[0], sz[1]) + strings.Repeat("\n", max(sz[1]-lipgloss.Height(a.activeTab().View()), 0)+1) + a.pane.View()
		}
		return a.pane.View()
	}
	return a.activeTab().View()
}

// frameMemo holds the last clamp of each part of the frame: measuring
// every line's width is the costliest part of a frame, and most frames
// repeat the one before.
type frameMemo struct {
	head, body, foot memo.String[clampKey]
	help             memo.String[helpKey]
	ascii            memo.String[string]
}

// clampKey is a part of the frame and the room it is cut to.
type clampKey struct {
	s    string
	w, h int
	pad  bool
}

func (k clampKey) clamp() string {
	out := cells.Fit(k.s, k.w, k.h)
	if n := lipgloss.Height(out); k.pad && n < k.h {
		out += strings.Repeat("\n", k.h-n)
	}
	return out
}

func (a *App) render() string {
	if a.width <= 0 || a.height <= 0 {
		return ""
	}
	if a.tooSmall() {
		msg := fmt.Sprintf("terminal too small — need at least %d×%d (now %d×%d)", MinWidth, MinHeight, a.width, a.height)
		return cells.Fit(lipgloss.NewStyle().Width(a.width).Render(msg), a.width, a.height)
	}
	// A briefing that rotates on its own shows no selection; a key or a
	// click pauses it and the selection shows again.
	a.c.HideCursor = a.pres.On() && !a.pres.Paused()
	header, footer := a.header(), a.footer()
	bodyH := max(a.height-lipgloss.Height(header)-lipgloss.Height(footer), 1)
	body, frozen := a.pres.Frozen()
	if !frozen {
		body = a.bodyView()
	}
	if a.helpOpen {
		a.setHelpContent()
		box := a.help.View()
		bw, bh := cells.Width(strings.SplitN(box, "\n", 2)[0]), lipgloss.Height(box)
		body = cells.Overlay(cells.Fit(body, a.width, bodyH), box, max((a.width-bw)/2, 0), max((bodyH-bh)/2, 0))
	}
	h, b, f := clampKey{header, a.width, a.height, false}, clampKey{body, a.width, bodyH, true}, clampKey{footer, a.width, a.height, false}
	out := a.frame.head.Get(h, h.clamp) + "\n" + a.frame.body.Get(b, b.clamp) + "\n" + a.frame.foot.Get(f, f.clamp)
	if a.set.ascii {
		return a.frame.ascii.Get(out, func() string { return cells.ASCII(out) })
	}
	return out
}
