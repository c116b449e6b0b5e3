package data

import (
	"strings"
	"unicode"
)

// clean makes a cell safe to draw: invalid UTF-8 is replaced, control
// characters (which include ESC, so no terminal escape sequence can come
// from data) and bidirectional overrides are dropped, line breaks and tabs
// become spaces, and runs of space collapse.
func clean(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r' || r == '\t' || r == ' ':
			space = true
			continue
		case unicode.IsControl(r), isBidiControl(r):
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

func isBidiControl(r rune) bool {
	return (r >= '\u202A' && r <= '\u202E') || (r >= '\u2066' && r <= '\u2069') || r == '\u200E' || r == '\u200F' || r == '\u061C'
}
