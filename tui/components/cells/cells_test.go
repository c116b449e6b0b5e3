package cells

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"corridor/tui/internal/golden"
)

func TestWidthMatchesAnsi(t *testing.T) {
	for _, s := range []string{
		"", "plain", "\x1b[1;38;5;33mbold\x1b[0m", "── 2024 ──", "Türkiye · Baku–Tbilisi–Kars ≠ †",
		"Контейнерные перевозки", "中文", "emoji 🚂", "e\u0301", "\x1b]8;;http://x\x07link\x1b]8;;\x07",
		"▁▂▃█░ ◂▸ ●◐○◌ ┊ ╭─╮", "soft\u00adhyphen", "tab\tx", "€3.5B ×2", "⠀⠂⣿⢸ map ◉•",
	} {
		if got, want := Width(s), ansi.StringWidth(s); got != want {
			t.Errorf("Width(%q) = %d, ansi says %d", s, got, want)
		}
	}
}

func BenchmarkWidth(b *testing.B) {
	line := "\x1b[1m── 2024 ──────────────────────\x1b[0m Baku–Tbilisi–Kars railway · Azerbaijan, Georgia, Türkiye"
	b.Run("fast", func(b *testing.B) {
		for b.Loop() {
			Width(line)
		}
	})
	b.Run("ansi", func(b *testing.B) {
		for b.Loop() {
			ansi.StringWidth(line)
		}
	})
}

func TestASCIIKeepsWidthAndColour(t *testing.T) {
	for _, s := range []string{
		"╭──╮ Türkiye ≠ 4.5M t† · ▁▂█ → Контейнер\x1b[1;38;5;33mbold\x1b[0m €3.5B 中文",
		"┊◂█░▸ ● ◐ ○ ◌ ✕ — – …",
	} {
		got := ASCII(s)
		for i := 0; i < len(got); i++ {
			if got[i] > 0x7e {
				t.Fatalf("byte %#x left in %q", got[i], got)
			}
		}
		if Width(got) != Width(s) {
			t.Errorf("width %d → %d: %q", Width(s), Width(got), got)
		}
		if !strings.Contains(got, "\x1b[1;38;5;33m") && strings.Contains(s, "\x1b[1;38;5;33m") {
			t.Errorf("colour sequence lost: %q", got)
		}
	}
}

func TestTruncatePadFit(t *testing.T) {
	bold := "\x1b[1mTürkiye\x1b[m"
	if got := Truncate(bold, 10, "…"); got != bold {
		t.Errorf("a line that fits changed: %q", got)
	}
	if got := ansi.Strip(Truncate(bold, 5, "…")); got != "Türk…" {
		t.Errorf("Truncate to 5 = %q, want Türk…", got)
	}
	if got := Pad(bold, 9); ansi.Strip(got) != "Türkiye  " || !strings.HasPrefix(got, "\x1b[1m") {
		t.Errorf("Pad to 9 = %q", got)
	}
	if got := ansi.Strip(Pad("Baku–Tbilisi", 4)); got != "Baku" {
		t.Errorf("Pad cuts: %q", got)
	}
	if got := Fit("one\ntwo two\nthree", 3, 2); got != "one\ntwo" {
		t.Errorf("Fit(3, 2) = %q", got)
	}
	if got := Fit("a\nb\nc", 5, -1); got != "a\nb\nc" {
		t.Errorf("Fit with no height limit = %q", got)
	}
}

func TestColumns(t *testing.T) {
	got := Columns(" | ", []string{"left\nside\nlonger line", "right\nshort"}, []int{6, 4})
	want := "left   | righ\nside   | shor\nlonger | "
	if got != want {
		t.Errorf("Columns =\n%q\nwant\n%q", got, want)
	}
}

// A styled two-column block as tabs build them, in --ascii and not, in
// both profiles.
func TestColumnsGolden(t *testing.T) {
	left := "\x1b[1;38;2;88;166;255m── 2024 ──────\x1b[m\nBaku–Tbilisi–Kars ≠ \x1b[3m850 km†\x1b[m\n\x1b[7mÜrümçi → Aktau\x1b[m"
	right := "\x1b[38;2;139;148;158mTürkiye · Azərbaycan\x1b[m\n▁▂▃▅█ ◂█░▸"
	for _, ascii := range []bool{false, true} {
		for _, p := range golden.Profiles() {
			name := p.Name
			if ascii {
				name = "ascii-glyphs-" + name
			}
			t.Run(name, func(t *testing.T) {
				out := Columns("  ", []string{left, right}, []int{22, 16})
				if ascii {
					out = ASCII(out)
				}
				for i, l := range strings.Split(out, "\n") {
					if w := Width(l); w > 22+2+16 {
						t.Errorf("line %d is %d wide", i, w)
					}
				}
				golden.RequireEqual(t, p.Encode(out))
			})
		}
	}
}

func TestOverlayKeepsTheCellsAroundTheBox(t *testing.T) {
	base := "\x1b[31mred red red red\x1b[m\nplain text here!\nthird"
	got := Overlay(base, "[AB]\n[CD]", 4, 1)
	lines := strings.Split(ansi.Strip(got), "\n")
	want := []string{"red red red red", "plai[AB]xt here!", "thir[CD]"}
	for i := range want {
		if lines[i] != want[i] {
			t.Errorf("line %d = %q, want %q", i, lines[i], want[i])
		}
	}
	if !strings.Contains(got, "\x1b[m[AB]") {
		t.Errorf("the box must start from reset styles: %q", got)
	}
}

func TestHighlightKeepsStylesAndText(t *testing.T) {
	for _, c := range []struct{ s, q, want string }{
		{"Port of Baku", "baku", "Port of [Baku]"},
		{"\x1b[31mTürkiye\x1b[m and türkiye", "TÜRK", "\x1b[31m[Türk]iye\x1b[m and [türk]iye"},
		{"Georgia", "x", "Georgia"},
		{"aaa", "a", "[a][a][a]"},
		{"ends in q\x1b[m", "q", "ends in [q]\x1b[m"},
	} {
		if got := Highlight(c.s, c.q, "[", "]"); got != c.want {
			t.Errorf("Highlight(%q, %q) = %q, want %q", c.s, c.q, got, c.want)
		}
	}
}

// PlainCut reads as Truncate's cut does, styles left out.
func TestPlainCutMatchesTruncate(t *testing.T) {
	for _, s := range []string{
		"Trans-Caspian fibre-optic cable Aktau–Sumgait",
		"\x1b[1mBaku\x1b[m port \x1b[38;5;245m· Azerbaijan, Georgia\x1b[m",
		"Port of Baku terminal B", "short", "ends with space ", "中文 wide text here", "Türkiye Iğdır",
	} {
		for w := 1; w <= 30; w++ {
			if got, want := PlainCut(s, w), ansi.Strip(Truncate(s, w, "…")); got != want {
				t.Errorf("PlainCut(%q, %d) = %q, Truncate reads %q", s, w, got, want)
			}
		}
	}
}
