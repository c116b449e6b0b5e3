package data

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"path"
	"slices"
	"strconv"
	"strings"

	"corridor/model"
)

// The files a dataset is made of, in the order they are read: later files
// refer to ids defined in earlier ones.
const (
	SourcesFile      = "sources.csv"
	MetricsFile      = "metrics.csv"
	SubjectsFile     = "subjects.csv"
	PortsFile        = "ports.csv"
	ProjectsFile     = "projects.csv"
	ObservationsFile = "observations.csv"
	EventsFile       = "events.csv"
	RouteFile        = "route.csv"
	CardsFile        = "cards.csv"
	HeadlinesFile    = "headlines.csv"
	ChartsFile       = "charts.csv"
	// PlacesFile puts ports and nodes on the map. It may be missing: a
	// directory written before the map existed still loads, without one.
	PlacesFile = "places.csv"
)

// Columns lists every file's columns in their documented order. Load
// requires all of them except OptionalColumns, and accepts extra ones, so
// an analyst may keep working columns in a spreadsheet.
func Columns() map[string][]string {
	return map[string][]string{
		SourcesFile:      {"id", "title", "publisher", "standing", "address", "published", "published_note", "retrieved", "archive"},
		MetricsFile:      {"id", "label", "units", "description"},
		SubjectsFile:     {"id", "name", "kind", "countries", "note"},
		PortsFile:        {"id", "name", "country", "sea", "city", "operator", "note"},
		ProjectsFile:     {"id", "name", "type", "status", "capacity", "capacity_unit", "length_km", "cost", "cost_unit", "partners", "start", "completion", "source", "note"},
		ObservationsFile: {"id", "subject", "metric", "period", "value", "qualifier", "unit", "kind", "source", "flag", "note"},
		EventsFile:       {"id", "date", "precision", "title", "countries", "kind", "status", "place", "source", "note"},
		RouteFile:        {"id", "position", "name", "note"},
		CardsFile:        {"id", "position", "title", "note"},
		HeadlinesFile:    {"id", "shown_on", "position", "label", "subject", "metric", "unit", "briefing", "note"},
		ChartsFile:       {"id", "view", "position", "title", "subject", "metric", "unit", "style", "note"},
		PlacesFile:       {"id", "name", "subject", "lat", "lon", "order", "from", "mode", "source", "note"},
	}
}

// OptionalColumns lists the columns a file may leave out, because they
// were added after analysts had files without them: a missing optional
// column reads as empty in every row.
func OptionalColumns() map[string][]string {
	return map[string][]string{SourcesFile: {"retrieved", "archive"}}
}

// Files lists the dataset's files in load order.
func Files() []string {
	return []string{SourcesFile, MetricsFile, SubjectsFile, PortsFile, ProjectsFile, ObservationsFile, EventsFile,
		RouteFile, CardsFile, HeadlinesFile, ChartsFile, PlacesFile}
}

// maxFileSize bounds what one file may hold so a runaway file cannot
// exhaust a server's memory.
const maxFileSize = 64 << 20

// idPattern and metricPattern are what ids and metric ids may look like:
// lower-case letters and digits, joined by '-' in ids and '_' in metric
// ids, never leading. Checked by hand: a regexp here cost a tenth of a
// load.
var (
	idPattern     = pattern('-')
	metricPattern = pattern('_')
)

// pattern matches ^[a-z0-9][a-z0-9<join>]*$.
type pattern byte

// MatchString reports whether s matches the pattern.
func (p pattern) MatchString(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == byte(p) && i > 0) {
			return false
		}
	}
	return s != ""
}

// Load reads and validates every file of a dataset from fsys. It returns
// either a fully valid, indexed dataset or an Errors value holding every
// problem found, each naming file, line and column.
func Load(fsys fs.FS) (*model.Dataset, error) {
	ds, _, err := LoadLayers(Layer{FS: fsys})
	return ds, err
}

// Layer is one directory of CSV files. Layers are read in order and a
// row in a later layer replaces the row with the same id in an earlier
// one, so an analyst's directory can carry just the rows it adds or
// corrects on top of the bundled data.
type Layer struct {
	FS fs.FS
	// Name prefixes file names in messages ("mydata/observations.csv");
	// empty for the bundled data.
	Name string
	// Optional layers may leave files out.
	Optional bool
}

// Pos is where a row came from, for messages about it.
type Pos struct {
	File   string
	Line   int
	header map[string]int
}

// Col is the 1-based column of a field in the row's file (0 if absent).
func (p Pos) Col(field string) int {
	if i, ok := p.header[field]; ok {
		return i + 1
	}
	return 0
}

// Positions maps each row to where it came from, by file and id.
type Positions map[string]Pos

// Of returns the position of the row with id in file (a base name such as
// "observations.csv").
func (p Positions) Of(file, id string) (Pos, bool) {
	x, ok := p[file+"\x00"+id]
	return x, ok
}

// LoadLayers reads and validates the layers as one dataset, and says
// where each row came from.
func LoadLayers(layers ...Layer) (*model.Dataset, Positions, error) {
	ds, pos, errs := loadAll(layers)
	if len(errs) > 0 {
		return nil, pos, errs
	}
	return ds, pos, nil
}

// loadAll loads what it can: the dataset holds every row, including rows
// with errors, so Validate can still look at the rest.
func loadAll(layers []Layer) (*model.Dataset, Positions, Errors) {
	l := &loader{layers: layers, ids: map[string]string{}, spots: map[string]string{}, pos: Positions{}}
	ds := &model.Dataset{}
	l.sources(ds)
	l.metrics(ds)
	l.subjects(ds)
	l.ports(ds)
	l.projects(ds)
	l.observations(ds)
	l.events(ds)
	l.route(ds)
	l.cards(ds)
	l.headlines(ds)
	l.charts(ds)
	l.places(ds)
	ds.Index()
	if len(l.errs) == 0 {
		ds.Version = Version(ds)
	}
	return ds, l.pos, l.errs
}

type loader struct {
	layers     []Layer
	errs       Errors
	sourceIDs  map[string]bool
	metricByID map[string]model.Metric
	// ids holds port, project and subject ids with the file defining them:
	// observations refer to all three through one column.
	ids map[string]string
	pos Positions
	// spots holds route node and card ids with the file defining them:
	// headlines name either through one column.
	spots map[string]string
}

// VersionLen is how many hex digits of the data's SHA-256 digest make a
// dataset's Version: enough to tell any two published updates apart,
// short enough to quote in a citation.
const VersionLen = 12

// row is one record with its position, read through its header.
type row struct {
	l      *loader
	file   string
	line   int
	header map[string]int
	fields []string
}

func (r row) col(name string) int { return r.header[name] + 1 }

// get returns the cleaned cell; a missing cell reads as empty.
func (r row) get(name string) string {
	i, ok := r.header[name]
	if !ok || i >= len(r.fields) {
		return ""
	}
	return model.CleanText(r.fields[i])
}

func (r row) errorf(name, format string, args ...any) {
	r.l.errs = append(r.l.errs, &Error{File: r.file, Line: r.line, Column: r.col(name), Field: name, Msg: fmt.Sprintf(format, args...)})
}

func (r row) required(name string) string {
	v := r.get(name)
	if v == "" {
		r.errorf(name, "is empty; a value is required")
	}
	return v
}

// id checks an id column: present, well-formed and unique within seen.
func (r row) id(seen map[string]bool) string {
	v := r.required("id")
	if v == "" {
		return ""
	}
	if !idPattern.MatchString(v) {
		r.errorf("id", "%q is not a valid id; want lowercase letters, digits and '-'", v)
	}
	if seen[v] {
		r.errorf("id", "duplicate id %q", v)
	}
	seen[v] = true
	return v
}

// subjectID checks an id shared by ports, projects and subjects.
func (r row) subjectID() string { return r.sharedID(r.l.ids) }

// sharedID checks an id that must be well-formed and unique across the
// files that record theirs in space (id → file defining it).
func (r row) sharedID(space map[string]string) string {
	v := r.required("id")
	if v == "" {
		return ""
	}
	if !idPattern.MatchString(v) {
		r.errorf("id", "%q is not a valid id; want lowercase letters, digits and '-'", v)
	}
	if f, dup := space[v]; dup {
		r.errorf("id", "duplicate id %q (already defined in %s)", v, f)
	}
	space[v] = r.file
	return v
}

func (r row) oneOf(name, v string, allowed []string) {
	if !slices.Contains(allowed, v) {
		r.errorf(name, "%q is not one of %s", v, strings.Join(allowed, ", "))
	}
}

func (r row) number(name string, optional bool) *float64 {
	v := r.get(name)
	if v == "" {
		if !optional {
			r.errorf(name, "is empty; a number is required")
		}
		return nil
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		r.errorf(name, "%q is not a number; want digits with an optional '.' and no thousands separators", v)
		return nil
	}
	return &f
}

// amount reads an optional number that may carry a source's qualifier
// as a prefix: ">50000000000".
func (r row) amount(name string) (*float64, model.Qualifier) {
	v := r.get(name)
	q := model.Exactly
	if v != "" && strings.ContainsAny(v[:1], "<>~") {
		q = model.Qualifier(v[:1])
		r.fields[r.header[name]] = v[1:]
	}
	return r.number(name, true), q
}

func (r row) period(name string, optional bool) model.Period {
	v := r.get(name)
	if v == "" {
		if !optional {
			r.errorf(name, "is empty; a period is required")
		}
		return model.Period{}
	}
	p, err := model.ParsePeriod(v)
	if err != nil {
		r.errorf(name, "%v", err)
	}
	return p
}

func (r row) source(name string) string {
	v := r.required(name)
	if v != "" && !r.l.sourceIDs[v] {
		r.errorf(name, "unknown source %q; add it to %s first", v, SourcesFile)
	}
	return v
}

func (r row) countries(name string, optional bool) []string {
	list := splitList(r.get(name))
	if len(list) == 0 && !optional {
		r.errorf(name, "is empty; at least one country is required")
	}
	for _, c := range list {
		if !model.KnownCountry(c) {
			r.errorf(name, "unknown country %q", c)
		}
	}
	return list
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ";") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// each reads file from every layer and calls fn for every data row, a
// later layer's row replacing an earlier one with the same id. A missing
// file or column is reported once and that layer's file skipped;
// malformed CSV stops the file at the broken record, since nothing after
// it can be trusted.
func (l *loader) each(file string, fn func(row)) {
	var rows []row
	seen := map[string]int{} // id → index in rows, from earlier layers
	for _, layer := range l.layers {
		got, _ := l.read(layer, file)
		here := map[string]int{}
		for _, r := range got {
			id := r.get("id")
			if i, ok := seen[id]; ok && id != "" {
				rows[i] = r
				continue
			}
			if _, dup := here[id]; !dup {
				here[id] = len(rows)
			}
			rows = append(rows, r)
		}
		for id, i := range here {
			seen[id] = i
		}
	}
	for _, r := range rows {
		l.pos[file+"\x00"+r.get("id")] = Pos{File: r.file, Line: r.line, header: r.header}
		fn(r)
	}
}

// read parses one layer's copy of file into rows. present is false when
// the layer has no such file.
func (l *loader) read(layer Layer, file string) (rows []row, present bool) {
	name := file
	if layer.Name != "" {
		name = path.Join(layer.Name, file)
	}
	fail := func(line, col int, format string, args ...any) {
		l.errs = append(l.errs, &Error{File: name, Line: line, Column: col, Msg: fmt.Sprintf(format, args...)})
	}
	failRead := func(err error, line int) {
		if errors.Is(err, errTooLarge) {
			fail(0, 0, "grew past the %s limit for one file while it was read", byteSize(maxFileSize))
			return
		}
		fail(csvLine(err, line), csvCol(err), "%v", csvMsg(err))
	}
	// Only a regular file is read: a named pipe would block, a device
	// never end. The check is made before opening and again on the open
	// file, which may have been swapped in between.
	st, err := fs.Stat(layer.FS, file)
	if err != nil {
		if !(layer.Optional || file == PlacesFile) || !errors.Is(err, fs.ErrNotExist) {
			fail(0, 0, "cannot open: %v", unwrapPath(err))
		}
		return nil, false
	}
	if !st.Mode().IsRegular() {
		fail(0, 0, "not a regular file")
		return nil, true
	}
	f, err := layer.FS.Open(file)
	if err != nil {
		fail(0, 0, "cannot open: %v", unwrapPath(err))
		return nil, true
	}
	defer f.Close()
	if st, err = f.Stat(); err != nil || !st.Mode().IsRegular() {
		fail(0, 0, "not a regular file")
		return nil, true
	}
	if st.Size() > maxFileSize {
		fail(0, 0, "file is %s, over the %s limit for one file", byteSize(st.Size()), byteSize(maxFileSize))
		return nil, true
	}
	// The file may still grow while it is read: reading past the limit
	// is an error too, never a silent cut.
	cr := csv.NewReader(&capReader{r: f, left: maxFileSize})
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = false
	head, err := cr.Read()
	if err != nil {
		if err == io.EOF {
			fail(1, 0, "file is empty; want a header row: %s", strings.Join(Columns()[file], ","))
		} else {
			failRead(err, 1)
		}
		return nil, true
	}
	header := map[string]int{}
	for i, h := range head {
		h = strings.TrimSpace(strings.TrimPrefix(h, "\uFEFF"))
		if _, dup := header[h]; dup {
			fail(1, i+1, "column %q appears twice in the header", h)
		}
		header[h] = i
	}
	missing := false
	for _, c := range Columns()[file] {
		if _, ok := header[c]; !ok && !slices.Contains(OptionalColumns()[file], c) {
			fail(1, 0, "missing required column %q; want header %s", c, strings.Join(Columns()[file], ","))
			missing = true
		}
	}
	if missing {
		return nil, true
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return rows, true
		}
		if err != nil {
			failRead(err, 0)
			return rows, true
		}
		line, _ := cr.FieldPos(0)
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue // a blank line a spreadsheet left behind
		}
		if len(rec) != len(head) {
			fail(line, min(len(rec), len(head))+1, "row has %d fields, the header has %d", len(rec), len(head))
			continue
		}
		rows = append(rows, row{l: l, file: name, line: line, header: header, fields: rec})
	}
}

// errTooLarge is what capReader returns past the limit.
var errTooLarge = errors.New("file too large")

// capReader reads at most left bytes, then fails rather than end early.
type capReader struct {
	r    io.Reader
	left int64
}

func (c *capReader) Read(p []byte) (int, error) {
	if c.left <= 0 {
		// One more byte tells a file that ends exactly at the limit
		// from one that goes on.
		var one [1]byte
		n, err := c.r.Read(one[:])
		if n > 0 {
			return 0, errTooLarge
		}
		return 0, err
	}
	if int64(len(p)) > c.left {
		p = p[:c.left]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	return n, err
}

// byteSize formats a byte count for a message.
func byteSize(n int64) string {
	if n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}

func csvLine(err error, fallback int) int {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return pe.Line
	}
	return fallback
}

func csvCol(err error) int {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return pe.Column
	}
	return 0
}

func csvMsg(err error) string {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return "malformed CSV: " + pe.Err.Error()
	}
	return err.Error()
}

func (l *loader) sources(ds *model.Dataset) {
	seen := map[string]bool{}
	l.each(SourcesFile, func(r row) {
		s := model.Source{
			ID:            r.id(seen),
			Title:         r.required("title"),
			Publisher:     r.required("publisher"),
			Standing:      model.Standing(r.required("standing")),
			Address:       r.get("address"),
			PublishedNote: r.get("published_note"),
		}
		if s.Standing != "" && !s.Standing.Valid() {
			r.errorf("standing", "%q is not one of official, agency, media, aggregator", s.Standing)
		}
		if s.Address != "" && !strings.HasPrefix(s.Address, "https://") && !strings.HasPrefix(s.Address, "http://") {
			r.errorf("address", "%q is not a web address; want http:// or https://", s.Address)
		}
		if p := r.period("published", true); !p.IsZero() {
			if k := p.Kind; k != model.PeriodYear && k != model.PeriodMonth && k != model.PeriodDay {
				r.errorf("published", "%q is not a date; want YYYY-MM-DD, YYYY-MM or YYYY (put anything else in published_note)", r.get("published"))
			}
			s.Published = p
		}
		if v := r.get("retrieved"); v != "" {
			if p, err := model.ParsePeriod(v); err != nil || p.Kind != model.PeriodDay {
				r.errorf("retrieved", "%q is not a day; want YYYY-MM-DD, the day the page had been read by", v)
			} else {
				s.Retrieved = p
			}
		}
		s.Archive = r.get("archive")
		if s.Archive != "" && !strings.HasPrefix(s.Archive, "https://") && !strings.HasPrefix(s.Archive, "http://") {
			r.errorf("archive", "%q is not a web address; want http:// or https:// (an archived copy's address) or empty", s.Archive)
		}
		ds.Sources = append(ds.Sources, s)
	})
	l.sourceIDs = seen
}

func (l *loader) metrics(ds *model.Dataset) {
	seen := map[string]bool{}
	l.metricByID = map[string]model.Metric{}
	l.each(MetricsFile, func(r row) {
		m := model.Metric{ID: r.required("id"), Label: r.required("label"), Units: splitList(r.get("units")), Description: r.get("description")}
		if m.ID != "" && !metricPattern.MatchString(m.ID) {
			r.errorf("id", "%q is not a valid metric id; want lowercase letters, digits and '_'", m.ID)
		}
		if seen[m.ID] {
			r.errorf("id", "duplicate metric %q", m.ID)
		}
		seen[m.ID] = true
		if len(m.Units) == 0 {
			r.errorf("units", "is empty; list the units this metric may use, separated by ';'")
		}
		for _, u := range m.Units {
			if !model.KnownUnit(u) {
				r.errorf("units", "unknown unit %q; want one of %s", u, strings.Join(model.Units(), ", "))
			}
		}
		l.metricByID[m.ID] = m
		ds.Metrics = append(ds.Metrics, m)
	})
}

func (l *loader) subjects(ds *model.Dataset) {
	l.each(SubjectsFile, func(r row) {
		s := model.Subject{ID: r.subjectID(), Name: r.required("name"), Kind: r.required("kind"), Countries: r.countries("countries", true), Note: r.get("note")}
		if s.Kind != "" {
			r.oneOf("kind", s.Kind, model.SubjectKinds())
		}
		ds.Subjects = append(ds.Subjects, s)
	})
}

func (l *loader) ports(ds *model.Dataset) {
	l.each(PortsFile, func(r row) {
		p := model.Port{ID: r.subjectID(), Name: r.required("name"), Country: r.required("country"), Sea: r.required("sea"),
			City: r.get("city"), Operator: r.get("operator"), Note: r.get("note")}
		if p.Country != "" && !model.KnownCountry(p.Country) {
			r.errorf("country", "unknown country %q", p.Country)
		}
		if p.Sea != "" {
			r.oneOf("sea", p.Sea, model.PortSeas())
		}
		ds.Ports = append(ds.Ports, p)
	})
}

func (l *loader) projects(ds *model.Dataset) {
	l.each(ProjectsFile, func(r row) {
		p := model.Project{ID: r.subjectID(), Name: r.required("name"), Type: r.required("type"), Status: r.required("status"),
			CapacityUnit: r.get("capacity_unit"), CostUnit: r.get("cost_unit"), Partners: splitList(r.get("partners")),
			Start: r.period("start", true), Completion: r.period("completion", true), Source: r.source("source"), Note: r.get("note")}
		p.Capacity, p.CapacityQ = r.amount("capacity")
		p.LengthKM, p.LengthQ = r.amount("length_km")
		p.Cost, p.CostQ = r.amount("cost")
		if p.Type != "" {
			r.oneOf("type", p.Type, model.ProjectTypes())
		}
		if p.Status != "" {
			r.oneOf("status", p.Status, model.ProjectStatuses())
		}
		if p.Capacity != nil && p.CapacityUnit == "" {
			r.errorf("capacity_unit", "is empty but capacity is given; a unit is required")
		}
		if p.CapacityUnit != "" && !model.KnownUnit(p.CapacityUnit) {
			r.errorf("capacity_unit", "unknown unit %q", p.CapacityUnit)
		}
		if p.Cost != nil && p.CostUnit == "" {
			r.errorf("cost_unit", "is empty but cost is given; a currency is required")
		}
		if p.CostUnit != "" && !slices.Contains([]string{"USD", "EUR", "KZT", "AZN"}, p.CostUnit) {
			r.errorf("cost_unit", "%q is not a currency; want USD, EUR, KZT or AZN", p.CostUnit)
		}
		ds.Projects = append(ds.Projects, p)
	})
}

func (l *loader) observations(ds *model.Dataset) {
	seen := map[string]bool{}
	kinds := []string{"actual", "forecast", "target", "capacity"}
	l.each(ObservationsFile, func(r row) {
		o := model.Observation{ID: r.id(seen), Subject: r.required("subject"), Metric: r.required("metric"),
			Period: r.period("period", false), Qualifier: model.Qualifier(r.get("qualifier")), Unit: r.required("unit"),
			Kind: model.Kind(r.required("kind")), Source: r.source("source"), Flag: r.get("flag"), Note: r.get("note")}
		r.value(&o)
		if o.Subject != "" {
			if _, ok := l.ids[o.Subject]; !ok {
				r.errorf("subject", "unknown subject %q; define it in %s, %s or %s", o.Subject, PortsFile, ProjectsFile, SubjectsFile)
			}
		}
		m, known := l.metricByID[o.Metric]
		if o.Metric != "" && !known {
			r.errorf("metric", "unknown metric %q; define it in %s", o.Metric, MetricsFile)
		}
		switch {
		case !o.Qualifier.Valid():
			r.errorf("qualifier", "%q is not one of '>', '<', '>=', '<=', '~' or empty", o.Qualifier)
		case o.IsRange() && o.Qualifier.Bound():
			r.errorf("qualifier", "%q cannot qualify a range; a range already says how far the figure may go (use '~' or empty)", o.Qualifier)
		}
		switch {
		case o.Unit == "":
		case !model.KnownUnit(o.Unit):
			r.errorf("unit", "unknown unit %q; want one of %s", o.Unit, strings.Join(model.Units(), ", "))
		case known && !m.AllowsUnit(o.Unit):
			r.errorf("unit", "%q does not fit metric %q; want one of %s", o.Unit, o.Metric, strings.Join(m.Units, ", "))
		}
		if o.Kind != "" {
			r.oneOf("kind", string(o.Kind), kinds)
		}
		if o.Flag != "" && o.Flag != model.FlagSuspect {
			r.errorf("flag", "%q is not %q or empty", o.Flag, model.FlagSuspect)
		}
		ds.Observations = append(ds.Observations, o)
	})
}

// rangeSep separates the two ends of a value range: "104000..105000".
// Two dots cannot be misread as a minus sign, so "-5..-2" is a range of
// two negative numbers.
const rangeSep = ".."

// value reads an observation's value: one number, or a range lo..hi as
// a source gave it ("13–17 days"), which must run upwards.
func (r row) value(o *model.Observation) {
	v := r.get("value")
	lo, hi, ok := strings.Cut(v, rangeSep)
	if !ok {
		if f := r.number("value", false); f != nil {
			o.Value = *f
		}
		return
	}
	a, errA := parseNumber(lo)
	b, errB := parseNumber(hi)
	switch {
	case errA != nil || errB != nil:
		r.errorf("value", "%q is not a range; want two numbers joined by '..' (104000..105000), no thousands separators", v)
	case a >= b:
		r.errorf("value", "range %q must run upwards: the low end first, and the two ends must differ", v)
	default:
		o.SetRange(a, b)
	}
}

func parseNumber(s string) (float64, error) {
	f, err := strconv.ParseFloat(s, 64)
	if err == nil && (math.IsNaN(f) || math.IsInf(f, 0)) {
		err = fmt.Errorf("not a finite number")
	}
	return f, err
}

func (l *loader) events(ds *model.Dataset) {
	seen := map[string]bool{}
	precisions := []string{"day", "month", "quarter", "half", "year"}
	l.each(EventsFile, func(r row) {
		e := model.Event{ID: r.id(seen), Date: r.period("date", false), Title: r.required("title"), Countries: r.countries("countries", false),
			Kind: r.required("kind"), Status: r.required("status"), Place: r.get("place"), Source: r.source("source"), Note: r.get("note")}
		prec := r.required("precision")
		if prec != "" {
			r.oneOf("precision", prec, precisions)
		}
		if r.get("date") != "" && (!e.Date.Exact() || e.Date.Kind == model.PeriodMonthRange || e.Date.Kind == model.PeriodToDate) {
			r.errorf("date", "%q is not a date; want YYYY-MM-DD, YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY", r.get("date"))
		} else if e.Date.Exact() && prec != "" && slices.Contains(precisions, prec) && e.Date.Kind.PrecisionName() != prec {
			r.errorf("precision", "%q does not match date %q, which is a %s", prec, r.get("date"), e.Date.Kind.PrecisionName())
		}
		if e.Kind != "" {
			r.oneOf("kind", e.Kind, model.EventKinds())
		}
		if e.Status != "" {
			r.oneOf("status", e.Status, []string{model.EventHeld, model.EventPlanned})
		}
		ds.Events = append(ds.Events, e)
	})
}

// position reads an order field: a whole number from 1, not taken by
// another row of the same scope (taken maps scope and position to the
// row that has it). Gaps are allowed, so a layer can slot a row in
// between two others.
func (r row) position(scope string, taken map[[2]string]string) int {
	v := r.required("position")
	if v == "" {
		return 0
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		r.errorf("position", "%q is not a position; want a whole number from 1 (10, 20, 30 leave room between rows)", v)
		return 0
	}
	k := [2]string{scope, v}
	if other, dup := taken[k]; dup {
		r.errorf("position", "position %d is already taken by %s", n, other)
	}
	taken[k] = fmt.Sprintf("%q (%s:%d)", r.get("id"), r.file, r.line)
	return n
}

// place checks a route node or card id: well-formed and unique across
// both files, since a headline names either.
func (r row) place() string { return r.sharedID(r.l.spots) }

// series checks the subject, metric and unit columns of a declaration:
// each must name something the dataset defines, and the unit must fit
// the metric.
func (r row) series() (subject, metric, unit string) {
	subject, metric, unit = r.required("subject"), r.required("metric"), r.required("unit")
	if subject != "" {
		if _, ok := r.l.ids[subject]; !ok {
			r.errorf("subject", "unknown subject %q; define it in %s, %s or %s", subject, PortsFile, ProjectsFile, SubjectsFile)
		}
	}
	m, known := r.l.metricByID[metric]
	if metric != "" && !known {
		r.errorf("metric", "unknown metric %q; define it in %s", metric, MetricsFile)
	}
	switch {
	case unit == "":
	case !model.KnownUnit(unit):
		r.errorf("unit", "unknown unit %q; want one of %s", unit, strings.Join(model.Units(), ", "))
	case known && !m.AllowsUnit(unit):
		r.errorf("unit", "%q does not fit metric %q; want one of %s", unit, metric, strings.Join(m.Units, ", "))
	}
	return subject, metric, unit
}

func (l *loader) route(ds *model.Dataset) {
	taken := map[[2]string]string{}
	l.each(RouteFile, func(r row) {
		ds.Route = append(ds.Route, model.RouteNode{ID: r.place(), Position: r.position("", taken), Name: r.required("name"), Note: r.get("note")})
	})
}

func (l *loader) cards(ds *model.Dataset) {
	taken := map[[2]string]string{}
	l.each(CardsFile, func(r row) {
		ds.Cards = append(ds.Cards, model.Card{ID: r.place(), Position: r.position("", taken), Title: r.required("title"), Note: r.get("note")})
	})
}

func (l *loader) headlines(ds *model.Dataset) {
	seen := map[string]bool{}
	taken := map[[2]string]string{}
	l.each(HeadlinesFile, func(r row) {
		f := model.Figure{ID: r.id(seen), On: r.required("shown_on"), Label: r.required("label"), Briefing: r.get("briefing"), Note: r.get("note")}
		if f.On != "" {
			if _, ok := l.spots[f.On]; !ok {
				r.errorf("shown_on", "unknown route node or card %q; define it in %s or %s", f.On, RouteFile, CardsFile)
			}
		}
		f.Position = r.position(f.On, taken)
		f.Subject, f.Metric, f.Unit = r.series()
		ds.Figures = append(ds.Figures, f)
	})
}

func (l *loader) charts(ds *model.Dataset) {
	seen := map[string]bool{}
	taken := map[[2]string]string{}
	overview := ""
	l.each(ChartsFile, func(r row) {
		c := model.Chart{ID: r.id(seen), View: r.required("view"), Title: r.required("title"), Style: model.ChartStyle(r.required("style")), Note: r.get("note")}
		if c.View != "" {
			r.oneOf("view", c.View, model.ChartViews())
		}
		if c.Style != "" {
			var styles []string
			for _, st := range model.ChartStyles() {
				styles = append(styles, string(st))
			}
			r.oneOf("style", string(c.Style), styles)
		}
		if c.View == model.ViewOverview {
			if c.Style == model.ByHalfYear {
				r.errorf("style", "the overview draws its chart by year; want year")
			}
			if overview != "" {
				r.errorf("view", "the overview has room for one chart and %s is it", overview)
			}
			overview = fmt.Sprintf("%q (%s:%d)", c.ID, r.file, r.line)
		}
		c.Position = r.position(c.View, taken)
		c.Subject, c.Metric, c.Unit = r.series()
		ds.Charts = append(ds.Charts, c)
	})
}
