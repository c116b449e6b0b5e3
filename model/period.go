package model

import (
	"fmt"
	"strconv"
	"strings"
)

// PeriodKind tells how precisely a period pins down time. Only exact kinds
// are ever placed on a time axis; PeriodText keeps whatever the source said.
type PeriodKind int

// The period kinds, from the vaguest to the most precise.
const (
	PeriodText       PeriodKind = iota // "c. 2024", "long-term", "end-2028": labelled, never plotted
	PeriodYear                         // 2024
	PeriodHalf                         // 2024-H1
	PeriodQuarter                      // 2024-Q3
	PeriodMonthRange                   // 2024-01..07, a cumulative year-to-date span
	PeriodToDate                       // 2025 (to 2025-07-28): so far this year, to a day or into a month
	PeriodMonth                        // 2024-07
	PeriodDay                          // 2024-05-29
)

// Period is the time a figure refers to. Exact periods are a span of whole
// months within one calendar year (a day is kept inside its month); the
// open forms sources use are kept verbatim in Text so they are shown as
// written and never ordered as if they were precise.
type Period struct {
	Kind PeriodKind
	Year int
	// From and To are the first and last month covered (1–12).
	From, To int
	// Day is set for PeriodDay, and for PeriodToDate when the source's
	// date gives the day; zero means "some time in month To".
	Day  int
	Text string
}

// ParsePeriod reads the CSV form of a period. Text that looks like a
// structured period but is malformed ("2024-13", "2024-H3") is an error
// rather than silently becoming text, because it is almost always a typo.
func ParsePeriod(s string) (Period, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Period{}, fmt.Errorf("empty period")
	}
	if !looksStructured(s) {
		return Period{Kind: PeriodText, Text: s}, nil
	}
	if strings.HasPrefix(s[4:], toDateOpen) {
		return parseToDate(s)
	}
	year, err := strconv.Atoi(s[:4])
	if err != nil || year < 1800 || year > 2200 {
		return Period{}, fmt.Errorf("year %q out of range", s[:4])
	}
	rest := s[4:]
	switch {
	case rest == "":
		return Period{Kind: PeriodYear, Year: year, From: 1, To: 12}, nil
	case rest == "-H1" || rest == "-H2":
		h := int(rest[2] - '0')
		return Period{Kind: PeriodHalf, Year: year, From: h*6 - 5, To: h * 6}, nil
	case len(rest) == 3 && rest[1] == 'Q' && rest[2] >= '1' && rest[2] <= '4':
		q := int(rest[2] - '0')
		return Period{Kind: PeriodQuarter, Year: year, From: q*3 - 2, To: q * 3}, nil
	case len(rest) == 3:
		m, err := month(rest[1:])
		if err != nil {
			return Period{}, err
		}
		return Period{Kind: PeriodMonth, Year: year, From: m, To: m}, nil
	case len(rest) == 7 && rest[3:5] == "..":
		from, err := month(rest[1:3])
		if err != nil {
			return Period{}, err
		}
		to, err := month(rest[5:7])
		if err != nil {
			return Period{}, err
		}
		if to <= from {
			return Period{}, fmt.Errorf("month range %s..%s must run forwards", rest[1:3], rest[5:7])
		}
		return Period{Kind: PeriodMonthRange, Year: year, From: from, To: to}, nil
	case len(rest) == 6 && rest[3] == '-':
		m, err := month(rest[1:3])
		if err != nil {
			return Period{}, err
		}
		d, err := strconv.Atoi(rest[4:6])
		if err != nil || d < 1 || d > daysIn(year, m) {
			return Period{}, fmt.Errorf("day %q does not exist in %04d-%02d", rest[4:6], year, m)
		}
		return Period{Kind: PeriodDay, Year: year, From: m, To: m, Day: d}, nil
	}
	return Period{}, fmt.Errorf("malformed period %q (want YYYY, YYYY-H1, YYYY-Q1, YYYY-MM, YYYY-MM..MM, YYYY-MM-DD, YYYY (to YYYY-MM-DD) or descriptive text)", s)
}

// toDateOpen follows the year in a year-to-date period.
const toDateOpen = " (to "

// parseToDate reads "2025 (to 2025-07-28)" or "2025 (to 2025-07)": a
// total from 1 January to that day, or to some day in that month when the
// source gives only the month. The year is written twice so the form reads
// on its own; the two must agree.
func parseToDate(s string) (Period, error) {
	year, _ := strconv.Atoi(s[:4])
	rest, ok := strings.CutSuffix(s[4+len(toDateOpen):], ")")
	if !ok || (len(rest) != 7 && len(rest) != 10) || rest[4] != '-' {
		return Period{}, fmt.Errorf("malformed year-to-date period %q (want YYYY (to YYYY-MM-DD) or YYYY (to YYYY-MM))", s)
	}
	if rest[:4] != s[:4] {
		return Period{}, fmt.Errorf("year-to-date period %q must end in its own year %s", s, s[:4])
	}
	m, err := month(rest[5:7])
	if err != nil {
		return Period{}, err
	}
	p := Period{Kind: PeriodToDate, Year: year, From: 1, To: m}
	if len(rest) == 10 {
		d, err := strconv.Atoi(rest[8:10])
		if rest[7] != '-' || err != nil || d < 1 || d > daysIn(year, m) {
			return Period{}, fmt.Errorf("day %q does not exist in %04d-%02d", rest[8:], year, m)
		}
		p.Day = d
	}
	return p, nil
}

// looksStructured reports whether s starts like a machine period: four
// digits, then nothing, a dash followed by a digit, H or Q, or the
// opening of a year-to-date period.
func looksStructured(s string) bool {
	if len(s) < 4 {
		return false
	}
	for i := 0; i < 4; i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	if len(s) == 4 || strings.HasPrefix(s[4:], toDateOpen) {
		return true
	}
	if s[4] != '-' || len(s) < 6 {
		return false
	}
	c := s[5]
	return (c >= '0' && c <= '9') || c == 'H' || c == 'Q'
}

func month(s string) (int, error) {
	m, err := strconv.Atoi(s)
	if err != nil || len(s) != 2 || m < 1 || m > 12 {
		return 0, fmt.Errorf("month %q is not 01–12", s)
	}
	return m, nil
}

func daysIn(year, m int) int {
	switch m {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// Exact reports whether the period can be placed on a time axis.
func (p Period) Exact() bool { return p.Kind != PeriodText }

// IsZero reports whether p was never set.
func (p Period) IsZero() bool { return p.Kind == PeriodText && p.Text == "" }

// Months is the number of months an exact period spans (0 for text).
func (p Period) Months() int {
	if !p.Exact() {
		return 0
	}
	return p.To - p.From + 1
}

// startIndex and endIndex number months from year 0 so periods of any
// kind compare on one scale.
func (p Period) startIndex() int { return p.Year*12 + p.From - 1 }
func (p Period) endIndex() int   { return p.Year*12 + p.To - 1 }

// Compare orders periods by when they end, then shortest span first (so
// a second half-year comes before the full year it ends with). Text
// periods sort after every exact one, alphabetically, since nothing about
// "long-term" says where on a calendar it lies.
func (p Period) Compare(q Period) int {
	switch {
	case p.Exact() && !q.Exact():
		return -1
	case !p.Exact() && q.Exact():
		return 1
	case !p.Exact():
		return strings.Compare(p.Text, q.Text)
	}
	if d := p.endIndex() - q.endIndex(); d != 0 {
		return sign(d)
	}
	// Same end: the shorter span first, so the latest of a series is the
	// most complete figure (the year, not its second half).
	if d := q.startIndex() - p.startIndex(); d != 0 {
		return sign(d)
	}
	// Same months: a figure to a day inside the last month comes before
	// the figure for the whole month, and an earlier day before a later.
	if p.partial() != q.partial() {
		if p.partial() {
			return -1
		}
		return 1
	}
	return sign(p.Day - q.Day)
}

// partial reports whether the period stops inside its last month.
func (p Period) partial() bool {
	return p.Kind == PeriodDay || p.Kind == PeriodToDate
}

// ToDate reports whether p is a year-to-date period ending on a day or
// inside a month: a part-year total that must never be read as the
// whole of its last month, let alone the year.
func (p Period) ToDate() bool { return p.Kind == PeriodToDate }

func sign(d int) int {
	switch {
	case d < 0:
		return -1
	case d > 0:
		return 1
	}
	return 0
}

// SameSpan reports whether p and q cover the same months in different
// years, which is what a year-on-year comparison needs.
func (p Period) SameSpan(q Period) bool {
	return p.Exact() && q.Exact() && p.Kind == q.Kind && p.From == q.From && p.To == q.To && p.Day == q.Day
}

// PrevYear is the same span one year earlier. Text periods have none.
func (p Period) PrevYear() (Period, bool) {
	if !p.Exact() {
		return Period{}, false
	}
	q := p
	q.Year--
	if q.Day > daysIn(q.Year, q.To) {
		return Period{}, false
	}
	return q, true
}

var monthNames = [...]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// String is the CSV form, the inverse of ParsePeriod.
func (p Period) String() string {
	switch p.Kind {
	case PeriodYear:
		return strconv.Itoa(p.Year)
	}
	var buf [32]byte
	b := pad(buf[:0], p.Year, 4)
	switch p.Kind {
	case PeriodHalf:
		b = append(b, '-', 'H', byte('0'+p.To/6))
	case PeriodQuarter:
		b = append(b, '-', 'Q', byte('0'+p.To/3))
	case PeriodMonth:
		b = pad(append(b, '-'), p.From, 2)
	case PeriodMonthRange:
		b = pad(append(pad(append(b, '-'), p.From, 2), '.', '.'), p.To, 2)
	case PeriodDay:
		b = pad(append(pad(append(b, '-'), p.From, 2), '-'), p.Day, 2)
	case PeriodToDate:
		b = pad(append(pad(append(b, " (to "...), p.Year, 4), '-'), p.To, 2)
		if p.Day != 0 {
			b = pad(append(b, '-'), p.Day, 2)
		}
		b = append(b, ')')
	default:
		return p.Text
	}
	return string(b)
}

// Label is the human form shown on screen: "H1 2024", "Jan–Jul 2024".
func (p Period) Label() string {
	switch p.Kind {
	case PeriodYear:
		return strconv.Itoa(p.Year)
	case PeriodHalf:
		return fmt.Sprintf("H%d %d", p.To/6, p.Year)
	case PeriodQuarter:
		return fmt.Sprintf("Q%d %d", p.To/3, p.Year)
	case PeriodMonth:
		return fmt.Sprintf("%s %d", monthNames[p.From-1], p.Year)
	case PeriodMonthRange:
		return fmt.Sprintf("%s–%s %d", monthNames[p.From-1], monthNames[p.To-1], p.Year)
	case PeriodDay:
		return fmt.Sprintf("%d %s %d", p.Day, monthNames[p.From-1], p.Year)
	case PeriodToDate:
		if p.Day == 0 {
			return fmt.Sprintf("YTD %s %d", monthNames[p.To-1], p.Year)
		}
		return fmt.Sprintf("YTD %d %s %d", p.Day, monthNames[p.To-1], p.Year)
	}
	return p.Text
}

// PrecisionName names the kind the way events.csv spells precision.
func (k PeriodKind) PrecisionName() string {
	switch k {
	case PeriodYear:
		return "year"
	case PeriodHalf:
		return "half"
	case PeriodQuarter:
		return "quarter"
	case PeriodMonth:
		return "month"
	case PeriodMonthRange:
		return "month-range"
	case PeriodToDate:
		return "to-date"
	case PeriodDay:
		return "day"
	}
	return "text"
}

// pad appends n in decimal, zero-padded to width digits. Period.String
// runs for every figure on every load, so it avoids fmt.
func pad(b []byte, n, width int) []byte {
	for lim := 10; width > 1; width-- {
		if n < lim {
			b = append(b, '0')
		}
		lim *= 10
	}
	return strconv.AppendInt(b, int64(n), 10)
}
