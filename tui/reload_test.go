package tui

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"corridor/data"
)

func TestReloadSwapsDataAndBadEditKeepsIt(t *testing.T) {
	a := newApp(t, 120, 40, WithOrigin("data from /srv/corridor", true))
	press(a, "2")
	good := bundled(t)
	bad := data.Errors{
		{File: "observations.csv", Line: 12, Column: 4, Field: "period", Msg: `month "13" is not 01–12`},
		{File: "observations.csv", Line: 13, Column: 7, Msg: "unknown unit"},
	}
	a.Update(DataMsg{Err: bad, At: time.Now()})
	f := ansi.Strip(a.Render())
	if !strings.Contains(f, `data error: observations.csv:12:4: period: month "13"`) || !strings.Contains(f, "(and 1 more)") {
		t.Errorf("no banner for a bad edit:\n%s", f)
	}
	if !strings.Contains(f, "Port of Baku") {
		t.Errorf("the last good data must stay on screen:\n%s", f)
	}
	checkFrame(t, a.Render(), 120, 40, "banner")
	at := time.Date(2026, 11, 22, 9, 30, 0, 0, time.UTC)
	a.Update(DataMsg{Data: good, At: at, Changes: 3})
	f = ansi.Strip(a.Render())
	if strings.Contains(f, "data error") || !strings.Contains(f, "data reloaded (3 changes)") {
		t.Errorf("a good reload should clear the banner and say so:\n%s", f)
	}
	if a.Active() != "ports" {
		t.Errorf("reload changed the tab to %s", a.Active())
	}
	a.Update(clearNoticeMsg{gen: a.notice.gen})
	if f := ansi.Strip(a.Render()); !strings.Contains(f, "loaded 09:30:00") {
		t.Errorf("status bar should say when data was loaded:\n%s", f)
	}
	a.Update(DataMsg{Err: errors.New("watching: too many open files")})
	if f := ansi.Strip(a.Render()); !strings.Contains(f, "too many open files") {
		t.Errorf("watch errors are shown too:\n%s", f)
	}
}
