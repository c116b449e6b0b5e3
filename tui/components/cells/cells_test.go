package cells

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
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
