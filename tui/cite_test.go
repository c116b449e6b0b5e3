package tui

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"corridor/model"
	"corridor/tui/components/citecopy"
	"corridor/tui/components/sourcepane"
)

// y on the Overview's selected card sends that figure's citation, with
// its source and the program's and data's versions, and says it was
// sent rather than copied.
func TestCiteSendsTheSelectionsCitation(t *testing.T) {
	a := newApp(t, 120, 40, WithProgramVersion("v9"))
	sel, ok := a.activeTab().Selection()
	if !ok || len(sel.Observations) == 0 {
		t.Fatal("the overview selects nothing to cite")
	}
	var text string
	var notice string
	for _, m := range flatten(press(a, "y")) {
		if v := reflect.ValueOf(m); v.Kind() == reflect.String && v.Type().Name() == "setClipboardMsg" {
			text = v.String()
		}
		if s, ok := m.(citecopy.SentMsg); ok {
			notice = s.Notice
			a.Update(m)
		}
	}
	o := sel.Observations[0]
	src, _ := a.c.Data.Source(o.Source)
	for _, want := range []string{src.Publisher, "corridor v9", "data " + a.c.Data.Version} {
		if !strings.Contains(text, want) {
			t.Errorf("citation lacks %q:\n%s", want, text)
		}
	}
	if !strings.Contains(notice, "sent to your terminal") || !strings.Contains(ansi.Strip(a.Render()), "sent to your terminal") {
		t.Errorf("notice %q should say the citation was sent, and show", notice)
	}
}

// A reload's notice names the key that lists the changes; the key opens
// the list with each change and esc closes it.
func TestReloadListOpensFromTheNotice(t *testing.T) {
	a := newApp(t, 120, 40)
	old := a.c.Data
	edited := *old
	edited.Observations = append([]model.Observation(nil), old.Observations...)
	edited.Observations[0].Value++
	edited.Index()
	report := model.Compare(old, &edited)
	if report.Rows() != 1 {
		t.Fatalf("fixture: %d changes, want 1", report.Rows())
	}
	a.Update(DataMsg{Data: &edited, At: time.Now(), Changes: 1, Report: report})
	f := ansi.Strip(a.Render())
	if !strings.Contains(f, "data reloaded (1 change") || !strings.Contains(f, "n lists") {
		t.Fatalf("notice does not say how to list the changes:\n%s", f)
	}
	if !a.c.Changed[edited.Observations[0].ID] {
		t.Error("the changed figure is not marked as new")
	}
	a.pane.Open(model.Selection{Title: "edited", Observations: edited.Observations[:1]})
	if v := ansi.Strip(a.pane.View()); !strings.Contains(v, "new in the last reload "+model.GlyphNew) {
		t.Errorf("the sources pane does not mark the changed figure:\n%s", v)
	}
	press(a, "n")
	f = ansi.Strip(a.Render())
	if !strings.Contains(f, edited.Observations[0].ID) && !strings.Contains(f, "changed") {
		t.Fatalf("the list does not show the change:\n%s", f)
	}
	press(a, "esc")
	if a.changesOpen {
		t.Fatal("esc did not close the list")
	}
}

// In the sources pane y cites the entry under the cursor (its figure,
// with that figure's own source), and the notice says it was sent.
func TestPaneCitesTheSelectedEntry(t *testing.T) {
	a := newApp(t, 120, 40, WithProgramVersion("v9"))
	press(a, "enter")
	if !a.paneOpen {
		t.Fatal("enter did not open the sources pane")
	}
	var text string
	for _, m := range flatten(press(a, "y")) {
		if c, ok := m.(sourcepane.CiteMsg); ok {
			for _, m2 := range flatten(a.citeItem(c.Item, c.ID)) {
				if v := reflect.ValueOf(m2); v.Kind() == reflect.String && v.Type().Name() == "setClipboardMsg" {
					text = v.String()
				}
				if s, ok := m2.(citecopy.SentMsg); ok {
					a.Update(s)
					if !strings.Contains(s.Notice, "citation of "+c.ID) {
						t.Errorf("notice %q does not name %s", s.Notice, c.ID)
					}
				}
			}
		}
	}
	if !strings.Contains(text, "corridor v9") || !strings.Contains(text, "retrieved") {
		t.Errorf("citation from the pane lacks the version or the retrieval date:\n%s", text)
	}
}
