package model

import "testing"

func TestCleanText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Port of Po\u00adti", "Port of Poti"},                    // soft hyphen
		{"Ak\u200btau", "Aktau"},                                  // zero-width space
		{"Ba\u200dku\u200c", "Baku"},                              // joiners
		{"line\u2028sep\u2029para\u0085nel", "line sep para nel"}, // separators are breaks
		{"\ufeffKuryk", "Kuryk"},                                  // byte-order mark
		{"flag\U000E0067\U000E0062\U000E007F", "flag"},            // tag characters
		{"\u202eevil\u202c \u2066x\u2069 \u200e\u061c", "evil x"}, // bidi controls
		{"\x1b]52;c;AAAA\x07ok\x1b[2J", "]52;c;AAAAok[2J"},        // no escape survives
		{"  a \t\n b  ", "a b"},
		{"bad \xff byte", "bad \ufffd byte"},
		{"🇬🇪 👍🏽 ☺\ufe0f 1\ufe0f\u20e3", "👍 ☺ 1\u20e3"},
		{"का กำ \u1100\u1161 가", "क ก 가"},
		{"Türkiye · Baku–Tbilisi–Kars ≠ † 中文 é", "Türkiye · Baku–Tbilisi–Kars ≠ † 中文 é"},
		{"e\u0301", "e\u0301"}, // combining accents stay
	} {
		if got := CleanText(tc.in); got != tc.want {
			t.Errorf("CleanText(%+q) = %+q, want %+q", tc.in, got, tc.want)
		}
	}
}

// The fast path returns exactly what the full cleaner would.
func TestPlainASCIIIsAlreadyClean(t *testing.T) {
	for _, s := range []string{"", "Port of Baku", "a  b", " lead", "trail ", "tab\there", "x\x7f", "ok, 4.5 Mt (2024)", " "} {
		if plainASCII(s) && s != cleanSlow(s) {
			t.Errorf("plainASCII(%q) but the cleaner gives %q", s, cleanSlow(s))
		}
		if got := CleanText(s); got != cleanSlow(s) {
			t.Errorf("CleanText(%q) = %q, want %q", s, got, cleanSlow(s))
		}
	}
}

// cleanSlow is CleanText without the fast path.
func cleanSlow(s string) string { return CleanText(s + "\u00ad") }
