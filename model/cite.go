package model

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Citations follow the practice of data publishers such as Our World in
// Data: the original provider is cited first and corridor only as the
// way the figure was found ("via"). A citation never says more than the
// data does: the value as the source stated it, with its hedge, period
// and kind, and every caveat corridor knows (disagreeing sources, a
// suspect flag, the curator's note).

// Provenance names the program and the data a citation was taken from,
// so a reader can reproduce it.
type Provenance struct {
	// Program is corridor's version ("v1.4.0", "dev"); empty if unknown.
	Program string
	// Data is the dataset's Version; empty for a hand-built dataset.
	Data string
}

// String is the "via" phrase: "corridor v1.4.0, data 1a2b3c4d5e6f".
func (p Provenance) String() string {
	s := "corridor"
	if p.Program != "" {
		s += " " + p.Program
	}
	if p.Data != "" {
		s += ", data " + p.Data
	}
	return s
}

// CiteItem is the kind of thing a citation is about.
type CiteItem string

// The items a citation can be about.
const (
	CiteFigure CiteItem = "figure"
	CiteSeries CiteItem = "series"
	CiteEvent  CiteItem = "event"
	CiteSource CiteItem = "source"
)

// Citation is everything needed to cite one figure, series, event or
// source. Build one with the Dataset's Cite methods; print it with Text,
// Markdown or BibTeX.
type Citation struct {
	Item CiteItem
	// ID is the observation, event or source id, or the series key
	// written as subject:metric:unit:kind.
	ID string
	// What names the item: "Port of Baku — Cargo".
	What string
	// Value is the figure as stated ("about 4,600,000 tonnes"), or for a
	// series its latest charted figure; empty for events and sources.
	Value string
	// Period is the period or date label ("H1 2025", "9 Jun 1992",
	// "2013–2024"), or the source's text period as written.
	Period string
	// Kind is actual, forecast, target or capacity for figures and
	// series; held or planned (and the event kind) for events.
	Kind string
	// Sources are the sources behind the item, best standing first.
	Sources []Source
	// Notes are caveats a reader of the citation must see.
	Notes []string
	Via   Provenance
}

// Headline is the one-line statement of what is cited.
func (c Citation) Headline() string {
	switch c.Item {
	case CiteFigure:
		return fmt.Sprintf("%s, %s: %s (%s)", c.What, c.Period, c.Value, c.Kind)
	case CiteSeries:
		s := fmt.Sprintf("%s, %s (%s)", c.What, c.Period, c.Kind)
		if c.Value != "" {
			s += "; latest " + c.Value
		}
		return s
	case CiteEvent:
		return fmt.Sprintf("%s: %s (%s)", c.Period, c.What, c.Kind)
	}
	return c.What
}

// CiteFormats are the formats a citation can be printed in.
func CiteFormats() []string { return []string{"text", "markdown", "bibtex"} }

// Format prints the citation in one of CiteFormats.
func (c Citation) Format(format string) (string, error) {
	switch format {
	case "text":
		return c.Text(), nil
	case "markdown":
		return c.Markdown(), nil
	case "bibtex":
		return c.BibTeX(), nil
	}
	return "", fmt.Errorf("unknown citation format %q; want one of %s", format, strings.Join(CiteFormats(), ", "))
}

// Text is the citation as plain text to paste into a report.
func (c Citation) Text() string {
	var b strings.Builder
	if c.Item == CiteSource && len(c.Sources) == 1 {
		b.WriteString(sourceText(c.Sources[0], false) + ".\n")
	} else {
		b.WriteString(c.Headline() + ".\n")
		for _, s := range c.Sources {
			b.WriteString("Source: " + sourceText(s, false) + ".\n")
		}
	}
	for _, n := range c.Notes {
		b.WriteString(n + "\n")
	}
	b.WriteString("Via " + c.Via.String() + " (" + string(c.Item) + " " + c.ID + ").\n")
	return b.String()
}

// Markdown is the citation as a short Markdown block: the headline in
// bold, then one list item per source, caveat and the "via" line.
func (c Citation) Markdown() string {
	var b strings.Builder
	if c.Item == CiteSource && len(c.Sources) == 1 {
		b.WriteString(sourceText(c.Sources[0], true) + "\n\n")
	} else {
		b.WriteString("**" + mdEscape(c.Headline()) + "**\n\n")
		for _, s := range c.Sources {
			b.WriteString("- Source: " + sourceText(s, true) + "\n")
		}
	}
	for _, n := range c.Notes {
		b.WriteString("- " + mdEscape(n) + "\n")
	}
	b.WriteString("- Via " + mdEscape(c.Via.String()) + " (" + string(c.Item) + " `" + c.ID + "`)\n")
	return b.String()
}

// sourceText writes a source the way Text and Markdown share: publisher
// and standing, title, publication date, address, retrieval date and
// archived copy. In Markdown the title links to the address.
func sourceText(s Source, md bool) string {
	esc, title, link := func(t string) string { return t }, `"`+s.Title+`"`, func(a string) string { return a }
	if md {
		esc, title, link = mdEscape, "*"+mdEscape(s.Title)+"*", func(a string) string { return "<" + mdURL(a) + ">" }
		if s.Address != "" {
			title = "[" + mdEscape(s.Title) + "](" + mdURL(s.Address) + ")"
		}
	}
	parts := []string{esc(s.Publisher + " (" + string(s.Standing) + ")"), title, esc(publishedPhrase(s))}
	switch {
	case s.Address == "":
		parts = append(parts, "no web address recorded")
	case !md:
		parts = append(parts, link(s.Address))
	}
	if r := s.RetrievedLabel(); r != "" {
		parts = append(parts, r)
	}
	if s.Archive != "" {
		parts = append(parts, "archived copy "+link(s.Archive))
	}
	return strings.Join(parts, ", ")
}

// publishedPhrase says when a source was published, in words that read
// right whether or not it shows a date.
func publishedPhrase(s Source) string {
	if s.Published.IsZero() {
		return "publication date " + cmp.Or(s.PublishedNote, "not shown")
	}
	return "published " + s.PublishedLabel()
}

// BibTeX is the citation as BibTeX-like @misc entries, one per source:
// the source is the work cited, and the figure, the caveats and corridor
// go in the note, as a data publisher asks to be cited "via" it.
func (c Citation) BibTeX() string {
	var b strings.Builder
	for i, s := range c.Sources {
		key := "corridor-" + bibKey(c.ID)
		if len(c.Sources) > 1 {
			key += "-" + bibKey(s.ID)
		}
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "@misc{%s,\n", key)
		field := func(name, value string) { fmt.Fprintf(&b, "  %-9s = {%s},\n", name, value) }
		field("author", "{"+bibEscape(s.Publisher)+"}")
		field("title", "{"+bibEscape(s.Title)+"}")
		if p := s.Published; !p.IsZero() && p.Exact() {
			field("year", strconv.Itoa(p.Year))
			if p.Kind != PeriodYear {
				field("date", p.String())
			}
		}
		if s.Address != "" {
			field("url", bibURL(s.Address))
		}
		var note []string
		if c.Item != CiteSource {
			note = append(note, c.Headline()+".")
		}
		if s.Published.IsZero() || s.PublishedNote != "" {
			note = append(note, "Publication date: "+s.PublishedLabel()+".")
		}
		if r := s.RetrievedLabel(); r != "" {
			note = append(note, strings.ToUpper(r[:1])+r[1:]+".")
		}
		if s.Archive != "" {
			note = append(note, "Archived copy: "+s.Archive+".")
		}
		note = append(note, c.Notes...)
		note = append(note, "Via "+c.Via.String()+" ("+string(c.Item)+" "+c.ID+").")
		field("note", bibEscape(strings.Join(note, " ")))
		b.WriteString("}\n")
	}
	if len(c.Sources) == 0 {
		fmt.Fprintf(&b, "@misc{corridor-%s,\n  note      = {%s},\n}\n", bibKey(c.ID), bibEscape(c.Headline()+". Via "+c.Via.String()+"."))
	}
	return b.String()
}

// RetrievedLabel says when the page was read, or "" when not recorded.
// The bundled sources record the day corridor first bundled them, which
// is the latest day their pages can have been read, so the label claims
// no more than that: "retrieved on or before 22 Nov 2026".
func (s Source) RetrievedLabel() string {
	if s.Retrieved.IsZero() {
		return ""
	}
	return "retrieved on or before " + s.Retrieved.Label()
}

// QualifierWords spells a qualifier out for prose: "more than".
func QualifierWords(q Qualifier) string {
	switch q {
	case MoreThan:
		return "more than "
	case LessThan:
		return "less than "
	case About:
		return "about "
	}
	return ""
}

// StatedValue prints a value in full as a source stated it, with its
// qualifier in words and its unit: "about 4,600,000 tonnes", "+12% y/y".
// It never rounds: a citation repeats the source's number.
func StatedValue(v float64, q Qualifier, unit string) string {
	n := groupDigits(strconv.FormatFloat(math.Abs(v), 'f', -1, 64))
	if v < 0 {
		n = "-" + n
	}
	var s string
	switch unit {
	case "%":
		s = n + "%"
	case "% y/y":
		if v > 0 {
			n = "+" + n
		}
		s = n + "% y/y"
	case "pp":
		if v > 0 {
			n = "+" + n
		}
		s = n + " pp"
	case "x":
		s = n + " times"
	default:
		s = n + " " + unit
	}
	return QualifierWords(q) + s
}

// groupDigits puts thousands separators in the integer part of a
// formatted non-negative number.
func groupDigits(s string) string {
	intPart, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if hasFrac {
		b.WriteString("." + frac)
	}
	return b.String()
}

// Observation looks an observation up by id.
func (d *Dataset) Observation(id string) (Observation, bool) {
	return byID(d.obsByID, d.Observations, id)
}

// Event looks an event up by id.
func (d *Dataset) Event(id string) (Event, bool) { return byID(d.eventByID, d.Events, id) }

// what names an observation's subject and metric.
func (d *Dataset) what(subject, metric string) string {
	return d.Name(subject) + " — " + d.MetricLabel(metric)
}

// CiteObservation cites one figure: its value as stated, its source,
// and every caveat (other sources' values for the same period, a suspect
// flag, the curator's note).
func (d *Dataset) CiteObservation(id string, via Provenance) (Citation, bool) {
	o, ok := d.Observation(id)
	if !ok {
		return Citation{}, false
	}
	c := Citation{Item: CiteFigure, ID: o.ID, What: d.what(o.Subject, o.Metric), Value: StatedValue(o.Value, o.Qualifier, o.Unit),
		Period: o.Period.Label(), Kind: string(o.Kind), Via: via}
	if src, ok := d.Source(o.Source); ok {
		c.Sources = []Source{src}
	}
	if !o.Period.Exact() {
		c.Notes = append(c.Notes, "The period is given as the source words it.")
	}
	if o.Suspect() {
		c.Notes = append(c.Notes, "corridor flags this figure as a likely data error: it lies far outside what other sources give for the same thing and period.")
	}
	if others := d.Disagreeing(o); len(others) > 0 {
		vals := make([]string, len(others))
		for i, x := range others {
			vals[i] = StatedValue(x.Value, x.Qualifier, x.Unit) + " (" + d.publisherOf(x.Source)
			if x.Suspect() {
				vals[i] += ", flagged as a likely data error"
			}
			vals[i] += ")"
		}
		c.Notes = append(c.Notes, "Sources disagree: for the same period corridor also holds "+strings.Join(vals, "; ")+".")
	}
	if o.Note != "" {
		c.Notes = append(c.Notes, sentence("Curators' note: "+o.Note))
	}
	return c, true
}

func (d *Dataset) publisherOf(id string) string {
	if s, ok := d.Source(id); ok && s.Publisher != "" {
		return s.Publisher
	}
	return id
}

// SeriesID writes a series key as the citation id subject:metric:unit:kind.
func SeriesID(k SeriesKey) string {
	return k.Subject + ":" + k.Metric + ":" + k.Unit + ":" + string(k.Kind)
}

// CiteSeries cites a whole series: its span, its latest charted figure
// and every source behind it, best standing first.
func (d *Dataset) CiteSeries(k SeriesKey, via Provenance) (Citation, bool) {
	obs := d.Series(k)
	if len(obs) == 0 {
		return Citation{}, false
	}
	c := Citation{Item: CiteSeries, ID: SeriesID(k), What: d.what(k.Subject, k.Metric) + " in " + k.Unit, Kind: string(k.Kind), Via: via}
	pts := d.Points(k, nil)
	if len(pts) > 0 {
		first, last := pts[0], pts[len(pts)-1]
		c.Period = first.Period.Label()
		if last.Period.String() != first.Period.String() {
			c.Period += " to " + last.Period.Label()
		}
		c.Value = StatedValue(last.Value, last.Qualifier, last.Unit) + " (" + last.Period.Label() + ", " + d.publisherOf(last.Source) + ")"
	} else {
		c.Period = "periods as the sources word them"
	}
	seen := map[string]bool{}
	text, suspect, disputed := 0, 0, 0
	for _, o := range obs {
		if !seen[o.Source] {
			seen[o.Source] = true
			if s, ok := d.Source(o.Source); ok {
				c.Sources = append(c.Sources, s)
			}
		}
		switch {
		case o.Suspect():
			suspect++
		case !o.Period.Exact():
			text++
		}
	}
	for _, p := range pts {
		if p.Disputed() {
			disputed++
		}
	}
	slices.SortStableFunc(c.Sources, func(a, b Source) int { return cmp.Compare(a.Standing.Rank(), b.Standing.Rank()) })
	c.Notes = append(c.Notes, fmt.Sprintf("%d %s from %d %s.", len(obs), plural(len(obs), "figure", "figures"), len(c.Sources), plural(len(c.Sources), "source", "sources")))
	if disputed > 0 {
		c.Notes = append(c.Notes, fmt.Sprintf("Sources disagree on %d %s; corridor shows the best-standing source's value first.", disputed, plural(disputed, "period", "periods")))
	}
	if text > 0 {
		c.Notes = append(c.Notes, fmt.Sprintf("%d %s a period only in words and %s not charted.", text, plural(text, "figure gives", "figures give"), plural(text, "is", "are")))
	}
	if suspect > 0 {
		c.Notes = append(c.Notes, fmt.Sprintf("%d %s and left out of the span and the latest value.", suspect, plural(suspect, "figure is flagged as a likely data error", "figures are flagged as likely data errors")))
	}
	return c, true
}

// sentence ends s with a full stop unless it already ends a sentence.
func sentence(s string) string {
	if strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") {
		return s
	}
	return s + "."
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// CiteEvent cites a timeline event with its date, status and source.
func (d *Dataset) CiteEvent(id string, via Provenance) (Citation, bool) {
	e, ok := d.Event(id)
	if !ok {
		return Citation{}, false
	}
	kind := e.Kind + ", " + e.Status
	if len(e.Countries) > 0 {
		kind += "; " + strings.Join(e.Countries, ", ")
	}
	if e.Place != "" {
		kind += "; " + e.Place
	}
	c := Citation{Item: CiteEvent, ID: e.ID, What: e.Title, Period: e.Date.Label(), Kind: kind, Via: via}
	if src, ok := d.Source(e.Source); ok {
		c.Sources = []Source{src}
	}
	if e.Planned() {
		c.Notes = append(c.Notes, "Planned: announced for this date, not known to have taken place.")
	}
	if e.Note != "" {
		c.Notes = append(c.Notes, sentence("Curators' note: "+e.Note))
	}
	return c, true
}

// CiteSource cites a source on its own, saying how much of the data
// rests on it.
func (d *Dataset) CiteSource(id string, via Provenance) (Citation, bool) {
	s, ok := d.Source(id)
	if !ok {
		return Citation{}, false
	}
	figs, events, projects := 0, 0, 0
	for _, o := range d.Observations {
		if o.Source == id {
			figs++
		}
	}
	for _, e := range d.Events {
		if e.Source == id {
			events++
		}
	}
	for _, p := range d.Projects {
		if p.Source == id {
			projects++
		}
	}
	c := Citation{Item: CiteSource, ID: id, What: s.Publisher + `, "` + s.Title + `"`, Sources: []Source{s}, Via: via}
	c.Notes = append(c.Notes, fmt.Sprintf("corridor takes %d %s, %d %s and %d %s from it.",
		figs, plural(figs, "figure", "figures"), events, plural(events, "event", "events"), projects, plural(projects, "project", "projects")))
	return c, true
}

// Cite cites whatever id names: an observation, an event or a source, in
// that order. ok is false when nothing has the id; ambiguous lists the
// kinds of item sharing it when more than one does (ids are unique within
// a file but not across files).
func (d *Dataset) Cite(id string, via Provenance) (c Citation, ok bool, ambiguous []CiteItem) {
	var found []Citation
	if c, ok := d.CiteObservation(id, via); ok {
		found = append(found, c)
	}
	if c, ok := d.CiteEvent(id, via); ok {
		found = append(found, c)
	}
	if c, ok := d.CiteSource(id, via); ok {
		found = append(found, c)
	}
	if len(found) == 0 {
		return Citation{}, false, nil
	}
	if len(found) > 1 {
		for _, f := range found {
			ambiguous = append(ambiguous, f.Item)
		}
	}
	return found[0], true, ambiguous
}

// mdEscape keeps Markdown from reading data as markup.
func mdEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "`", "\\`", "<", `\<`, "|", `\|`).Replace(s)
}

// mdURL makes an address safe inside a Markdown link or autolink.
func mdURL(s string) string {
	return strings.NewReplacer(" ", "%20", "(", "%28", ")", "%29", "<", "%3C", ">", "%3E").Replace(s)
}

// bibEscape escapes TeX's special characters in a field's text.
func bibEscape(s string) string {
	return strings.NewReplacer(`\`, `\textbackslash{}`, "{", `\{`, "}", `\}`, "&", `\&`, "%", `\%`, "$", `\$`, "#", `\#`, "_", `\_`,
		"~", `\textasciitilde{}`, "^", `\textasciicircum{}`).Replace(s)
}

// bibURL keeps an address verbatim, as biblatex's url field expects,
// except for braces, which would end the field.
func bibURL(s string) string {
	return strings.NewReplacer("{", "%7B", "}", "%7D").Replace(s)
}

// bibKey turns an id into a citation key: letters, digits and '-'.
func bibKey(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-':
			b.WriteRune(r)
		default:
			b.WriteByte('-')
		}
	}
	return b.String()
}

// CiteSelection cites what a view has selected, the way `y` in the
// dashboard does: the observations of one series over several periods
// are cited as that series; otherwise the first observation (the one the
// view shows, preferred source first) is cited as a figure, whose
// citation names any other values; with no observation, the first event,
// then the first source. ok is false when there is nothing to cite.
func (d *Dataset) CiteSelection(obs []Observation, events []Event, sources []string, via Provenance) (Citation, bool) {
	if len(obs) > 0 {
		key, periods := obs[0].Key(), map[string]bool{}
		one := true
		for _, o := range obs {
			one = one && o.Key() == key
			periods[o.Period.String()] = true
		}
		if one && len(periods) > 1 {
			return d.CiteSeries(key, via)
		}
		return d.CiteObservation(obs[0].ID, via)
	}
	if len(events) > 0 {
		return d.CiteEvent(events[0].ID, via)
	}
	if len(sources) > 0 {
		return d.CiteSource(sources[0], via)
	}
	return Citation{}, false
}
