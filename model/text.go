package model

import (
	"strings"
	"unicode"
)

// CleanText makes a piece of text from a data file safe to draw in a
// terminal, where what is measured must be what is drawn:
//
//   - invalid UTF-8 becomes U+FFFD;
//   - line breaks (including U+2028, U+2029 and NEL), tabs and runs of
//     space become one space, and the ends are trimmed;
//   - control characters (ESC among them, so no escape sequence can come
//     from data) and format characters (category Cf: soft hyphen,
//     zero-width space and joiners, byte-order mark, bidirectional
//     controls, tag characters) are dropped;
//   - so are the characters whose width depends on how a terminal
//     measures: spacing combining marks (and Thai and Lao sara am),
//     variation selectors (which turn "1⃣" into a two-cell keycap
//     emoji), regional indicators, emoji skin-tone modifiers, conjoining
//     Hangul jamo (text in Korean uses precomposed syllables), the few
//     letters that join the next one's cluster or the previous one's,
//     and code points this Go version does not know. Counted per
//     grapheme cluster they take one width, counted per code point (how
//     most terminals and Bubble Tea's renderer count) another, and a
//     table lined up by one count is torn by the other.
//
// Letters, digits, punctuation, symbols, ordinary combining accents,
// wide East Asian characters and emoji are kept.
func CleanText(s string) string {
	if plainASCII(s) {
		return s // most cells: nothing to drop, nothing to join
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case isBreak(r):
			space = true
			continue
		case dropped(r):
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// isBreak reports whether r separates words: space, tab, or a line or
// paragraph break.
func isBreak(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\v', '\f', 0x85, 0x2028, 0x2029:
		return true
	}
	return false
}

// dropped reports whether CleanText removes r.
func dropped(r rune) bool {
	switch {
	case r < 0x80:
		return r < 0x20 || r == 0x7f
	case unicode.IsControl(r), unicode.Is(unicode.Cf, r):
		return true
	case unicode.Is(unicode.Mc, r), r == 0x0E33, r == 0x0EB3:
		return true
	case r >= 0x1F1E6 && r <= 0x1F1FF: // regional indicators
		return true
	case r >= 0x1F3FB && r <= 0x1F3FF: // skin-tone modifiers
		return true
	case r >= 0xFE00 && r <= 0xFE0F, r >= 0xE0100 && r <= 0xE01EF: // variation selectors
		return true
	case r >= 0x1100 && r <= 0x11FF, r >= 0xA960 && r <= 0xA97F, r >= 0xD7B0 && r <= 0xD7FF: // conjoining jamo
		return true
	case r == 0x0D4E, r == 0x111C2, r == 0x111C3, r == 0x1193F, r == 0x11941, r >= 0x11A84 && r <= 0x11A89, r == 0x11D46, r == 0x11F02:
		return true // letters that prefix the next one's cluster
	case r == 0xFF9E, r == 0xFF9F: // halfwidth sound marks, which extend the previous cluster
		return true
	}
	return !unicode.In(r, unicode.L, unicode.M, unicode.N, unicode.P, unicode.S, unicode.Zs, unicode.Co)
}

// plainASCII reports whether s is already clean: printable ASCII with
// single spaces between words and none at either end.
func plainASCII(s string) bool {
	prev := byte(' ')
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c >= 0x7f || (c == ' ' && prev == ' ') {
			return false
		}
		prev = c
	}
	return prev != ' ' || s == ""
}
