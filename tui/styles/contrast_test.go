package styles

import (
	"fmt"
	"image/color"
	"math"
	"reflect"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
)

// luminance is WCAG 2's relative luminance of c.
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		x := float64(v>>8) / 255
		if x <= 0.03928 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// contrast is WCAG 2's contrast ratio of two colours, 1 to 21.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// pageBackgrounds are the terminal backgrounds a theme's text without a
// background of its own is checked on: the common defaults (xterm and
// GitHub dark, VS Code, One Dark; white, GitHub light, Solarized light).
// High contrast asks the terminal for black.
func pageBackgrounds(theme string) []string {
	switch theme {
	case "light":
		return []string{"#FFFFFF", "#F6F8FA", "#FDF6E3"}
	case "high-contrast":
		return []string{"#000000"}
	}
	return []string{"#000000", "#0D1117", "#1E1E1E", "#282C34"}
}

// decorative styles draw rules and gaps that carry no information; they
// are left out of the contrast check on purpose.
var decorative = map[string]bool{"Rule": true, "TabGap": true}

// glyphs are styles that only ever draw marks (bars, arrows, chart
// lines), held to WCAG's 3:1 for graphics rather than 4.5:1 for text.
var glyphs = map[string]bool{"Bar": true, "BarPlan": true, "Arrow": true}

type pair struct {
	name   string
	fg, bg color.Color
	glyph  bool
}

// pairs lists every foreground/background pair the styles draw: each
// lipgloss.Style field (the footer's help styles included) on its own
// background, or on each page background when it has none, and the
// chart colours.
func pairs(t *testing.T, theme string, s *Styles) []pair {
	var out []pair
	var pages []color.Color
	for _, h := range pageBackgrounds(theme) {
		pages = append(pages, lipgloss.Color(h))
	}
	add := func(name string, st lipgloss.Style) {
		if decorative[name] {
			return
		}
		fg, bg := st.GetForeground(), st.GetBackground()
		_, noFg := fg.(lipgloss.NoColor)
		_, noBg := bg.(lipgloss.NoColor)
		if st.GetReverse() && (noFg || noBg) {
			t.Errorf("%s %s: reverse video without both colours set draws the terminal's own colours", theme, name)
		}
		if noFg {
			return
		}
		if !noBg {
			out = append(out, pair{name, fg, bg, glyphs[name]})
			return
		}
		for i, p := range pages {
			out = append(out, pair{fmt.Sprintf("%s on page %s", name, pageBackgrounds(theme)[i]), fg, p, glyphs[name]})
		}
	}
	var walk func(prefix string, v reflect.Value)
	walk = func(prefix string, v reflect.Value) {
		for i := range v.NumField() {
			f, name := v.Field(i), prefix+v.Type().Field(i).Name
			switch x := f.Interface().(type) {
			case lipgloss.Style:
				add(name, x)
			default:
				if f.Kind() == reflect.Struct {
					walk(name+".", f)
				}
			}
		}
	}
	walk("", reflect.ValueOf(*s))
	// Charts draw with the styles above (their lines and marks are
	// glyphs), so the walk has already held them to 3:1.
	return out
}

// TestContrast holds every theme to WCAG AA: 4.5:1 for text (the
// selected row, muted text, plan figures, the footer), 3:1 for glyphs
// (bars, chart lines), in true colour and after the 256-colour
// conversion a 256-colour terminal gets. 16-colour terminals use their
// own palette, which no theme can know.
func TestContrast(t *testing.T) {
	for _, theme := range []string{"dark", "light", "high-contrast"} {
		s := New(theme, true, false)
		ps := pairs(t, theme, s)
		if len(ps) < 30 {
			t.Fatalf("%s: only %d pairs found; the walk over Styles is broken", theme, len(ps))
		}
		for _, p := range ps {
			want := 4.5
			if p.glyph {
				want = 3
			}
			if got := contrast(p.fg, p.bg); got < want {
				t.Errorf("%s %s: contrast %.2f:1, want at least %.1f:1", theme, p.name, got, want)
			}
			fg, bg := colorprofile.ANSI256.Convert(p.fg), colorprofile.ANSI256.Convert(p.bg)
			if got := contrast(fg, bg); got < want {
				t.Errorf("%s %s in 256 colours: contrast %.2f:1, want at least %.1f:1", theme, p.name, got, want)
			}
		}
	}
}

// The selected row is read against its own background in every theme;
// the issue it fixes was white on #DDF4FF in the light theme.
func TestSelectionHasItsOwnColours(t *testing.T) {
	for _, theme := range Themes() {
		for _, dark := range []bool{true, false} {
			s := New(theme, dark, false)
			fg, bg := s.Selected.GetBackground(), s.Selected.GetForeground() // reverse swaps them back
			if _, ok := fg.(lipgloss.NoColor); ok {
				t.Fatalf("%s: the selection has no foreground", theme)
			}
			if c := contrast(fg, bg); c < 4.5 {
				t.Errorf("%s (dark %v): selected text %.2f:1 on its background", theme, dark, c)
			}
		}
	}
}

func TestContrastRatioKnownValues(t *testing.T) {
	c := lipgloss.Color
	for _, k := range []struct {
		a, b string
		want float64
	}{{"#000000", "#FFFFFF", 21}, {"#777777", "#FFFFFF", 4.48}, {"#FFFFFF", "#FFFFFF", 1}} {
		if got := contrast(c(k.a), c(k.b)); math.Abs(got-k.want) > 0.01 {
			t.Errorf("contrast(%s, %s) = %.3f, want %.2f", k.a, k.b, got, k.want)
		}
	}
}
