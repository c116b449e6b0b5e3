package maptab

import (
	"bytes"
	"corridor/tui/internal/golden"
	"fmt"
	"math"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"corridor/data"
	"corridor/model"
	"corridor/tui/common"
	"corridor/tui/maptab/internal/geo"
	"corridor/tui/styles"
)

var (
	dsOnce sync.Once
	ds     *model.Dataset
	dsErr  error
)

func bundled(t testing.TB) *model.Dataset {
	t.Helper()
	dsOnce.Do(func() { ds, dsErr = data.Load(data.Bundled()) })
	if dsErr != nil {
		t.Fatal(dsErr)
	}
	return ds
}

// body is the room the root leaves a tab in a w×h terminal: the tab bar
// and its rule above, the status and help lines below.
func body(w, h int) (int, int) { return w, h - 4 }

// newTab builds the tab over the bundled data, sized as in a w×h
// terminal.
func newTab(t testing.TB, w, h int, ascii bool) *Model {
	t.Helper()
	c := &common.Common{Styles: styles.New("dark", true, ascii), Data: bundled(t), Now: time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC)}
	m := New(c)
	m.SetSize(body(w, h))
	return m
}

func keyMsg(k string) tea.KeyPressMsg {
	switch k {
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	}
	r := []rune(k)[0]
	return tea.KeyPressMsg{Code: r, Text: k}
}

func press(m *Model, keys ...string) {
	for _, k := range keys {
		m.Update(keyMsg(k))
	}
}

// nodeIndex finds a place on the walk by id.
func nodeIndex(t testing.TB, m *Model, id string) int {
	t.Helper()
	for i, n := range m.nodes {
		if n.place.ID == id {
			return i
		}
	}
	t.Fatalf("no place %q on the walk", id)
	return -1
}

func TestProjectionPutsKnownPointsInTheirCells(t *testing.T) {
	v := views()[0] // 15-120E, 30-55N: wide, so width decides the scale
	p := project(v, 120, 30)
	for _, c := range []struct {
		name     string
		lon, lat float64
		x, y     int
	}{
		// The view is 105° × cos(42.5°) = 77.4 units wide and 25 tall:
		// 240 dots across make 77.5 dots down, centred in 120 (from dot
		// 21.25, row 5, to dot 98.75, row 24).
		{"north-west corner", 15, 55, 0, 5},
		{"south-east corner", 119.99, 30.01, 119, 24},
		{"centre", 67.5, 42.5, 60, 15},
		{"Baku", 49.87, 40.41, 39, 16},
	} {
		x, y, ok := p.cell(c.lon, c.lat)
		if !ok || x != c.x || y != c.y {
			t.Errorf("%s (%v, %v) in cell (%d, %d) ok=%v, want (%d, %d)", c.name, c.lon, c.lat, x, y, ok, c.x, c.y)
		}
	}
	if _, _, ok := p.cell(121, 40); ok {
		t.Error("121E is off a map of 15-120E")
	}
	// Equal-looking: a degree of longitude is cos(42.5°) of a degree of
	// latitude.
	x0, _ := p.dot(50, 40)
	x1, _ := p.dot(51, 40)
	_, y0 := p.dot(50, 40)
	_, y1 := p.dot(50, 39)
	if got := (x1 - x0) / (y1 - y0); math.Abs(got-math.Cos(42.5*math.Pi/180)) > 1e-9 {
		t.Errorf("lon/lat scale = %v, want cos(42.5°)", got)
	}
}

func TestCanvasLines(t *testing.T) {
	c := newCanvas(4, 2)
	step := 0
	c.line(0, 0, 7, 0, solid, &step)
	if got := string([]rune{braille(c.at(0, 0)), braille(c.at(3, 0))}); got != "⠉⠉" {
		t.Errorf("solid top line = %q, want ⠉⠉", got)
	}
	c = newCanvas(4, 2)
	step = 0
	c.line(0, 1, 7, 1, thick, &step)
	if got := braille(c.at(1, 0)); got != '⠶' {
		t.Errorf("thick line cell = %q, want ⠶ (dot rows 1 and 2)", got)
	}
	c = newCanvas(6, 1)
	step = 0
	c.line(0, 0, 11, 0, dotted, &step)
	n := 0
	for x := range 6 {
		for _, b := range []uint8{brailleBit(0, 0), brailleBit(1, 0)} {
			if c.at(x, 0)&b != 0 {
				n++
			}
		}
	}
	if n != 4 {
		t.Errorf("dotted line over 12 dots raised %d, want 4 (one in three)", n)
	}
	if density(0b1) != ':' || density(0xff) != '%' || density(0) != ' ' {
		t.Error("ASCII density ramp changed")
	}
}

// closeUp rasterises the Caspian close-up as a 120x40 terminal shows it.
func closeUp(t *testing.T) (*Model, *art) {
	m := newTab(t, 120, 40, false)
	press(m, "z", "z")
	if v := views()[m.zoom]; v.name != "Caspian close-up" {
		t.Fatalf("after z z the view is %q", v.name)
	}
	m.View()
	return m, m.ensureArt()
}

// isWater reports whether the cell at lon/lat shows neither land nor
// coast (a sea leg or a sea's name may cross water).
func isWater(a *art, lon, lat float64) bool {
	x, y, ok := a.p.cell(lon, lat)
	if !ok {
		return false
	}
	switch a.grid[y*a.p.w+x].c {
	case clsNone, clsSea, clsSeaLabel:
		return true
	}
	return false
}

func TestTheCaspianIsWaterAndTheRouteSitsOnItsShores(t *testing.T) {
	m, a := closeUp(t)
	for _, w := range [][2]float64{{51, 42}, {50.5, 39}, {49, 44.5}} {
		if !isWater(a, w[0], w[1]) {
			t.Errorf("(%vE, %vN) is the Caspian but is drawn as land or coast", w[0], w[1])
		}
	}
	for _, l := range [][2]float64{{47, 40}, {55, 45}, {48, 46.5}} {
		if isWater(a, l[0], l[1]) {
			t.Errorf("(%vE, %vN) is land but is drawn as water", l[0], l[1])
		}
	}
	baku, aktau := a.marks[nodeIndex(t, m, "baku")], a.marks[nodeIndex(t, m, "aktau")]
	// East of Baku along its row: water, then the east shore.
	shore := -1
	sawWater := false
	for x := baku.x + 1; x < a.p.w; x++ {
		c := a.grid[baku.y*a.p.w+x].c
		if c == clsNone {
			sawWater = true
		}
		if sawWater && (c == clsCoast || c == clsLand) {
			shore = x
			break
		}
	}
	if !sawWater || shore < 0 || baku.x >= shore {
		t.Errorf("Baku at column %d, east shore at %d (water seen: %v): Baku must lie west of the Caspian's east shore", baku.x, shore, sawWater)
	}
	if aktau.x <= baku.x {
		t.Errorf("Aktau at column %d, Baku at %d: Aktau must be east of Baku", aktau.x, baku.x)
	}
	if aktau.y >= baku.y {
		t.Errorf("Aktau at row %d, Baku at %d: Aktau must be north of Baku", aktau.y, baku.y)
	}
}

func TestCaspianPortsAreSeparateAt120x40(t *testing.T) {
	m, a := closeUp(t)
	seen := map[[2]int]string{}
	for _, id := range []string{"baku", "alat", "aktau", "kuryk", "turkmenbashi"} {
		i := nodeIndex(t, m, id)
		mk := a.marks[i]
		if !mk.ok {
			t.Errorf("%s is off the close-up", id)
			continue
		}
		if other, dup := seen[[2]int{mk.x, mk.y}]; dup {
			t.Errorf("%s and %s share cell (%d, %d)", id, other, mk.x, mk.y)
		}
		seen[[2]int{mk.x, mk.y}] = id
		if a.labels[i].w == 0 {
			t.Errorf("%s has no label in the close-up", id)
		}
	}
	frame := m.View()
	for _, name := range []string{"Baku", "Alat", "Aktau", "Kuryk", "Turkmenbashi", "Caspian"} {
		if !strings.Contains(ansi.Strip(frame), name) {
			t.Errorf("close-up does not show %q", name)
		}
	}
}

// Labels never overlap each other or sit on a marker, at any size or
// zoom: the less important one is dropped instead.
func TestLabelsNeverOverlap(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {100, 30}, {120, 40}, {160, 50}, {200, 60}} {
		for z := range views() {
			m := newTab(t, size[0], size[1], false)
			m.setZoom(z)
			if m.listing() {
				continue
			}
			a := m.ensureArt()
			w := a.p.w
			used := make([]int, w*a.p.h)
			for i, mk := range a.marks {
				if mk.ok {
					used[mk.y*w+mk.x] = -1 - i
				}
			}
			for i, l := range a.labels {
				if l.w == 0 {
					continue
				}
				mk := a.marks[i]
				dx := 0
				if mk.x < l.x {
					dx = l.x - mk.x
				} else if mk.x >= l.x+l.w {
					dx = mk.x - (l.x + l.w - 1)
				}
				if d := max(abs(l.y-mk.y), dx); d > 2 {
					t.Errorf("%dx%d %s: label of %s is %d cells from its marker", size[0], size[1], views()[z].name, m.nodes[i].place.ID, d)
				}
				for x := l.x; x < l.x+l.w; x++ {
					if o := used[l.y*w+x]; o != 0 {
						t.Errorf("%dx%d %s: label of %s overlaps %d", size[0], size[1], views()[z].name, m.nodes[i].place.ID, o)
					}
					used[l.y*w+x] = i + 1
				}
			}
		}
	}
}

func TestKeysWalkZoomAndList(t *testing.T) {
	m := newTab(t, 120, 40, false)
	if m.Cursor() != "xian" {
		t.Fatalf("starts on %q, want the route's first place", m.Cursor())
	}
	press(m, "j")
	if m.Cursor() != "khorgos" || !strings.Contains(ansi.Strip(m.View()), "▸ Khorgos") {
		t.Errorf("j: on %q; pane:\n%s", m.Cursor(), ansi.Strip(m.View()))
	}
	press(m, "down", "down")
	if m.Cursor() != "aktau" {
		t.Errorf("down down: on %q, want aktau", m.Cursor())
	}
	press(m, "k")
	if m.Cursor() != "alashankou" {
		t.Errorf("k: on %q, want alashankou", m.Cursor())
	}
	press(m, "k", "k", "k")
	if m.Cursor() != "budapest" {
		t.Errorf("k past the start: on %q, want it to wrap to the last (budapest)", m.Cursor())
	}
	title := func() string { return strings.SplitN(ansi.Strip(m.View()), "\n", 2)[0] }
	if !strings.Contains(title(), "whole corridor") {
		t.Errorf("title %q", title())
	}
	press(m, "z")
	if !strings.Contains(title(), "Black Sea to China") {
		t.Errorf("z: title %q", title())
	}
	press(m, "+")
	if !strings.Contains(title(), "Caspian close-up") {
		t.Errorf("+: title %q", title())
	}
	press(m, "+")
	if !strings.Contains(title(), "Caspian close-up") {
		t.Errorf("+ at the closest zoom must stay: title %q", title())
	}
	press(m, "-", "-", "-")
	if !strings.Contains(title(), "whole corridor") {
		t.Errorf("- - -: title %q", title())
	}
	press(m, "l")
	if v := ansi.Strip(m.View()); !strings.HasPrefix(v, "Route as text") || strings.ContainsRune(v, '⠂') {
		t.Errorf("l: want the text list, no braille:\n%s", v)
	}
	press(m, "j")
	if m.Cursor() != "xian" || !strings.Contains(ansi.Strip(m.View()), "▸ ○ Xi'an") {
		t.Errorf("j in the list: on %q", m.Cursor())
	}
	press(m, "l")
	if strings.HasPrefix(ansi.Strip(m.View()), "Route as text") {
		t.Error("second l must bring the map back")
	}
}

func TestClickSelectsAMarker(t *testing.T) {
	m := newTab(t, 120, 40, false)
	m.View()
	a := m.ensureArt()
	i := nodeIndex(t, m, "tbilisi")
	mk := a.marks[i]
	m.Update(tea.MouseClickMsg{X: mk.x, Y: mk.y + 1, Button: tea.MouseLeft}) // +1: the title line
	if m.Cursor() != "tbilisi" {
		t.Errorf("click on Tbilisi's marker selected %q", m.Cursor())
	}
	m.Update(tea.MouseClickMsg{X: mk.x, Y: mk.y + 1, Button: tea.MouseRight})
	m.Update(tea.MouseClickMsg{X: 0, Y: 0, Button: tea.MouseLeft}) // the title: nothing there
	if m.Cursor() != "tbilisi" {
		t.Errorf("a right click or a click on nothing moved the selection to %q", m.Cursor())
	}
}

// The pane shows the latest figures with period and growth, and enter
// lists their sources and where the coordinates come from.
func TestPaneAndSelection(t *testing.T) {
	m := newTab(t, 120, 40, false)
	for m.Cursor() != "alat" {
		press(m, "j")
	}
	v := ansi.Strip(m.View())
	for _, want := range []string{"▸ Alat", "Port of Baku", "Cargo 8.192M t 2025 +8.1% y/y", "sea ← Aktau, Kuryk, Turkmenbashi", "rail → Tbilisi", "39.93°N 49.42°E · OpenStreetMap"} {
		if !strings.Contains(v, want) {
			t.Errorf("pane lacks %q:\n%s", want, v)
		}
	}
	sel, ok := m.Selection()
	if !ok || !strings.HasPrefix(sel.Title, "Alat · Port of Baku") {
		t.Fatalf("selection %v %q", ok, sel.Title)
	}
	var cargo bool
	for _, o := range sel.Observations {
		if o.Subject == "baku" && o.Metric == "cargo" && o.Period.String() == "2025" && o.Value == 8.1922e6 {
			cargo = true
		}
	}
	if !cargo || len(sel.Sources) != 1 || sel.Sources[0] != "osm-alat" {
		t.Errorf("selection: cargo 2025 listed %v, sources %v", cargo, sel.Sources)
	}
	// A derived growth is marked † and explained.
	for m.Cursor() != "poti" {
		press(m, "j")
	}
	if v := ansi.Strip(m.View()); !strings.Contains(v, "+14.5%† y/y") {
		t.Errorf("Poti's computed growth must carry †:\n%s", v)
	}
	if sel, _ := m.Selection(); len(sel.Derived) == 0 {
		t.Error("Poti's derived growth is not explained in the source pane")
	}
}

// Moving the selection swaps cached rows: the map is not rasterised again.
func TestMovingTheSelectionKeepsTheRaster(t *testing.T) {
	m := newTab(t, 120, 40, false)
	m.View()
	a := m.art
	rows := &a.rows[0]
	for range 2 * len(m.nodes) {
		press(m, "j")
		m.View()
	}
	if m.art != a || &m.art.rows[0] != rows {
		t.Error("moving the selection rasterised the map again")
	}
	m.SetSize(body(120, 40))
	m.View()
	if m.art != a {
		t.Error("the same size rasterised the map again")
	}
	m.SetSize(body(121, 40))
	m.View()
	if m.art == a {
		t.Error("a new size kept the old raster")
	}
}

func TestSmallScreensGetTheList(t *testing.T) {
	m := newTab(t, 50, 16, false)
	v := ansi.Strip(m.View())
	if !strings.HasPrefix(v, "Route as text") || !strings.Contains(v, "▸ ○ Xi'an") {
		t.Errorf("50x16 must show the list:\n%s", v)
	}
	for _, l := range strings.Split(m.View(), "\n") {
		if w := ansi.StringWidth(l); w > 50 {
			t.Errorf("line %d wide: %q", w, ansi.Strip(l))
		}
	}
}

func TestEveryFrameFits(t *testing.T) {
	for _, size := range [][2]int{{40, 12}, {60, 20}, {80, 24}, {100, 30}, {120, 40}, {200, 60}} {
		for z := range views() {
			for _, ascii := range []bool{false, true} {
				m := newTab(t, size[0], size[1], ascii)
				m.setZoom(z)
				w, h := body(size[0], size[1])
				for range 3 {
					lines := strings.Split(m.View(), "\n")
					if len(lines) > h {
						t.Errorf("%dx%d zoom %d: %d lines, room for %d", size[0], size[1], z, len(lines), h)
					}
					for _, l := range lines {
						if lw := ansi.StringWidth(l); lw > w {
							t.Errorf("%dx%d zoom %d: line %d wide: %q", size[0], size[1], z, lw, ansi.Strip(l))
						}
						// The root turns text into ASCII; the map's own
						// glyphs must already be.
						if ascii && strings.ContainsAny(l, "◉●•○≥") || strings.ContainsFunc(l, func(r rune) bool { return ascii && r >= 0x2800 && r <= 0x28ff }) {
							t.Errorf("--ascii drew a map glyph: %q", ansi.Strip(l))
						}
					}
					press(m, "j")
				}
			}
		}
	}
}

func TestWithoutPlaces(t *testing.T) {
	d := *bundled(t)
	d.Places = nil
	c := &common.Common{Styles: styles.New("dark", true, false), Data: &d}
	m := New(c)
	m.SetSize(120, 36)
	press(m, "j", "z", "l")
	if v := ansi.Strip(m.View()); !strings.Contains(v, "no places in this dataset") {
		t.Errorf("no note about missing places:\n%s", v)
	}
	if _, ok := m.Selection(); ok {
		t.Error("selection without places")
	}
}

func TestGeographyIsEmbedded(t *testing.T) {
	lines, err := geography()
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[geo.Kind]int{}
	for _, l := range lines {
		kinds[l.Kind]++
		for _, p := range l.Points {
			if p.Lon < 14 || p.Lon > 121 || p.Lat < 29 || p.Lat > 56 {
				t.Fatalf("point %v outside the clip region", p)
			}
		}
	}
	if kinds[geo.Coast] == 0 || kinds[geo.Border] == 0 || kinds[geo.Land] == 0 {
		t.Errorf("kinds = %v, want coasts, borders and land", kinds)
	}
	if n := len(geoFile); n > 64<<10 {
		t.Errorf("geo.bin is %d bytes; keep it to tens of KB", n)
	}
}

// render encodes the tab's frame for a terminal of profile p.
func render(s string, p colorprofile.Profile) string {
	var b bytes.Buffer
	w := &colorprofile.Writer{Forward: &b, Profile: p}
	_, _ = w.WriteString(s)
	return b.String()
}

func TestGolden(t *testing.T) {
	type cse struct {
		name  string
		w, h  int
		ascii bool
		keys  []string
		p     colorprofile.Profile
	}
	var cases []cse
	for _, sz := range [][2]int{{80, 24}, {120, 40}, {200, 60}} {
		cases = append(cases,
			cse{"whole", sz[0], sz[1], false, nil, colorprofile.ANSI256},
			cse{"whole", sz[0], sz[1], false, nil, colorprofile.ASCII})
	}
	cases = append(cases,
		cse{"caspian", 120, 40, false, []string{"z", "z", "j", "j", "j", "j", "j", "j"}, colorprofile.ANSI256},
		cse{"caspian", 120, 40, false, []string{"z", "z", "j", "j", "j", "j", "j", "j"}, colorprofile.ASCII},
		cse{"ascii", 120, 40, true, nil, colorprofile.ASCII},
		cse{"ascii-caspian", 120, 40, true, []string{"z", "z", "j", "j", "j", "j", "j", "j"}, colorprofile.ASCII},
		cse{"list", 120, 40, false, []string{"l", "j", "j", "j"}, colorprofile.ASCII},
	)
	for _, c := range cases {
		prof := "ansi256"
		if c.p == colorprofile.ASCII {
			prof = "nocolor"
		}
		name := fmt.Sprintf("%s-%dx%d-%s", c.name, c.w, c.h, prof)
		t.Run(name, func(t *testing.T) {
			m := newTab(t, c.w, c.h, c.ascii)
			press(m, c.keys...)
			got := render(m.View(), c.p)
			if c.p == colorprofile.ASCII {
				// NO_COLOR keeps every distinction without colour: the
				// selection is reverse video, nothing else is coloured.
				if strings.Contains(got, "38;") || strings.Contains(got, "48;") {
					t.Error("NO_COLOR frame has colour")
				}
				if !strings.Contains(got, "\x1b[7") && !strings.Contains(got, ";7m") && !strings.Contains(got, ";7;") {
					t.Error("NO_COLOR frame does not mark the selection in reverse video")
				}
			}
			golden.Check(t, filepath.Join("testdata", name+".golden"), got)
		})
	}
}

// Frame cost: the first frame rasterises the map; a selection move
// (Update and View) only swaps cached rows.
func BenchmarkFirstFrame(b *testing.B) {
	for _, sz := range [][2]int{{120, 40}, {200, 60}} {
		b.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(b *testing.B) {
			bundled(b)
			for b.Loop() {
				m := newTab(b, sz[0], sz[1], false)
				_ = m.View()
			}
		})
	}
}

func BenchmarkSelectionMove(b *testing.B) {
	for _, sz := range [][2]int{{120, 40}, {200, 60}} {
		for _, z := range []int{0, 2} {
			b.Run(fmt.Sprintf("%dx%d-zoom%d", sz[0], sz[1], z), func(b *testing.B) {
				m := newTab(b, sz[0], sz[1], false)
				m.setZoom(z)
				// Visit every place once so each pane is drawn, as after a
				// few seconds of use.
				for range len(m.nodes) {
					press(m, "j")
					_ = m.View()
				}
				j := keyMsg("j")
				for b.Loop() {
					m.Update(j)
					_ = m.View()
				}
			})
		}
	}
}

func BenchmarkZoom(b *testing.B) {
	m := newTab(b, 120, 40, false)
	z := keyMsg("z")
	for b.Loop() {
		m.Update(z)
		_ = m.View()
	}
}

// A growth computed from a bound (">100k TEU") would be a guess: it is
// not shown.
func TestNoGrowthFromABound(t *testing.T) {
	m := newTab(t, 120, 40, false)
	for _, n := range m.nodes {
		for _, f := range n.figs {
			if f.reported == nil && f.growth != "" && bound(f.point.Observation) {
				t.Errorf("%s %s %s: growth %s computed from a bound", n.place.ID, f.label, model.PointText(f.point), f.growth)
			}
		}
	}
	for m.Cursor() != "alat" {
		press(m, "j")
	}
	if v := ansi.Strip(m.View()); strings.Contains(v, ">100k TEU 2025 ~") {
		t.Errorf("Alat's containers, a lower bound, show a growth:\n%s", v)
	}
}

func TestClickSelectsFromTheListUnderTheMap(t *testing.T) {
	m := newTab(t, 120, 40, false)
	lines := strings.Split(ansi.Strip(m.View()), "\n")
	for y, l := range lines {
		if strings.HasPrefix(l, "  ● Batumi") {
			m.Update(tea.MouseClickMsg{X: 4, Y: y, Button: tea.MouseLeft})
			if m.Cursor() != "batumi" {
				t.Errorf("click on Batumi's list row selected %q", m.Cursor())
			}
			return
		}
	}
	t.Fatalf("no Batumi row under the map:\n%s", strings.Join(lines, "\n"))
}

// A place's figure more than a year behind the newest on the map is
// marked stale in the pane and the list.
func TestStaleFiguresAreMarked(t *testing.T) {
	m := newTab(t, 120, 40, false)
	for m.Cursor() != "poti" {
		press(m, "j")
	}
	if v := ansi.Strip(m.View()); !strings.Contains(v, "2022"+model.GlyphStale) {
		t.Errorf("Poti's 2022 cargo is not marked stale:\n%s", v)
	}
}
