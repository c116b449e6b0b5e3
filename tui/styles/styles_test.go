package styles

import (
	"fmt"
	"image/color"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"corridor/tui/internal/golden"
)

func TestNewPicksTheTheme(t *testing.T) {
	for _, c := range []struct {
		theme        string
		isDark       bool
		wantDark, hc bool
	}{
		{"auto", true, true, false},
		{"auto", false, false, false},
		{"dark", false, true, false},
		{"light", true, false, false},
		{"high-contrast", false, true, true},
	} {
		s := New(c.theme, c.isDark, false)
		if s.Theme != c.theme || s.IsDark != c.wantDark || s.HighContrast != c.hc || s.ASCII {
			t.Errorf("New(%q, %v): theme %q dark %v high-contrast %v ascii %v", c.theme, c.isDark, s.Theme, s.IsDark, s.HighContrast, s.ASCII)
		}
	}
	for _, th := range Themes() {
		if New(th, true, false) == New(th, true, false) {
			t.Errorf("%s: New returned shared styles; each program needs its own", th)
		}
	}
}

func sameColor(a, b color.Color) bool {
	if a == nil || b == nil {
		return a == b
	}
	r1, g1, b1, a1 := a.RGBA()
	r2, g2, b2, a2 := b.RGBA()
	return r1 == r2 && g1 == g2 && b1 == b2 && a1 == a2
}

// Meaning must survive NO_COLOR and a projector: the cursor is reverse
// video, plan figures are italic, the selected card has its own border.
func TestMeaningWithoutColour(t *testing.T) {
	for _, th := range Themes() {
		s := New(th, true, false)
		if !s.Selected.GetReverse() {
			t.Errorf("%s: the selected row is not reverse video", th)
		}
		if !s.Forecast.GetItalic() || !s.Target.GetItalic() || s.Value.GetItalic() {
			t.Errorf("%s: forecast/target should be italic and values not", th)
		}
		if s.CardSel.GetBorderStyle() == s.Card.GetBorderStyle() {
			t.Errorf("%s: the selected card's border is the same as the others'", th)
		}
		if sameColor(s.Forecast.GetForeground(), s.Value.GetForeground()) {
			t.Errorf("%s: forecast drawn in the value's colour", th)
		}
	}
}

func TestLightAndDarkDiffer(t *testing.T) {
	d, l := DefaultStyles(true), DefaultStyles(false)
	if sameColor(d.Cell.GetForeground(), l.Cell.GetForeground()) || sameColor(d.Muted.GetForeground(), l.Muted.GetForeground()) {
		t.Error("light and dark themes draw text in the same colour")
	}
}

func TestASCIIBorders(t *testing.T) {
	for _, th := range Themes() {
		s := New(th, true, true)
		if !s.ASCII {
			t.Errorf("%s: ASCII not set", th)
		}
		for name, st := range map[string]lipgloss.Style{"Box": s.Box, "Card": s.Card, "CardSel": s.CardSel, "Pane": s.Pane, "ErrorBox": s.ErrorBox} {
			out := ansi.Strip(st.Render("x"))
			for _, r := range out {
				if r > 0x7e {
					t.Errorf("%s %s: %q is not ASCII:\n%s", th, name, r, out)
					break
				}
			}
		}
	}
	if out := ansi.Strip(New("dark", true, false).Box.Render("x")); !strings.Contains(out, "╭") {
		t.Errorf("without --ascii the box should be rounded:\n%s", out)
	}
}

// specimen draws one line per style and the bordered styles, the way a
// reviewer checks a theme.
func specimen(s *Styles) string {
	named := []struct {
		name string
		st   lipgloss.Style
	}{
		{"Brand", s.Brand}, {"Tab", s.Tab}, {"ActiveTab", s.ActiveTab}, {"Title", s.Title}, {"Heading", s.Heading},
		{"Muted", s.Muted}, {"Accent", s.Accent}, {"Value", s.Value}, {"BigValue", s.BigValue}, {"Good", s.Good},
		{"Bad", s.Bad}, {"Warn", s.Warn}, {"Forecast", s.Forecast}, {"Target", s.Target}, {"Capacity", s.Capacity},
		{"Derived", s.Derived}, {"Disputed", s.Disputed}, {"Selected", s.Selected}, {"Header", s.Header},
		{"Cell", s.Cell}, {"Bar", s.Bar}, {"BarPlan", s.BarPlan}, {"Filter", s.Filter}, {"Link", s.Link}, {"StatusBar", s.StatusBar},
		{"StatusKey", s.StatusKey}, {"Badge", s.Badge}, {"Notice", s.Notice},
	}
	var b strings.Builder
	for _, n := range named {
		fmt.Fprintf(&b, "%-10s %s\n", n.name, n.st.Render("4.5M t 2024"))
	}
	boxes := []string{s.Box.Render("Box"), s.Card.Render("Card"), s.CardSel.Render("CardSel"), s.Pane.Render("Pane"), s.ErrorBox.Render("Error")}
	b.WriteString(lipgloss.JoinHorizontal(lipgloss.Top, boxes...))
	return b.String()
}

func TestSpecimenGolden(t *testing.T) {
	for _, c := range []struct {
		name string
		s    *Styles
	}{
		{"dark", New("dark", true, false)},
		{"light", New("light", true, false)},
		{"high-contrast", New("high-contrast", true, false)},
		{"dark-ascii-borders", New("dark", true, true)},
	} {
		for _, p := range golden.Profiles() {
			t.Run(c.name+"-"+p.Name, func(t *testing.T) {
				golden.RequireEqual(t, p.Encode(specimen(c.s)))
			})
		}
	}
}
