package model

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Glyphs mark meaning in text so it survives NO_COLOR and a monochrome
// projector: colour only ever repeats what a glyph already says.
const (
	GlyphDisputed = "≠" // sources give different values
	GlyphDerived  = "†" // computed by corridor, not stated by a source
	GlyphSuspect  = "!" // flagged as a likely data error
)

// KindTag is the short label shown after any figure that is not an actual.
func KindTag(k Kind) string {
	switch k {
	case Forecast:
		return "fcst"
	case Target:
		return "target"
	case Capacity:
		return "cap"
	}
	return ""
}

// FormatNumber prints v with at most four significant digits and a scale
// suffix (k, M, B), trimming zeros so 4.6 million reads "4.6M".
func FormatNumber(v float64) string {
	a := math.Abs(v)
	suffix := ""
	switch {
	case a >= 1e9:
		v, suffix = v/1e9, "B"
	case a >= 1e6:
		v, suffix = v/1e6, "M"
	case a >= 1e4:
		v, suffix = v/1e3, "k"
	}
	return trimFloat(v, 4) + suffix
}

func trimFloat(v float64, sig int) string {
	if v == 0 {
		return "0"
	}
	digits := int(math.Floor(math.Log10(math.Abs(v)))) + 1
	dec := max(sig-digits, 0)
	s := strconv.FormatFloat(v, 'f', dec, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// unitShort abbreviates units for tight table cells.
func unitShort(u string) string {
	switch u {
	case "tonnes":
		return "t"
	case "tonnes/year":
		return "t/yr"
	case "TEU/year":
		return "TEU/yr"
	case "barrels/day":
		return "bbl/d"
	case "bcm/year":
		return "bcm/yr"
	case "trains/year":
		return "trains/yr"
	case "containers/year":
		return "cont/yr"
	case "vehicles/year":
		return "veh/yr"
	case "passengers/year":
		return "pass/yr"
	}
	return u
}

// FormatValue prints a value with its qualifier and unit: "~4.6M t",
// "+12% y/y", "$60M".
func FormatValue(v float64, q Qualifier, unit string) string {
	pre, num, post := valueParts(v, unit)
	return string(q) + pre + num + post
}

// FormatRange prints a range a source gave, with its unit once:
// "104k–105k TEU", "10–12 days", "$1.5B–2B". Ends below zero are joined
// with "to" so a minus sign never reads as the dash.
func FormatRange(lo, hi float64, q Qualifier, unit string) string {
	pre, a, post := valueParts(lo, unit)
	_, b, _ := valueParts(hi, unit)
	sep := "–"
	if lo < 0 || hi < 0 {
		sep = " to "
	}
	return string(q) + pre + a + sep + b + post
}

// valueParts splits a formatted value into what goes before the number
// (a currency sign), the number, and what follows it (the unit).
func valueParts(v float64, unit string) (pre, num, post string) {
	switch unit {
	case "USD":
		return "$", FormatNumber(v), ""
	case "EUR":
		return "€", FormatNumber(v), ""
	case "%":
		return "", trimFloat(v, 3), "%"
	case "% y/y":
		return "", signed(v), "% y/y"
	case "pp":
		return "", signed(v), " pp"
	case "x":
		return "", trimFloat(v, 3), "×"
	}
	return "", FormatNumber(v), " " + unitShort(unit)
}

// FormatObsValue prints an observation's value with its qualifier and
// unit, a range as a range.
func FormatObsValue(o Observation) string {
	if o.IsRange() {
		return FormatRange(o.Value, o.High, o.Qualifier, o.Unit)
	}
	return FormatValue(o.Value, o.Qualifier, o.Unit)
}

func signed(v float64) string {
	s := trimFloat(v, 3)
	if v > 0 {
		return "+" + s
	}
	return s
}

// FormatObs prints an observation's value with its kind tag; a range
// prints as a range ("104k–105k TEU fcst").
func FormatObs(o Observation) string {
	s := FormatObsValue(o)
	if t := KindTag(o.Kind); t != "" {
		s += " " + t
	}
	return s
}

// FormatGrowth prints a derived growth rate with its dagger.
func FormatGrowth(g Growth) string {
	s := fmt.Sprintf("%+.1f%%", g.Percent) + GlyphDerived
	switch {
	case g.Bound == AtLeast:
		s = string(AtLeast) + s
	case g.Bound == AtMost:
		s = string(AtMost) + s
	case g.Approximate:
		s = "~" + s
	}
	return s
}

// Marks returns the glyphs that must follow a figure: disputed, suspect.
func Marks(disputed, suspect bool) string {
	s := ""
	if disputed {
		s += GlyphDisputed
	}
	if suspect {
		s += GlyphSuspect
	}
	return s
}
