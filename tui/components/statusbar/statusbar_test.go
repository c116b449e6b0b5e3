package statusbar

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"corridor/tui/styles"
)

func view(w int, s State) string {
	m := New(styles.New("dark", true, false))
	m.SetSize(w)
	m.Set(s)
	return ansi.Strip(m.View())
}

var full = State{Origin: "bundled data", Counts: "880 figures", Legend: "≠ sources disagree"}

func TestOriginCountsAndLegend(t *testing.T) {
	got := view(100, full)
	if !strings.HasPrefix(got, "bundled data · 880 figures") || !strings.HasSuffix(got, "≠ sources disagree") {
		t.Fatalf("status = %q", got)
	}
	if w := ansi.StringWidth(got); w != 100 {
		t.Fatalf("status is %d wide, want the legend flush right at 100", w)
	}
}

func TestNarrowDropsTheLegendFirst(t *testing.T) {
	got := view(30, full)
	if strings.Contains(got, "disagree") || !strings.HasPrefix(got, "bundled data") {
		t.Fatalf("status at 30 = %q: want the origin kept and the legend dropped", got)
	}
}

func TestNoticeReplacesTheLine(t *testing.T) {
	s := full
	s.Notice = "saved /tmp/x.svg"
	if got := view(100, s); got != "saved /tmp/x.svg" {
		t.Fatalf("status = %q, want only the notice", got)
	}
}

func TestBadgesShowInEveryState(t *testing.T) {
	s := full
	s.Badges = JoinBadges("FROZEN", "", "FILTER 3/16")
	if got := view(100, s); !strings.HasPrefix(got, " FROZEN   FILTER 3/16  bundled data") {
		t.Fatalf("status = %q, want the FROZEN and FILTER badges first", got)
	}
	s.Notice = "saved"
	if got := view(100, s); !strings.HasPrefix(got, " FROZEN   FILTER 3/16  saved") {
		t.Fatalf("status with a notice = %q, want the badge kept", got)
	}
}

func TestBannerStaysAboveTheLine(t *testing.T) {
	s := full
	s.Banner = "data error: observations.csv:3:5: bad value"
	got := strings.Split(view(100, s), "\n")
	if len(got) != 2 || !strings.HasPrefix(got[0], "data error: observations.csv:3:5") || !strings.HasPrefix(got[1], "bundled data") {
		t.Fatalf("status = %q, want banner then status line", got)
	}
}

func TestRedrawFollowsState(t *testing.T) {
	m := New(styles.New("dark", true, false))
	m.SetSize(80)
	m.Set(full)
	a := m.View()
	s := full
	s.Counts = "881 figures"
	m.Set(s)
	if b := m.View(); a == b || !strings.Contains(ansi.Strip(b), "881 figures") {
		t.Fatalf("changed counts not drawn: %q", ansi.Strip(b))
	}
}
