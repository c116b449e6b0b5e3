package citecopy

import (
	"reflect"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"corridor/model"
)

// y sends the citation's text through OSC 52 first, then the notice that
// says it was sent (not that it arrived) and how to get it otherwise.
func TestCmdSendsTheCitationThenSaysSo(t *testing.T) {
	p, _ := model.ParsePeriod("2024")
	d := &model.Dataset{
		Sources:      []model.Source{{ID: "stat-1", Title: "Port statistics", Publisher: "Statistics Office", Standing: model.Official}},
		Ports:        []model.Port{{ID: "baku", Name: "Port of Baku"}},
		Observations: []model.Observation{{ID: "o-1", Subject: "baku", Metric: "cargo", Period: p, Value: 7.6e6, Unit: "tonnes", Kind: model.Actual, Source: "stat-1"}},
	}
	d.Index()
	c, ok := d.CiteObservation("o-1", model.Provenance{Program: "v1", Data: "abc"})
	if !ok {
		t.Fatal("no citation")
	}
	msg := Cmd(c)()
	seq := reflect.ValueOf(msg)
	if seq.Kind() != reflect.Slice || seq.Len() != 2 {
		t.Fatalf("Cmd gives %T, want a sequence of two commands", msg)
	}
	clip := seq.Index(0).Interface().(tea.Cmd)()
	if want := tea.SetClipboard(c.Text())(); !reflect.DeepEqual(clip, want) {
		t.Errorf("first message %#v, want the clipboard set to the citation text", clip)
	}
	sent, ok := seq.Index(1).Interface().(tea.Cmd)().(SentMsg)
	if !ok {
		t.Fatal("second message is not SentMsg")
	}
	for _, want := range []string{"sent", "OSC 52", "corridor cite o-1"} {
		if !strings.Contains(sent.Notice, want) {
			t.Errorf("notice %q lacks %q", sent.Notice, want)
		}
	}
	if strings.Contains(sent.Notice, "copied") {
		t.Errorf("notice %q claims a copy nobody can confirm", sent.Notice)
	}
	if !strings.Contains(c.Text(), "7,600,000 tonnes") {
		t.Errorf("citation text: %s", c.Text())
	}
}
