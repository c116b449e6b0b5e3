package model

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// A data update is reviewed the way code is: what was added, removed
// and changed, and what the change does to the things a reader relies on
// (disagreements between sources, figures flagged as likely errors,
// events on the timeline). Compare computes that; `corridor diff` prints
// it and the dashboard's reload notice lists it.

// FigureRef is an observation with what a reader needs to recognise it,
// taken from the dataset it belongs to.
type FigureRef struct {
	Observation
	// What names the subject and metric: "Port of Baku — Cargo".
	What string
	// From is the observation's source.
	From Source
}

// Label is the figure in one line: "Port of Baku — Cargo, 2024:
// 7,600,000 tonnes (actual, Statistics Office)".
func (f FigureRef) Label() string {
	return fmt.Sprintf("%s, %s: %s", f.What, f.Period.Label(), f.value())
}

// value is the figure's value with its kind and publisher.
func (f FigureRef) value() string {
	s := StatedValue(f.Value, f.Qualifier, f.Unit) + " (" + string(f.Kind) + ", " + cmp.Or(f.From.Publisher, f.Observation.Source)
	if f.Suspect() {
		s += ", flagged suspect"
	}
	return s + ")"
}

// valueFrom is the figure's value with its publisher and id, for lists
// of one series and period where the kind goes without saying.
func (f FigureRef) valueFrom() string {
	s := StatedValue(f.Value, f.Qualifier, f.Unit) + " (" + cmp.Or(f.From.Publisher, f.Observation.Source)
	if f.Suspect() {
		s += ", flagged suspect"
	}
	return s + ") " + f.ID
}

// FigureChange is one observation whose row changed.
type FigureChange struct {
	Old, New FigureRef
	// Fields are the observations.csv columns that differ.
	Fields []string
}

// Label says what changed: "Port of Baku — Cargo, 2024: 7,600,000
// tonnes (actual, A) -> 7,650,000 tonnes (actual, B)"; when the figure's
// subject, metric or period changed, both are named.
func (c FigureChange) Label() string {
	if c.Old.What == c.New.What && c.Old.Period.String() == c.New.Period.String() {
		return fmt.Sprintf("%s, %s: %s -> %s", c.New.What, c.New.Period.Label(), c.Old.value(), c.New.value())
	}
	return c.Old.Label() + " -> " + c.New.Label()
}

// Disagreement is a series and period on which sources give different
// values, with the figures involved.
type Disagreement struct {
	Key    SeriesKey
	Period Period
	What   string
	// Figures are the disagreeing figures: for a new disagreement, in the
	// new data; for a resolved one, as they were in the old data.
	Figures []FigureRef
	// Now, for a resolved disagreement, is what the new data holds for
	// the same series and period (possibly nothing).
	Now []FigureRef
}

// Label is the disagreement in one line with every value.
func (d Disagreement) Label() string {
	vals := make([]string, len(d.Figures))
	for i, f := range d.Figures {
		vals[i] = f.valueFrom()
	}
	return fmt.Sprintf("%s, %s (%s): %s", d.What, d.Period.Label(), d.Key.Kind, strings.Join(vals, "; "))
}

// EventChange is one event whose row changed.
type EventChange struct {
	Old, New Event
	// Fields are the events.csv columns that differ.
	Fields []string
}

// RowChanges lists the ids of rows added, removed and changed in one of
// the files that describe rather than measure (sources, metrics...).
type RowChanges struct {
	Added, Removed, Changed []string
}

// Len is how many rows changed.
func (r RowChanges) Len() int { return len(r.Added) + len(r.Removed) + len(r.Changed) }

// Changes is what an update does to the data.
type Changes struct {
	// OldVersion and NewVersion are the datasets' Version.
	OldVersion, NewVersion string
	Added, Removed         []FigureRef
	// Changed are figures whose row changed, except those whose only
	// change is a new suspect flag, which are in NewlySuspect alone.
	Changed []FigureChange
	// NewlySuspect are figures flagged suspect in the new data that were
	// not (or did not exist) in the old.
	NewlySuspect []FigureRef
	// NewDisagreements and ResolvedDisagreements compare the series and
	// periods on which sources disagree.
	NewDisagreements, ResolvedDisagreements []Disagreement
	EventsAdded, EventsRemoved              []Event
	// EventsMoved are events whose date changed; EventsChanged those
	// whose row changed in any other way.
	EventsMoved, EventsChanged                  []EventChange
	Sources, Metrics, Subjects, Ports, Projects RowChanges
}

// Rows is how many rows were added, removed or changed in all files:
// the same count as Diff, which a reload reports as "N changes".
func (c Changes) Rows() int {
	n := len(c.Added) + len(c.Removed) + len(c.Changed) + len(c.EventsAdded) + len(c.EventsRemoved) + len(c.EventsMoved) + len(c.EventsChanged)
	for _, f := range c.NewlySuspect {
		if !slices.ContainsFunc(c.Added, func(a FigureRef) bool { return a.ID == f.ID }) && !slices.ContainsFunc(c.Changed, func(x FigureChange) bool { return x.New.ID == f.ID }) {
			n++
		}
	}
	return n + c.Sources.Len() + c.Metrics.Len() + c.Subjects.Len() + c.Ports.Len() + c.Projects.Len()
}

// Empty reports whether nothing changed.
func (c Changes) Empty() bool { return c.Rows() == 0 }

// ChangedIDs lists the ids of figures added, changed or newly suspect:
// what a view marks as new after a reload.
func (c Changes) ChangedIDs() map[string]bool {
	ids := map[string]bool{}
	for _, f := range c.Added {
		ids[f.ID] = true
	}
	for _, f := range c.Changed {
		ids[f.New.ID] = true
	}
	for _, f := range c.NewlySuspect {
		ids[f.ID] = true
	}
	return ids
}

// Compare computes what changed from old to new. Rows are matched by id
// within each file. A nil dataset counts as empty.
func Compare(old, new *Dataset) Changes {
	if old == nil {
		old = &Dataset{}
		old.Index()
	}
	if new == nil {
		new = &Dataset{}
		new.Index()
	}
	c := Changes{OldVersion: old.Version, NewVersion: new.Version}
	oldObs := map[string]Observation{}
	for _, o := range old.Observations {
		oldObs[o.ID] = o
	}
	newIDs := map[string]bool{}
	for _, o := range new.Observations {
		newIDs[o.ID] = true
		was, existed := oldObs[o.ID]
		if !existed {
			c.Added = append(c.Added, new.figure(o))
			if o.Suspect() {
				c.NewlySuspect = append(c.NewlySuspect, new.figure(o))
			}
			continue
		}
		fields := obsFields(was, o)
		if len(fields) == 0 {
			continue
		}
		newlySuspect := o.Suspect() && !was.Suspect()
		if newlySuspect {
			c.NewlySuspect = append(c.NewlySuspect, new.figure(o))
		}
		if !newlySuspect || len(fields) > 1 {
			c.Changed = append(c.Changed, FigureChange{Old: old.figure(was), New: new.figure(o), Fields: fields})
		}
	}
	for _, o := range old.Observations {
		if !newIDs[o.ID] {
			c.Removed = append(c.Removed, old.figure(o))
		}
	}
	c.NewDisagreements, c.ResolvedDisagreements = compareConflicts(old, new)
	c.compareEvents(old, new)
	c.Sources = compareRows(old.Sources, new.Sources, func(s Source) string { return s.ID }, rows)
	c.Metrics = compareRows(old.Metrics, new.Metrics, func(m Metric) string { return m.ID }, rows)
	c.Subjects = compareRows(old.Subjects, new.Subjects, func(s Subject) string { return s.ID }, rows)
	c.Ports = compareRows(old.Ports, new.Ports, func(p Port) string { return p.ID }, rows)
	c.Projects = compareRows(old.Projects, new.Projects, func(p Project) string { return p.ID }, func(ps []Project, _ func(Project) string) map[string]string { return projectRows(ps) })
	return c
}

// figure wraps an observation with its names and source from d.
func (d *Dataset) figure(o Observation) FigureRef {
	src, _ := d.Source(o.Source)
	return FigureRef{Observation: o, What: d.what(o.Subject, o.Metric), From: src}
}

// obsFields lists the observations.csv columns in which a and b differ.
func obsFields(a, b Observation) []string {
	var out []string
	add := func(name string, differ bool) {
		if differ {
			out = append(out, name)
		}
	}
	add("subject", a.Subject != b.Subject)
	add("metric", a.Metric != b.Metric)
	add("period", a.Period.String() != b.Period.String())
	add("value", a.Value != b.Value)
	add("qualifier", a.Qualifier != b.Qualifier)
	add("unit", a.Unit != b.Unit)
	add("kind", a.Kind != b.Kind)
	add("source", a.Source != b.Source)
	add("flag", a.Flag != b.Flag)
	add("note", a.Note != b.Note)
	return out
}

// eventFields lists the events.csv columns in which a and b differ.
func eventFields(a, b Event) []string {
	var out []string
	add := func(name string, differ bool) {
		if differ {
			out = append(out, name)
		}
	}
	add("date", a.Date.String() != b.Date.String())
	add("title", a.Title != b.Title)
	add("countries", !slices.Equal(a.Countries, b.Countries))
	add("kind", a.Kind != b.Kind)
	add("status", a.Status != b.Status)
	add("place", a.Place != b.Place)
	add("source", a.Source != b.Source)
	add("note", a.Note != b.Note)
	return out
}

func (c *Changes) compareEvents(old, new *Dataset) {
	was := map[string]Event{}
	for _, e := range old.Events {
		was[e.ID] = e
	}
	now := map[string]bool{}
	for _, e := range new.Events {
		now[e.ID] = true
		o, ok := was[e.ID]
		if !ok {
			c.EventsAdded = append(c.EventsAdded, e)
			continue
		}
		fields := eventFields(o, e)
		switch {
		case len(fields) == 0:
		case fields[0] == "date":
			c.EventsMoved = append(c.EventsMoved, EventChange{Old: o, New: e, Fields: fields})
		default:
			c.EventsChanged = append(c.EventsChanged, EventChange{Old: o, New: e, Fields: fields})
		}
	}
	for _, e := range old.Events {
		if !now[e.ID] {
			c.EventsRemoved = append(c.EventsRemoved, e)
		}
	}
}

func conflictKey(c Conflict) string { return SeriesID(c.Key) + "@" + c.Period.String() }

// compareConflicts finds the disagreements only the new data has, and
// those only the old data had.
func compareConflicts(old, new *Dataset) (added, resolved []Disagreement) {
	oldC, newC := old.Conflicts(), new.Conflicts()
	had := map[string]bool{}
	for _, c := range oldC {
		had[conflictKey(c)] = true
	}
	has := map[string]bool{}
	for _, c := range newC {
		has[conflictKey(c)] = true
		if !had[conflictKey(c)] {
			added = append(added, new.disagreement(c))
		}
	}
	for _, c := range oldC {
		if !has[conflictKey(c)] {
			d := old.disagreement(c)
			if obs := new.byPeriod[periodKey{c.Key, c.Period.String()}]; len(obs) > 0 {
				for _, j := range obs {
					d.Now = append(d.Now, new.figure(new.Observations[j]))
				}
			}
			resolved = append(resolved, d)
		}
	}
	return added, resolved
}

func (d *Dataset) disagreement(c Conflict) Disagreement {
	out := Disagreement{Key: c.Key, Period: c.Period, What: d.what(c.Key.Subject, c.Key.Metric)}
	for _, o := range c.Observations {
		out.Figures = append(out.Figures, d.figure(o))
	}
	return out
}

// compareRows matches rows by id and compares them as format writes
// them (the same formatting Diff counts with), in file order.
func compareRows[T any](old, new []T, id func(T) string, format func([]T, func(T) string) map[string]string) RowChanges {
	var r RowChanges
	was, now := format(old, id), format(new, id)
	for _, x := range new {
		v, ok := was[id(x)]
		switch {
		case !ok:
			r.Added = append(r.Added, id(x))
		case v != now[id(x)]:
			r.Changed = append(r.Changed, id(x))
		}
	}
	for _, x := range old {
		if _, ok := now[id(x)]; !ok {
			r.Removed = append(r.Removed, id(x))
		}
	}
	return r
}

// Summary counts the changed rows by kind in one line, then what they do
// to disagreements: "7 changes: 1 figure added, ...; 1 new
// disagreement". It names only kinds that occur.
func (c Changes) Summary() string {
	n := c.Rows()
	if n == 0 {
		return "no changes"
	}
	var parts []string
	part := func(k int, one, many string) {
		if k > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", k, plural(k, one, many)))
		}
	}
	part(len(c.Added), "figure added", "figures added")
	part(len(c.Removed), "figure removed", "figures removed")
	part(len(c.Changed), "figure changed", "figures changed")
	part(len(c.NewlySuspect), "figure newly suspect", "figures newly suspect")
	part(len(c.EventsAdded), "event added", "events added")
	part(len(c.EventsRemoved), "event removed", "events removed")
	part(len(c.EventsMoved), "event moved", "events moved")
	part(len(c.EventsChanged), "event changed", "events changed")
	part(c.Sources.Len(), "source row", "source rows")
	part(c.Metrics.Len()+c.Subjects.Len()+c.Ports.Len()+c.Projects.Len(), "other row", "other rows")
	s := fmt.Sprintf("%d %s: %s", n, plural(n, "change", "changes"), strings.Join(parts, ", "))
	// Disagreements are not rows but what the rows now say together.
	parts = nil
	part(len(c.NewDisagreements), "new disagreement", "new disagreements")
	part(len(c.ResolvedDisagreements), "disagreement resolved", "disagreements resolved")
	if len(parts) > 0 {
		s += "; " + strings.Join(parts, ", ")
	}
	return s
}

// Section is one heading of a change report with its lines.
type Section struct {
	Title string
	// Mark is the glyph each line starts with in text: + added, -
	// removed, ~ changed, ! suspect, ≠ disagreement, = resolved, >
	// moved.
	Mark  string
	Lines []string
}

// Sections lays the changes out for a reader, in review order: figures,
// what they do to disagreements and flags, events, then the describing
// files. Empty sections are left out. The text, Markdown and dashboard
// views all print these.
func (c Changes) Sections() []Section {
	var out []Section
	add := func(title, mark string, lines []string) {
		if len(lines) > 0 {
			out = append(out, Section{Title: title, Mark: mark, Lines: lines})
		}
	}
	figs := func(fs []FigureRef) []string {
		var l []string
		for _, f := range fs {
			l = append(l, f.Label()+" ["+f.ID+"]")
		}
		return l
	}
	var changed []string
	for _, f := range c.Changed {
		changed = append(changed, f.Label()+" ["+f.New.ID+"; "+strings.Join(f.Fields, ", ")+"]")
	}
	var newD, resolved []string
	for _, d := range c.NewDisagreements {
		newD = append(newD, d.Label())
	}
	for _, d := range c.ResolvedDisagreements {
		s := d.Label()
		if len(d.Now) == 0 {
			s += "; now no figure"
		} else {
			vals := make([]string, len(d.Now))
			for i, f := range d.Now {
				vals[i] = f.valueFrom()
			}
			s += "; now " + strings.Join(vals, "; ")
		}
		resolved = append(resolved, s)
	}
	events := func(es []Event) []string {
		var l []string
		for _, e := range es {
			l = append(l, e.Date.Label()+": "+e.Title+" ("+e.Status+") ["+e.ID+"]")
		}
		return l
	}
	var moved, evChanged []string
	for _, e := range c.EventsMoved {
		moved = append(moved, e.New.Title+": "+e.Old.Date.Label()+" -> "+e.New.Date.Label()+" ("+e.New.Status+") ["+e.New.ID+"; "+strings.Join(e.Fields, ", ")+"]")
	}
	for _, e := range c.EventsChanged {
		evChanged = append(evChanged, e.New.Date.Label()+": "+e.New.Title+" ["+e.New.ID+"; "+strings.Join(e.Fields, ", ")+"]")
	}
	add("Figures added", "+", figs(c.Added))
	add("Figures removed", "-", figs(c.Removed))
	add("Figures changed", "~", changed)
	add("Figures newly flagged suspect", "!", figs(c.NewlySuspect))
	add("New disagreements between sources", "≠", newD)
	add("Disagreements resolved", "=", resolved)
	add("Events added", "+", events(c.EventsAdded))
	add("Events removed", "-", events(c.EventsRemoved))
	add("Events moved", ">", moved)
	add("Events changed", "~", evChanged)
	for _, r := range []struct {
		file string
		rc   RowChanges
	}{{"sources", c.Sources}, {"metrics", c.Metrics}, {"subjects", c.Subjects}, {"ports", c.Ports}, {"projects", c.Projects}} {
		var l []string
		for _, x := range []struct {
			verb string
			ids  []string
		}{{"added", r.rc.Added}, {"removed", r.rc.Removed}, {"changed", r.rc.Changed}} {
			if len(x.ids) > 0 {
				l = append(l, x.verb+": "+strings.Join(x.ids, ", "))
			}
		}
		add(strings.ToUpper(r.file[:1])+r.file[1:], "*", l)
	}
	return out
}

// Text is the change report as plain text, headed by the versions and
// the summary.
func (c Changes) Text(oldLabel, newLabel string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s -> %s\n%s\n", versioned(oldLabel, c.OldVersion), versioned(newLabel, c.NewVersion), c.Summary())
	for _, s := range c.Sections() {
		fmt.Fprintf(&b, "\n%s\n", s.Title)
		for _, l := range s.Lines {
			fmt.Fprintf(&b, "  %s %s\n", s.Mark, l)
		}
	}
	return b.String()
}

// Markdown is the change report as Markdown, for a pull request or a
// release note.
func (c Changes) Markdown(oldLabel, newLabel string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "## Data update: %s -> %s\n\n%s\n", mdEscape(versioned(oldLabel, c.OldVersion)), mdEscape(versioned(newLabel, c.NewVersion)), mdEscape(c.Summary()))
	for _, s := range c.Sections() {
		fmt.Fprintf(&b, "\n### %s\n\n", s.Title)
		for _, l := range s.Lines {
			fmt.Fprintf(&b, "- %s\n", mdEscape(l))
		}
	}
	return b.String()
}

func versioned(label, version string) string {
	if version == "" {
		return label
	}
	return label + " (data " + version + ")"
}
