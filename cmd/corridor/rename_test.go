package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"corridor/data"
	"corridor/model"
	"corridor/tui"
)

// subjectColumns are the columns that hold a port, project or subject id.
// A column missed here would leave a reference to an old id, and the
// renamed directory would not load.
var subjectColumns = map[string][]string{
	data.SubjectsFile:     {"id"},
	data.PortsFile:        {"id"},
	data.ProjectsFile:     {"id"},
	data.ObservationsFile: {"subject"},
	data.HeadlinesFile:    {"subject"},
	data.ChartsFile:       {"subject"},
	data.PlacesFile:       {"subject"},
}

const renamed = "x-"

// renameSubjects takes the bundle with init-data and prefixes every
// subject id, in every file that names one.
func renameSubjects(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if out, errs, code := runCLI(t, "init-data", dir); code != 0 {
		t.Fatalf("init-data: exit %d\n%s%s", code, out, errs)
	}
	for _, f := range data.Files() {
		cols := subjectColumns[f]
		path := filepath.Join(dir, f)
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if len(cols) == 0 {
			continue
		}
		recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cols {
			i := indexOf(recs[0], c)
			if i < 0 {
				t.Fatalf("%s has no column %q", f, c)
			}
			for _, r := range recs[1:] {
				r[i] = renamed + r[i]
			}
		}
		var buf bytes.Buffer
		w := csv.NewWriter(&buf)
		if err := w.WriteAll(recs); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func indexOf(xs []string, x string) int {
	for i, v := range xs {
		if v == x {
			return i
		}
	}
	return -1
}

// An analyst's own data with other ids shows what the bundle shows: the
// views take their subjects from the dataset's declarations, not from
// ids written into the code. Every tab at several sizes, stepping
// through its rows with and without the source pane, in briefing mode,
// and every export view in every format.
func TestRenamedSubjectsShowTheSameFigures(t *testing.T) {
	dir := renameSubjects(t)
	base, err := data.Origin{}.Load()
	if err != nil {
		t.Fatal(err)
	}
	other, err := data.Origin{Dir: dir}.Load()
	if err != nil {
		t.Fatalf("renamed data does not load (a subject column missed?):\n%v", err)
	}
	if other.HasSubject("titr") || !other.HasSubject(renamed+"titr") {
		t.Fatal("the subjects were not renamed")
	}
	now := time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC)

	t.Run("frames", func(t *testing.T) {
		t.Parallel()
		for _, tab := range tui.TabNames() {
			for _, size := range [][2]int{{80, 24}, {120, 40}, {200, 60}} {
				for _, present := range []bool{false, true} {
					opts := []tui.Option{tui.WithNow(now), tui.WithOrigin("data", true)}
					if present {
						opts = append(opts, tui.WithPresent(0))
					}
					want := tui.Frame(base, tab, size[0], size[1], opts...)
					got := tui.Frame(other, tab, size[0], size[1], opts...)
					if got != want {
						t.Errorf("%s %dx%d present=%v differs:\n--- renamed\n%s\n--- bundle\n%s", tab, size[0], size[1], present, got, want)
					}
				}
			}
		}
		// The comparison is only worth something if the bundle's frames
		// show the figures the declarations pick.
		for tab, must := range map[string][]string{
			"overview": {"Khorgos/Dostyk", "Alashankou 8165 trains", "TITR ports 3.3M t", "volume 4.119M t 2025", "Middle Corridor volume by year"},
			"transit":  {"Middle Corridor volume", "Georgian Railway", "BTK railway"},
		} {
			f := ansi.Strip(tui.Frame(other, tab, 200, 60, tui.WithNow(now)))
			for _, s := range must {
				if !strings.Contains(f, s) {
					t.Errorf("%s frame on renamed data lacks %q:\n%s", tab, s, f)
				}
			}
		}
		if f := ansi.Strip(tui.Frame(other, "overview", 200, 60, tui.WithNow(now), tui.WithPresent(0))); !strings.Contains(f, "Container block trains") {
			t.Errorf("briefing panel lacks its declared label:\n%s", f)
		}
	})

	t.Run("every row", func(t *testing.T) {
		t.Parallel()
		rows := 40
		if raceEnabled {
			rows = 15 // the plain run walks all 40
		}
		for _, tab := range tui.TabNames() {
			a, b := session(t, base, tab, now), session(t, other, tab, now)
			for step := range rows {
				for _, pane := range []bool{false, true} {
					if pane {
						a.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
						b.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
					}
					if got, want := b.Render(), a.Render(); got != want {
						t.Fatalf("%s row %d pane=%v differs:\n--- renamed\n%s\n--- bundle\n%s", tab, step, pane, got, want)
					}
					if pane {
						a.Update(tea.KeyPressMsg{Code: tea.KeyEscape})
						b.Update(tea.KeyPressMsg{Code: tea.KeyEscape})
					}
				}
				a.Update(tea.KeyPressMsg{Code: tea.KeyDown})
				b.Update(tea.KeyPressMsg{Code: tea.KeyDown})
			}
		}
	})

	t.Run("export", func(t *testing.T) {
		t.Parallel()
		for _, view := range data.ExportViews() {
			for _, format := range data.ExportFormats() {
				want, errs, code := runCLI(t, "export", "--view", view, "--format", format)
				if code != 0 {
					t.Fatalf("export %s %s: %s", view, format, errs)
				}
				got, errs, code := runCLI(t, "export", "--data", dir, "--view", view, "--format", format)
				if code != 0 {
					t.Fatalf("export --data %s %s: %s", view, format, errs)
				}
				if !sameExport(t, format, idColumn[view], got, want) {
					t.Errorf("export %s %s differs on renamed data:\n--- renamed\n%.2000s\n--- bundle\n%.2000s", view, format, got, want)
				}
			}
		}
		// The transit export is the tab's figures: non-empty, and only the
		// declared series' subjects.
		rows, err := data.ExportRows(other, "transit")
		if err != nil {
			t.Fatal(err)
		}
		obs := rows.([]data.ObservationRow)
		declared := map[string]bool{}
		for _, c := range other.ChartsOf(model.ViewTransit) {
			declared[c.Subject] = true
		}
		if len(obs) == 0 {
			t.Fatal("no transit rows")
		}
		for _, r := range obs {
			if !declared[r.Subject] {
				t.Errorf("transit export has %s, which no transit chart declares", r.Subject)
			}
		}
	})
}

// session is a program on ds showing tab at 120x40, loaded the way the
// dashboard loads (Init's command), without a terminal.
func session(t *testing.T, ds *model.Dataset, tab string, now time.Time) *tui.App {
	t.Helper()
	a := tui.New(tui.WithDataset(ds), tui.WithTab(tab), tui.WithoutBackgroundQuery(), tui.WithNow(now), tui.WithOrigin("data", true))
	var run func(tea.Cmd)
	run = func(c tea.Cmd) {
		if c == nil {
			return
		}
		switch msg := c().(type) {
		case tea.BatchMsg:
			for _, c := range msg {
				run(c)
			}
		default:
			a.Update(msg)
		}
	}
	run(a.Init())
	a.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	if a.Err() != nil {
		t.Fatal(a.Err())
	}
	return a
}

// idColumn is the export column holding a subject id, by view: a figure's
// subject, or the project itself.
var idColumn = map[string]string{"ports": "subject", "transit": "subject", "energy": "id"}

// sameExport compares an export of the renamed data with the bundle's,
// after mapping the subject ids in column col back.
func sameExport(t *testing.T, format, col, got, want string) bool {
	t.Helper()
	switch format {
	case "csv":
		g, err := csv.NewReader(strings.NewReader(got)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		w, err := csv.NewReader(strings.NewReader(want)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if i := indexOf(g[0], col); i >= 0 && col != "" {
			for _, r := range g[1:] {
				r[i] = unrename(t, r[i])
			}
		}
		return reflect.DeepEqual(g, w)
	case "json":
		var g, w map[string]any
		if err := json.Unmarshal([]byte(got), &g); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal([]byte(want), &w); err != nil {
			t.Fatal(err)
		}
		for _, r := range g["rows"].([]any) {
			if row := r.(map[string]any); col != "" {
				row[col] = unrename(t, row[col].(string))
			}
		}
		return reflect.DeepEqual(g, w)
	}
	return got == want // markdown leaves ids out
}

func unrename(t *testing.T, id string) string {
	t.Helper()
	s, ok := strings.CutPrefix(id, renamed)
	if !ok {
		t.Errorf("exported subject %q was not renamed", id)
	}
	return s
}
