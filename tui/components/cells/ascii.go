package cells

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// asciiMap turns each drawing glyph, symbol and accented letter corridor
// can show into one ASCII character of the same width, so an --ascii
// frame keeps its layout. Meaning survives: each glyph a legend explains
// maps to a character no other legend glyph, figure mark or qualifier
// maps to (chart.TestGlyphsAreUnique holds it). The disputed mark ≠
// becomes #, the derived mark † becomes * (not +, the target glyph and a
// sign), a chart's actual marker ● becomes @ (not *, now the derived
// mark), its axis break ≈ becomes : (not ~, the "about" qualifier), and
// the help's • separator becomes |.
var asciiMap = map[rune]byte{
	// box drawing and rules
	'─': '-', '━': '-', '═': '=', '│': '|', '┃': '|', '║': '|', '┊': ':', '╌': '-', '╴': '-', '╶': '-',
	// Rounded corners only occur in chart lines (boxes use ASCII borders
	// in --ascii mode), where slashes read as the line's turns.
	'╭': '/', '╮': '\\', '╰': '\\', '╯': '/', '┌': '+', '┐': '+', '└': '+', '┘': '+',
	'┏': '+', '┓': '+', '┗': '+', '┛': '+', '╔': '+', '╗': '+', '╚': '+', '╝': '+',
	'├': '+', '┤': '+', '┬': '+', '┴': '+', '┼': '+', '╠': '+', '╣': '+', '╦': '+', '╩': '+', '╬': '+',
	// bars, blocks and sparklines
	'█': '#', '▓': '#', '▒': '=', '░': '.', '▁': '_', '▂': '.', '▃': '-', '▄': '=', '▅': '+', '▆': '*', '▇': '%',
	// marks and arrows
	'≠': '#', '†': '*', '◷': '`', '▴': '&', '·': '.', '•': '|', '…': '.', '→': '>', '←': '<', '↑': '^', '↓': 'v', '▸': '>', '◂': '<',
	'▲': '^', '▼': 'v', '●': '@', '◐': '%', '○': 'o', '◌': ';', '✕': 'x', '×': 'x', '÷': '/', '≈': ':', '±': '+',
	'╳': 'x',
	'€': 'E', '£': 'L', '—': '-', '–': '-', '‑': '-', '‘': '\'', '’': '\'', '“': '"', '”': '"', '«': '"', '»': '"',
	'\u00a0': ' ', '°': 'o',
	// Latin letters with marks, as in Türkiye, Iğdır, Şahdağ, Ağbənd
	'à': 'a', 'á': 'a', 'â': 'a', 'ã': 'a', 'ä': 'a', 'å': 'a', 'ā': 'a', 'ă': 'a', 'ą': 'a', 'ə': 'e',
	'ç': 'c', 'ć': 'c', 'č': 'c', 'è': 'e', 'é': 'e', 'ê': 'e', 'ë': 'e', 'ē': 'e', 'ę': 'e', 'ğ': 'g',
	'ì': 'i', 'í': 'i', 'î': 'i', 'ï': 'i', 'ı': 'i', 'ī': 'i', 'ñ': 'n', 'ń': 'n', 'ò': 'o', 'ó': 'o',
	'ô': 'o', 'õ': 'o', 'ö': 'o', 'ø': 'o', 'ō': 'o', 'ő': 'o', 'ş': 's', 'ś': 's', 'š': 's', 'ș': 's',
	'ț': 't', 'ţ': 't', 'ù': 'u', 'ú': 'u', 'û': 'u', 'ü': 'u', 'ū': 'u', 'ű': 'u', 'ý': 'y', 'ÿ': 'y',
	'ž': 'z', 'ź': 'z', 'ż': 'z', 'ł': 'l', 'ß': 's', 'ʼ': '\'',
	'À': 'A', 'Á': 'A', 'Â': 'A', 'Ä': 'A', 'Ə': 'E', 'Ç': 'C', 'Č': 'C', 'É': 'E', 'Ğ': 'G', 'İ': 'I',
	'Ö': 'O', 'Ş': 'S', 'Š': 'S', 'Ü': 'U', 'Ž': 'Z',
	// Cyrillic, one letter for one letter
	'а': 'a', 'б': 'b', 'в': 'v', 'г': 'g', 'д': 'd', 'е': 'e', 'ё': 'e', 'ж': 'z', 'з': 'z', 'и': 'i',
	'й': 'i', 'к': 'k', 'л': 'l', 'м': 'm', 'н': 'n', 'о': 'o', 'п': 'p', 'р': 'r', 'с': 's', 'т': 't',
	'у': 'u', 'ф': 'f', 'х': 'h', 'ц': 'c', 'ч': 'c', 'ш': 's', 'щ': 's', 'ъ': '\'', 'ы': 'y', 'ь': '\'',
	'э': 'e', 'ю': 'u', 'я': 'a', 'і': 'i', 'ә': 'a', 'ғ': 'g', 'қ': 'k', 'ң': 'n', 'ө': 'o', 'ұ': 'u',
	'ү': 'u', 'һ': 'h',
	'А': 'A', 'Б': 'B', 'В': 'V', 'Г': 'G', 'Д': 'D', 'Е': 'E', 'Ж': 'Z', 'З': 'Z', 'И': 'I', 'Й': 'I',
	'К': 'K', 'Л': 'L', 'М': 'M', 'Н': 'N', 'О': 'O', 'П': 'P', 'Р': 'R', 'С': 'S', 'Т': 'T', 'У': 'U',
	'Ф': 'F', 'Х': 'H', 'Ц': 'C', 'Ч': 'C', 'Ш': 'S', 'Щ': 'S', 'Э': 'E', 'Ю': 'U', 'Я': 'A', 'Қ': 'K',
}

// ASCII rewrites s so every printable byte is at most 0x7E, keeping
// escape sequences (colour) as they are and every cell's width: a glyph
// with no ASCII stand-in becomes '?', or '??' when it is two cells wide.
func ASCII(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c == 0x1b {
			if n := escapeLen(s[i:]); n > 0 {
				b.WriteString(s[i : i+n])
				i += n
				continue
			}
			i++ // a lone ESC is not drawn
			continue
		}
		if c < 0x80 {
			if c == '\n' || (c >= 0x20 && c < 0x7f) {
				b.WriteByte(c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if a, ok := asciiMap[r]; ok {
			b.WriteByte(a)
			continue
		}
		switch w := ansi.StringWidth(string(r)); w {
		case 0:
		case 1:
			b.WriteByte('?')
		default:
			b.WriteString(strings.Repeat("?", w))
		}
	}
	return b.String()
}
