package model

// StaleAfter is how old a figure may be, in months before the newest
// figure a view shows, before it is marked stale: a "latest" figure from
// two years ago must not pass for current beside this year's.
const StaleAfter = 12

// GlyphStale marks a stale figure; it survives NO_COLOR and projectors.
const GlyphStale = "◷"

// GlyphNew marks a figure the last data reload added or changed.
const GlyphNew = "▴"

// Ends is the last month an exact period covers, counted from year 0
// (0 for a period given only in words).
func (p Period) Ends() int {
	if !p.Exact() {
		return 0
	}
	return p.endIndex()
}

// Stale reports whether a figure for p is more than StaleAfter months
// older than newest, the most recent figure in the same view.
func Stale(p, newest Period) bool {
	return p.Exact() && newest.Exact() && newest.endIndex()-p.endIndex() > StaleAfter
}

// RunsTo is the most recent period any actual figure covers: the date the
// dashboard's figures run to. ok is false for a dataset without actuals.
func (d *Dataset) RunsTo() (p Period, ok bool) {
	for _, o := range d.Observations {
		if o.Kind == Actual && o.Plottable() && (!ok || o.Period.endIndex() > p.endIndex()) {
			p, ok = o.Period, true
		}
	}
	return p, ok
}
