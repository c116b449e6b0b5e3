package data

import (
	"cmp"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"time"

	"corridor/model"
)

// Origin says where a dataset comes from: the bundle, a directory, or a
// directory layered over the bundle.
type Origin struct {
	// Dir is the user's data directory; empty means the bundled data.
	Dir string
	// Merge layers Dir over the bundled data instead of replacing it.
	Merge bool
}

// Label names the origin for the status bar and logs.
func (o Origin) Label() string {
	switch {
	case o.Dir == "":
		return "bundled data"
	case o.Merge:
		return "bundled data + " + o.Dir
	}
	return "data from " + o.Dir
}

// Layers returns what to load, in order.
func (o Origin) Layers() []Layer {
	if o.Dir == "" {
		return []Layer{{FS: Bundled()}}
	}
	dir := Layer{FS: dirFS(o.Dir), Name: filepath.Clean(o.Dir)}
	if o.Merge {
		dir.Optional = true
		return []Layer{{FS: Bundled()}, dir}
	}
	return []Layer{dir}
}

// Load loads the origin.
func (o Origin) Load() (*model.Dataset, error) {
	if o.Dir != "" {
		if st, err := os.Stat(o.Dir); err != nil {
			return nil, Errors{{File: o.Dir, Msg: fmt.Sprintf("cannot read the data directory: %v", err)}}
		} else if !st.IsDir() {
			return nil, Errors{{File: o.Dir, Msg: "not a directory"}}
		}
	}
	ds, _, err := LoadLayers(o.Layers()...)
	return ds, err
}

// Problem is one finding of Validate: an error stops the data loading, a
// warning is something a careful analyst would look at twice.
type Problem struct {
	Error
	Warning bool
}

// String formats as file:line:column: error|warning: message.
func (p Problem) String() string {
	sev := "error"
	if p.Warning {
		sev = "warning"
	}
	e := p.Error
	e.Msg = sev + ": " + e.Msg
	if e.Field != "" {
		e.Msg = sev + ": " + e.Field + ": " + p.Msg
		e.Field = ""
	}
	return e.Error()
}

// Validate loads the origin and, when it loads, checks what loading
// cannot: reported growth that disagrees with the figures it refers to,
// actuals dated after now, actuals for periods that had not ended when
// their source was published, sources nothing uses, and declared
// headlines and charts with no figures to show. It returns the
// dataset (nil when there are errors) and every problem, errors first
// within each file, in file and line order.
func Validate(o Origin, now time.Time) (*model.Dataset, []Problem) {
	if o.Dir != "" {
		if _, serr := os.Stat(o.Dir); serr != nil {
			return nil, []Problem{{Error: Error{File: o.Dir, Msg: fmt.Sprintf("cannot read the data directory: %v", serr)}}}
		}
	}
	return validate(o.Layers(), now)
}

// validate is Validate on layers.
func validate(layers []Layer, now time.Time) (*model.Dataset, []Problem) {
	ds, pos, errs := loadAll(layers)
	var out []Problem
	bad := map[[2]any]bool{} // rows with errors get no warnings
	wholeFile := false       // a file that could not be read at all
	for _, e := range errs {
		out = append(out, Problem{Error: *e})
		bad[[2]any{e.File, e.Line}] = true
		wholeFile = wholeFile || e.Line == 0
	}
	for _, w := range warnings(ds, pos, now, !wholeFile) {
		if !bad[[2]any{w.File, w.Line}] {
			out = append(out, w)
		}
	}
	if len(errs) > 0 {
		ds = nil
	}
	slices.SortStableFunc(out, func(a, b Problem) int {
		return cmp.Or(cmp.Compare(fileOrder(a.File), fileOrder(b.File)), cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column))
	})
	return ds, out
}

// fileOrder sorts problems in the order the files are read.
func fileOrder(name string) int {
	if i := slices.Index(Files(), filepath.Base(name)); i >= 0 {
		return i
	}
	return len(Files())
}

// warnings finds what Validate reports beyond errors. Warnings about
// what is missing (unused sources, declarations with nothing to show) are
// only worth giving when every file was read (complete): with one
// unreadable, everything it would have held looks missing.
func warnings(ds *model.Dataset, pos Positions, now time.Time, complete bool) []Problem {
	var out []Problem
	warn := func(file, id, field, format string, args ...any) {
		p, _ := pos.Of(file, id)
		if p.File == "" {
			p.File = file
		}
		out = append(out, Problem{Warning: true, Error: Error{File: p.File, Line: p.Line, Column: p.Col(field), Field: field, Msg: fmt.Sprintf(format, args...)}})
	}
	nowIdx := now.Year()*12 + int(now.Month()) - 1
	for _, g := range ds.GrowthChecks() {
		if g.OK {
			continue
		}
		c := g.Computed
		warn(ObservationsFile, g.Reported.ID, "value", "reported growth %+.1f%% disagrees with its figures: %s (%s) against %s (%s) is %+.1f%% (allowing %.1f pp beyond the figures' rounding)",
			g.Reported.Value, fmtValue(c.Current), c.Current.Period.Label(), fmtValue(c.Previous), c.Previous.Period.Label(), c.Percent, model.GrowthTolerance)
	}
	used := map[string]bool{}
	for _, p := range ds.Projects {
		used[p.Source] = true
	}
	for _, e := range ds.Events {
		used[e.Source] = true
	}
	for _, p := range ds.Places {
		used[p.Source] = true
	}
	for _, o := range ds.Observations {
		used[o.Source] = true
		if o.Kind != model.Actual || !o.Period.Exact() {
			continue
		}
		start := o.Period.Year*12 + o.Period.From - 1
		if start > nowIdx {
			warn(ObservationsFile, o.ID, "period", "an actual figure for %s is dated in the future; is it a forecast or a target?", o.Period.Label())
			continue
		}
		// An actual cannot describe time after its source was published:
		// a flow (cargo, trains…) for a year still running is a
		// year-to-date total, and a stock (a fleet, a reserve, a stake)
		// is "as of" the day or month it was reported, not the whole year.
		src, _ := ds.Source(o.Source)
		if p := src.Published; p.Exact() && lastDay(o.Period).After(lastDay(p)) {
			if isFlow(o.Unit) {
				warn(ObservationsFile, o.ID, "period", "an actual figure for %s, but its source %s was published %s, before that period ended (a total so far this year is YYYY (to YYYY-MM-DD))",
					o.Period.Label(), o.Source, p.Label())
			} else {
				warn(ObservationsFile, o.ID, "period", "an actual figure dated %s, but its source %s was published %s; date an \"as of\" figure by the day or month it describes",
					o.Period.Label(), o.Source, p.Label())
			}
		}
	}
	for _, f := range ds.Figures {
		if !complete {
			break
		}
		if _, ok := ds.Latest(model.SeriesKey{Subject: f.Subject, Metric: f.Metric, Unit: f.Unit, Kind: model.Actual}, nil); !ok {
			warn(HeadlinesFile, f.ID, "subject", "%q shows nothing: no dated actual figure of %s %s in %s", f.Label, f.Subject, f.Metric, f.Unit)
		}
	}
	for _, c := range ds.Charts {
		if !complete {
			break
		}
		if len(ds.ChartObservations(c)) == 0 {
			what := "figures"
			if c.Style == model.ByHalfYear {
				what = "half-year figures"
			}
			warn(ChartsFile, c.ID, "subject", "the %s view leaves %q out: no %s of %s %s", c.View, c.Title, what, c.Subject, c.Metric)
		}
	}
	for _, s := range ds.Sources {
		if !complete {
			break
		}
		if !used[s.ID] {
			warn(SourcesFile, s.ID, "id", "source %q is never used by a figure, event or project", s.ID)
		}
		if r := s.Retrieved; !r.IsZero() {
			day := r.Year*10000 + r.From*100 + r.Day
			switch p := s.Published; {
			case day > now.Year()*10000+int(now.Month())*100+now.Day():
				warn(SourcesFile, s.ID, "retrieved", "the page is said to have been read on %s, which is in the future", r)
			case p.Exact() && r.Year*12+r.From-1 < p.Year*12+p.From-1, p.Kind == model.PeriodDay && day < p.Year*10000+p.From*100+p.Day:
				warn(SourcesFile, s.ID, "retrieved", "the page is said to have been read on %s, before it was published (%s)", r, p)
			}
		}
	}
	return out
}

// lastDay is the last day an exact period covers: the day itself for a
// day, the given day of a year-to-date period, and the month's last day
// otherwise. A year-to-date period that names only its month ends some
// time in that month, so its first day is the earliest it can end.
func lastDay(p model.Period) time.Time {
	switch {
	case p.Kind == model.PeriodDay || (p.ToDate() && p.Day > 0):
		return time.Date(p.Year, time.Month(p.To), p.Day, 0, 0, 0, 0, time.UTC)
	case p.ToDate():
		return time.Date(p.Year, time.Month(p.To), 1, 0, 0, 0, 0, time.UTC)
	}
	return time.Date(p.Year, time.Month(p.To)+1, 0, 0, 0, 0, 0, time.UTC)
}

// isFlow reports whether a unit counts something over a period.
func isFlow(unit string) bool {
	return slices.Contains([]string{"tonnes", "TEU", "containers", "trains", "wagons", "vehicles", "trucks", "calls", "trips", "passengers", "tonne-km"}, unit)
}

func fmtValue(o model.Observation) string {
	v := strconv.FormatFloat(o.Value, 'f', -1, 64)
	if o.IsRange() {
		v += ".." + strconv.FormatFloat(o.High, 'f', -1, 64)
	}
	return fmt.Sprintf("%s%s %s", o.Qualifier, v, o.Unit)
}

// InitDir writes the bundled dataset into dir as editable CSV files. It
// refuses to overwrite files unless force is set.
func InitDir(dir string, force bool) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var written []string
	for _, f := range Files() {
		dst := filepath.Join(dir, f)
		if st, err := os.Lstat(dst); err == nil {
			if !st.Mode().IsRegular() {
				// Writing would follow a link, or wait on a pipe.
				return written, fmt.Errorf("%s exists and is not a regular file", dst)
			}
			if !force {
				return written, fmt.Errorf("%s exists; use --force to overwrite", dst)
			}
		}
		b, err := fs.ReadFile(Bundled(), f)
		if err != nil {
			return written, err
		}
		if err := os.WriteFile(dst, b, 0o644); err != nil {
			return written, err
		}
		written = append(written, dst)
	}
	return written, nil
}
