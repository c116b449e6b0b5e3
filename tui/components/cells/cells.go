// Package cells measures and cuts styled text in terminal cells, fast.

package cells

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Width is the number of terminal cells s takes, escape sequences
// excluded. It equals ansi.StringWidth but skips grapheme segmentation
// (the costliest step of drawing a frame) when every character is one
// that is always a single cell: ASCII, Latin, Greek, Cyrillic, general
// punctuation, arrows, box drawing, blocks and geometric shapes.
func Width(s string) int {
	w := 0
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == 0x1b:
			n := escapeLen(s[i:])
			if n == 0 {
				return ansi.StringWidth(s)
			}
			i += n
			continue
		case c >= 0x20 && c < 0x7f:
			w++
			i++
			continue
		case c < 0x80:
			return ansi.StringWidth(s)
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !narrow(r) {
			return ansi.StringWidth(s)
		}
		w++
		i += size
	}
	return w
}

// narrow reports whether r always takes exactly one cell.
func narrow(r rune) bool {
	switch {
	case r >= 0xA0 && r < 0x0300: // Latin-1, Latin Extended
		return r != 0xAD
	case r >= 0x0370 && r < 0x0483: // Greek, Cyrillic (before combining marks)
		return true
	case r >= 0x048A && r < 0x0530: // Cyrillic
		return true
	case r >= 0x2010 && r <= 0x2027, r >= 0x2030 && r <= 0x205E: // punctuation
		return true
	case r >= 0x2190 && r <= 0x21FF: // arrows
		return true
	case r >= 0x2500 && r <= 0x25FF: // box drawing, blocks, geometric shapes
		return r != 0x25FD && r != 0x25FE // ◽◾ are emoji, two cells
	case r >= 0x2800 && r <= 0x28FF: // braille patterns (the map)
		return true
	case r == 0x2260 || r == 0x00D7 || r == 0x20AC: // ≠ × €
		return true
	}
	return false
}

// escapeLen is the length of the CSI or OSC sequence at the start of s,
// or 0 when it is something else.
func escapeLen(s string) int {
	if len(s) < 2 {
		return 0
	}
	switch s[1] {
	case '[':
		for j := 2; j < len(s); j++ {
			if s[j] >= 0x40 && s[j] <= 0x7e {
				return j + 1
			}
		}
	case ']':
		for j := 2; j < len(s); j++ {
			if s[j] == 0x07 {
				return j + 1
			}
			if s[j] == 0x1b && j+1 < len(s) && s[j+1] == '\\' {
				return j + 2
			}
		}
	}
	return 0
}

// Truncate cuts s to w cells, adding tail when it cut; lines that already
// fit are returned as they are without segmenting them. A tail never
// follows a space ("Baku…", not "Baku …"), so a cut cell never looks
// like a column holding only the tail.
func Truncate(s string, w int, tail string) string {
	if Width(s) <= w {
		return s
	}
	if tail == "" {
		return ansi.Truncate(s, w, "")
	}
	cut := ansi.Truncate(s, max(w-Width(tail), 0), "")
	// Drop spaces at the end of the visible text, keeping the escape
	// sequences after them.
	var seqs []string
	for {
		if t := strings.TrimRight(cut, " "); t != cut {
			cut = t
			continue
		}
		i := strings.LastIndex(cut, "\x1b[")
		if i < 0 || !strings.HasSuffix(cut, "m") || strings.ContainsAny(cut[i+2:len(cut)-1], "\x1b") {
			break
		}
		seqs = append(seqs, cut[i:])
		cut = cut[:i]
	}
	for i := len(seqs) - 1; i >= 0; i-- {
		cut += seqs[i]
	}
	if Width(cut) == 0 && Width(s) > 0 && w >= Width(tail) {
		return ansi.Truncate(s, w, tail) // nothing but spaces before the cut
	}
	return cut + tail
}

// Pad cuts or pads s to exactly w cells.
func Pad(s string, w int) string {
	sw := Width(s)
	if sw > w {
		return ansi.Truncate(s, w, "")
	}
	return s + strings.Repeat(" ", w-sw)
}

// Fit cuts every line of a block to w cells (without padding) and to at
// most h lines (h < 0 means no limit). It is the cheap equivalent of a
// lipgloss MaxWidth/MaxHeight render for text that needs no wrapping.
func Fit(block string, w, h int) string {
	lines := strings.Split(block, "\n")
	if h >= 0 && len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		lines[i] = Truncate(l, w, "")
	}
	return strings.Join(lines, "\n")
}

// Columns sets blocks side by side, each padded to its width, separated
// by gap. It replaces lipgloss.JoinHorizontal on hot paths, where
// measuring every line twice dominated the cost of a frame.
func Columns(gap string, blocks []string, widths []int) string {
	split := make([][]string, len(blocks))
	n := 0
	for i, b := range blocks {
		split[i] = strings.Split(b, "\n")
		n = max(n, len(split[i]))
	}
	var sb strings.Builder
	for r := range n {
		if r > 0 {
			sb.WriteByte('\n')
		}
		for i, lines := range split {
			if i > 0 {
				sb.WriteString(gap)
			}
			l := ""
			if r < len(lines) {
				l = lines[r]
			}
			if i == len(split)-1 {
				sb.WriteString(Truncate(l, widths[i], ""))
			} else {
				sb.WriteString(Pad(l, widths[i]))
			}
		}
	}
	return sb.String()
}

// Overlay draws top over base with top's first cell at column x of line
// y, the way a dialog sits over the screen: base keeps its cells (and
// their styles) to the left and right of each of top's lines. Styles are
// reset at both edges so neither side's colours leak into the other.
func Overlay(base, top string, x, y int) string {
	lines := strings.Split(base, "\n")
	for i, t := range strings.Split(top, "\n") {
		row := y + i
		if row < 0 {
			continue
		}
		for len(lines) <= row {
			lines = append(lines, "")
		}
		l := lines[row]
		tw := Width(t)
		left := ansi.Cut(l, 0, x)
		if lw := Width(left); lw < x {
			left += strings.Repeat(" ", x-lw)
		}
		right := ""
		if lw := Width(l); lw > x+tw {
			right = ansi.Cut(l, x+tw, lw)
		}
		lines[row] = left + "\x1b[m" + t + "\x1b[m" + right
	}
	return strings.Join(lines, "\n")
}

// Highlight wraps every match of q in s's visible text (ignoring case)
// in on … off, leaving escape sequences and the text itself untouched:
// a filter's matches stand out in cells of any style.
func Highlight(s, q, on, off string) string {
	qr := []rune(strings.ToLower(q))
	if len(qr) == 0 {
		return s
	}
	// The visible runes of s, lower-cased one for one, with where each
	// starts in s.
	var runes []rune
	var at []int
	for i := 0; i < len(s); {
		if s[i] == 0x1b {
			if n := escapeLen(s[i:]); n > 0 {
				i += n
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		runes = append(runes, unicode.ToLower(r))
		at = append(at, i)
		i += size
	}
	var b strings.Builder
	last := 0
	for i := 0; i+len(qr) <= len(runes); {
		match := true
		for j, r := range qr {
			if runes[i+j] != r {
				match = false
				break
			}
		}
		if !match {
			i++
			continue
		}
		end := len(s)
		if i+len(qr) < len(at) {
			end = at[i+len(qr)]
		} else {
			// The match runs to the last rune: stop before any trailing
			// escape sequences.
			r := at[len(at)-1]
			_, size := utf8.DecodeRuneInString(s[r:])
			end = r + size
		}
		b.WriteString(s[last:at[i]] + on + s[at[i]:end] + off)
		last = end
		i += len(qr)
	}
	if last == 0 {
		return s
	}
	return b.String() + s[last:]
}

// PlainCut is the visible text of Truncate(s, w, "…"): what a cut cell
// reads, without its styles. Text of one-cell characters is cut directly,
// without grapheme segmentation, so comparing thousands of cut cells
// stays cheap.
func PlainCut(s string, w int) string {
	// Keep the first w runes: all of them if s fits, the first w-1 and
	// "…" if it does not.
	var b strings.Builder
	n, cutAt := 0, -1
	for i := 0; i < len(s); {
		if s[i] == 0x1b {
			if l := escapeLen(s[i:]); l > 0 {
				i += l
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r < 0x20 || (r >= 0x7f && !narrow(r)) {
			return ansi.Strip(Truncate(s, w, "…"))
		}
		if n == w-1 {
			cutAt = b.Len()
		}
		if n < w {
			b.WriteRune(r)
		}
		n++
		i += size
	}
	if n <= w {
		return b.String()
	}
	out := strings.TrimRight(b.String()[:max(cutAt, 0)], " ")
	if out == "" {
		return ansi.Strip(Truncate(s, w, "…"))
	}
	return out + "…"
}
