package cells

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"

	"corridor/model"
)

// drawnWidth is how many columns ultraviolet, Bubble Tea's renderer,
// fills when it draws s on a line with method m: the end of the last cell
// it set.
func drawnWidth(s string, m ansi.Method) int {
	w := 4*len(s) + 4
	buf := uv.NewScreenBuffer(w, 1)
	buf.Method = m
	uv.NewStyledString(s).Draw(buf, buf.Bounds())
	end := 0
	for x := 0; x < w; x++ {
		if c := buf.CellAt(x, 0); c != nil && c.Content != "" && c.Content != " " {
			end = x + c.Width
		}
	}
	return end
}

// widthsAgree checks that what the table code measures for a cleaned
// string is what the renderer draws, counted either way a terminal may
// count (per code point, the default, or per grapheme cluster when the
// terminal says it can).
func widthsAgree(t *testing.T, raw string) {
	t.Helper()
	s := model.CleanText(raw)
	ours, ansiW := Width(s), ansi.StringWidth(s)
	wc, gr := drawnWidth(s, ansi.WcWidth), drawnWidth(s, ansi.GraphemeWidth)
	if ours != ansiW || ours != wc || ours != gr {
		t.Fatalf("CleanText(%+q) = %+q: cells.Width %d, ansi.StringWidth %d, ultraviolet draws %d (wcwidth) / %d (graphemes)",
			raw, s, ours, ansiW, wc, gr)
	}
}

// pools are the kinds of character data files can hold, with the ones
// that have broken widths before weighted in.
var pools = [][2]rune{
	{0x20, 0x7e}, {0xa0, 0x24f}, {0x0300, 0x036f}, {0x0370, 0x052f}, // ASCII, Latin, accents, Greek/Cyrillic
	{0x0530, 0x058f}, {0x0590, 0x06ff}, {0x0900, 0x097f}, {0x0e00, 0x0eff}, // Armenian, Hebrew/Arabic, Devanagari, Thai/Lao
	{0x10a0, 0x10ff}, {0x1100, 0x11ff}, {0xac00, 0xd7a3}, {0x4e00, 0x4fff}, // Georgian, jamo, Hangul, CJK
	{0x2000, 0x206f}, {0x2190, 0x21ff}, {0x2500, 0x25ff}, {0x2600, 0x27bf}, // punctuation, arrows, boxes, symbols
	{0xfe00, 0xfe0f}, {0xfeff, 0xfeff}, {0x1f1e6, 0x1f1ff}, {0x1f300, 0x1faff}, // selectors, BOM, flags, emoji
	{0x1f3fb, 0x1f3ff}, {0xe0000, 0xe007f}, {0x200b, 0x200f}, {0x202a, 0x202e}, // modifiers, tags, zero-width, bidi
	{0x2066, 0x2069}, {0x00ad, 0x00ad}, {0x0080, 0x009f}, {0x0000, 0x001f}, // isolates, soft hyphen, C1, C0
	{0x0d4e, 0x0d4e}, {0xff61, 0xff9f}, {0x111c0, 0x111c3}, {0x20d0, 0x20f0}, // prepended letters, halfwidth kana, enclosing marks
	{0x0000, 0x10ffff}, {0x0000, 0x10ffff}, // anything
}

func randomText(r *rand.Rand) string {
	var b strings.Builder
	for range 1 + r.IntN(12) {
		p := pools[r.IntN(len(pools))]
		c := p[0] + rune(r.IntN(int(p[1]-p[0]+1)))
		if r.IntN(40) == 0 {
			b.WriteByte(byte(0x80 + r.IntN(0x40))) // a stray byte: invalid UTF-8
			continue
		}
		b.WriteRune(c)
	}
	return b.String()
}

// Property: for every cleaned string, the width cells.Width measures
// (what the tables line up by) is the width ansi.StringWidth gives and
// the width ultraviolet draws. A soft hyphen in a port name once blanked
// a row and set another port's figure beside Georgia's growth.
func TestCleanedTextWidthIsDrawnWidth(t *testing.T) {
	for _, s := range []string{
		"Port of Po\u00adti", "zero\u200bwidth", "join\u200dme", "line\u2028break", "para\u2029graph",
		"\ufeffBOM", "tag\U000E0067\U000E0062", "flag 🇬🇪 and 🇦", "thumb 👍🏽", "family 👨\u200d👩\u200d👧",
		"keycap 1\ufe0f\u20e3", "☺\ufe0f", "का", "กำ", "\u1100\u1161\u11a8", "가\u1161", "\u0301lead",
		"Türkiye · Baku–Tbilisi–Kars ≠ †", "Контейнерные перевозки", "საქართველო", "Հայաստան", "中文 ◽◾",
		"\u0378", "\U0010fffe", "\x1b[31mred\x1b[0m", "a\u0600b", "\u0d4ea", "ｶﾞｷﾞ", "\U000111c2क",
	} {
		widthsAgree(t, s)
	}
	r := rand.New(rand.NewPCG(8, 2026))
	for range 20000 {
		widthsAgree(t, randomText(r))
	}
}

// FuzzCleanedTextWidth is the same property for `go test -fuzz`.
func FuzzCleanedTextWidth(f *testing.F) {
	f.Add("Port of Po\u00adti")
	f.Add("flag 🇬🇪 thumb 👍🏽 family 👨\u200d👩\u200d👧")
	f.Add("का กำ \u1100\u1161")
	f.Fuzz(func(t *testing.T, s string) { widthsAgree(t, s) })
}

// Every character the fast path counts as one cell is one cell to ansi
// and to the renderer.
func TestNarrowRunesAreOneCell(t *testing.T) {
	n := 0
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !utf8.ValidRune(r) || !narrow(r) {
			continue
		}
		n++
		s := string(r)
		if ansi.StringWidth(s) != 1 || drawnWidth(s, ansi.WcWidth) != 1 || drawnWidth(s, ansi.GraphemeWidth) != 1 {
			t.Errorf("%U %q: narrow, but ansi says %d, ultraviolet draws %d / %d", r, s,
				ansi.StringWidth(s), drawnWidth(s, ansi.WcWidth), drawnWidth(s, ansi.GraphemeWidth))
		}
	}
	if n < 1000 {
		t.Fatalf("only %d narrow runes", n)
	}
}
