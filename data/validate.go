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
// their source was published, and sources nothing uses. It returns the
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

// warnings finds what Validate reports beyond errors. Unused sources
// are only worth a warning when every file was read: with one missing,
// every source it cites would look unused.
func warnings(ds *model.Dataset, pos Positions, now time.Time, unused bool) []Problem {
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
		warn(ObservationsFile, g.Reported.ID, "value", "reported growth %+.1f%% disagrees with its figures: %s (%s) against %s (%s) is %+.1f%% (tolerance %.1f pp)",
			g.Reported.Value, fmtValue(c.Current), c.Current.Period.Label(), fmtValue(c.Previous), c.Previous.Period.Label(), c.Percent, model.GrowthTolerance)
	}
	used := map[string]bool{}
	for _, p := range ds.Projects {
		used[p.Source] = true
	}
	for _, e := range ds.Events {
		used[e.Source] = true
	}
	for _, o := range ds.Observations {
		used[o.Source] = true
		if o.Kind != model.Actual || !o.Period.Exact() {
			continue
		}
		start := o.Period.Year*12 + o.Period.From - 1
		end := o.Period.Year*12 + o.Period.To - 1
		if start > nowIdx {
			warn(ObservationsFile, o.ID, "period", "an actual figure for %s is dated in the future; is it a forecast or a target?", o.Period.Label())
			continue
		}
		src, _ := ds.Source(o.Source)
		// Only flows (cargo, containers, trains…) accumulate over a
		// period; a stock such as a fleet or a length is "as of" a date
		// and may be published during the year it describes.
		if p := src.Published; p.Exact() && isFlow(o.Unit) {
			pubEnd := p.Year*12 + p.To - 1
			if p.Kind == model.PeriodDay {
				// Published on a day inside the period's last month
				// cannot cover that month in full.
				pubEnd = p.Year*12 + p.From - 2
			}
			if end > pubEnd {
				warn(ObservationsFile, o.ID, "period", "an actual figure for %s, but its source %s was published %s, before that period ended",
					o.Period.Label(), o.Source, p.Label())
			}
		}
	}
	for _, s := range ds.Sources {
		if !unused {
			break
		}
		if !used[s.ID] {
			warn(SourcesFile, s.ID, "id", "source %q is never used by a figure, event or project", s.ID)
		}
	}
	return out
}

// isFlow reports whether a unit counts something over a period.
func isFlow(unit string) bool {
	return slices.Contains([]string{"tonnes", "TEU", "containers", "trains", "wagons", "vehicles", "trucks", "calls", "trips", "passengers", "tonne-km"}, unit)
}

func fmtValue(o model.Observation) string {
	return fmt.Sprintf("%s%s %s", o.Qualifier, strconv.FormatFloat(o.Value, 'f', -1, 64), o.Unit)
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
