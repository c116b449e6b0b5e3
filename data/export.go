package data

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"corridor/model"
)

// SourcesView is the export view that lists every source; the other
// views are the tabs' own, named by the tab registry.
const SourcesView = "sources"

// ExportViews are the views `corridor export` can write.
func ExportViews() []string { return []string{"ports", "transit", "energy", "timeline", SourcesView} }

// ExportFormats are the formats it can write them in.
func ExportFormats() []string { return []string{"csv", "json", "markdown"} }

// ExportVersion is the JSON schema version; it changes only when a field
// is removed or changes meaning (new fields may be added).
const ExportVersion = 1

// SourceRef is a source as exported next to each figure or event.
type SourceRef struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Publisher string `json:"publisher"`
	Standing  string `json:"standing"`
	Address   string `json:"address"`
	Published string `json:"published"`
}

// ObservationRow is one figure with its source (ports and transit views).
type ObservationRow struct {
	ID          string  `json:"id"`
	Subject     string  `json:"subject"`
	SubjectName string  `json:"subject_name"`
	Metric      string  `json:"metric"`
	MetricLabel string  `json:"metric_label"`
	Period      string  `json:"period"`
	PeriodLabel string  `json:"period_label"`
	Value       float64 `json:"value"`
	// ValueHigh is the high end of a range the source gave (Value is then
	// the low end); absent for a single figure.
	ValueHigh *float64  `json:"value_high,omitempty"`
	Qualifier string    `json:"qualifier"`
	Unit      string    `json:"unit"`
	Kind      string    `json:"kind"`
	Flag      string    `json:"flag"`
	Disputed  bool      `json:"disputed"`
	Note      string    `json:"note"`
	Source    SourceRef `json:"source"`
}

// ProjectRow is one project with its source (energy view). Numbers are
// null when no source gives them.
type ProjectRow struct {
	ID           string    `json:"id"`
	Name         string    `json:"name"`
	Type         string    `json:"type"`
	Status       string    `json:"status"`
	Capacity     *float64  `json:"capacity"`
	CapacityQ    string    `json:"capacity_qualifier"`
	CapacityUnit string    `json:"capacity_unit"`
	LengthKM     *float64  `json:"length_km"`
	LengthQ      string    `json:"length_qualifier"`
	Cost         *float64  `json:"cost"`
	CostQ        string    `json:"cost_qualifier"`
	CostUnit     string    `json:"cost_unit"`
	Partners     []string  `json:"partners"`
	Start        string    `json:"start"`
	Completion   string    `json:"completion"`
	Note         string    `json:"note"`
	Source       SourceRef `json:"source"`
}

// EventRow is one timeline event with its source.
type EventRow struct {
	ID        string    `json:"id"`
	Date      string    `json:"date"`
	DateLabel string    `json:"date_label"`
	Precision string    `json:"precision"`
	Title     string    `json:"title"`
	Countries []string  `json:"countries"`
	Kind      string    `json:"kind"`
	Status    string    `json:"status"`
	Place     string    `json:"place"`
	Note      string    `json:"note"`
	Source    SourceRef `json:"source"`
}

// SourceRow is one source with how much of the dataset rests on it.
type SourceRow struct {
	SourceRef
	PublishedNote string `json:"published_note"`
	// Retrieved is the day the page had been read by (YYYY-MM-DD), empty
	// when not recorded; Archive an archived copy's address, if any.
	Retrieved string `json:"retrieved"`
	Archive   string `json:"archive"`
	Figures   int    `json:"figures"`
	Events    int    `json:"events"`
	Projects  int    `json:"projects"`
}

// Export is the document `corridor export --format json` writes.
type Export struct {
	Version int    `json:"corridor_export"`
	View    string `json:"view"`
	Count   int    `json:"count"`
	Rows    any    `json:"rows"`
}

func ref(ds *model.Dataset, id string) SourceRef {
	s, _ := ds.Source(id)
	pub := ""
	if !s.Published.IsZero() {
		pub = s.Published.String()
	}
	return SourceRef{ID: id, Title: s.Title, Publisher: s.Publisher, Standing: string(s.Standing), Address: s.Address, Published: pub}
}

// ExportRows returns the rows behind a view, in a stable order.
func ExportRows(ds *model.Dataset, view string) (any, error) {
	switch view {
	case "ports", "transit":
		// Transit: the series the Transit tab draws, by the same query.
		obs := ds.ViewObservations(model.ViewTransit)
		if view == "ports" {
			obs = portObservations(ds)
		}
		rows := []ObservationRow{}
		for _, o := range obs {
			rows = append(rows, observationRow(ds, o))
		}
		return rows, nil
	case "energy":
		rows := []ProjectRow{}
		for _, p := range ds.Projects {
			rows = append(rows, ProjectRow{ID: p.ID, Name: p.Name, Type: p.Type, Status: p.Status, Capacity: p.Capacity,
				CapacityQ: string(p.CapacityQ), CapacityUnit: p.CapacityUnit, LengthKM: p.LengthKM, LengthQ: string(p.LengthQ),
				Cost: p.Cost, CostQ: string(p.CostQ), CostUnit: p.CostUnit, Partners: nonNil(p.Partners), Start: p.Start.String(),
				Completion: p.Completion.String(), Note: p.Note, Source: ref(ds, p.Source)})
		}
		return rows, nil
	case "timeline":
		rows := []EventRow{}
		for _, e := range ds.Events {
			rows = append(rows, eventRow(ds, e))
		}
		return rows, nil
	case "sources":
		use := map[string]*SourceRow{}
		rows := make([]SourceRow, len(ds.Sources))
		for i, s := range ds.Sources {
			rows[i] = SourceRow{SourceRef: ref(ds, s.ID), PublishedNote: s.PublishedNote, Archive: s.Archive}
			if !s.Retrieved.IsZero() {
				rows[i].Retrieved = s.Retrieved.String()
			}
			use[s.ID] = &rows[i]
		}
		for _, o := range ds.Observations {
			use[o.Source].Figures++
		}
		for _, e := range ds.Events {
			use[e.Source].Events++
		}
		for _, p := range ds.Projects {
			use[p.Source].Projects++
		}
		return rows, nil
	}
	return nil, fmt.Errorf("unknown view %q; want one of %s", view, strings.Join(ExportViews(), ", "))
}

func observationRow(ds *model.Dataset, o model.Observation) ObservationRow {
	r := ObservationRow{ID: o.ID, Subject: o.Subject, SubjectName: ds.Name(o.Subject), Metric: o.Metric,
		MetricLabel: ds.MetricLabel(o.Metric), Period: o.Period.String(), PeriodLabel: o.Period.Label(), Value: o.Value,
		Qualifier: string(o.Qualifier), Unit: o.Unit, Kind: string(o.Kind), Flag: o.Flag, Disputed: len(ds.Disagreeing(o)) > 0,
		Note: o.Note, Source: ref(ds, o.Source)}
	if o.IsRange() {
		hi := o.High
		r.ValueHigh = &hi
	}
	return r
}

func eventRow(ds *model.Dataset, e model.Event) EventRow {
	return EventRow{ID: e.ID, Date: e.Date.String(), DateLabel: e.Date.Label(), Precision: e.Date.Kind.PrecisionName(),
		Title: e.Title, Countries: nonNil(e.Countries), Kind: e.Kind, Status: e.Status, Place: e.Place, Note: e.Note, Source: ref(ds, e.Source)}
}

// portObservations is every figure about a port, in file order: the
// Ports tab lists every port the dataset has.
func portObservations(ds *model.Dataset) []model.Observation {
	port := map[string]bool{}
	for _, p := range ds.Ports {
		port[p.ID] = true
	}
	var out []model.Observation
	for _, o := range ds.Observations {
		if port[o.Subject] {
			out = append(out, o)
		}
	}
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// WriteExport writes a view in a format to w.
func WriteExport(w io.Writer, ds *model.Dataset, view, format string) error {
	rows, err := ExportRows(ds, view)
	if err != nil {
		return err
	}
	header, records := table(rows)
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(Export{Version: ExportVersion, View: view, Count: len(records), Rows: rows})
	case "csv":
		cw := csv.NewWriter(w)
		if err := cw.Write(header); err != nil {
			return err
		}
		if err := cw.WriteAll(records); err != nil {
			return err
		}
		cw.Flush()
		return cw.Error()
	case "markdown":
		return writeMarkdown(w, view, header, records)
	}
	return fmt.Errorf("unknown format %q; want one of %s", format, strings.Join(ExportFormats(), ", "))
}

// table flattens rows into a header and string records (source fields
// become source_* columns), the shape CSV and markdown share.
func table(rows any) ([]string, [][]string) {
	num := func(f *float64) string {
		if f == nil {
			return ""
		}
		return strconv.FormatFloat(*f, 'f', -1, 64)
	}
	srcHead := []string{"source_id", "source_title", "source_publisher", "source_standing", "source_address", "source_published"}
	src := func(s SourceRef) []string {
		return []string{s.ID, s.Title, s.Publisher, s.Standing, s.Address, s.Published}
	}
	var head []string
	var out [][]string
	switch rs := rows.(type) {
	case []ObservationRow:
		head = append([]string{"id", "subject", "subject_name", "metric", "metric_label", "period", "period_label", "value", "value_high", "qualifier", "unit", "kind", "flag", "disputed", "note"}, srcHead...)
		for _, r := range rs {
			out = append(out, append([]string{r.ID, r.Subject, r.SubjectName, r.Metric, r.MetricLabel, r.Period, r.PeriodLabel,
				strconv.FormatFloat(r.Value, 'f', -1, 64), num(r.ValueHigh), r.Qualifier, r.Unit, r.Kind, r.Flag, strconv.FormatBool(r.Disputed), r.Note}, src(r.Source)...))
		}
	case []ProjectRow:
		head = append([]string{"id", "name", "type", "status", "capacity", "capacity_qualifier", "capacity_unit", "length_km", "length_qualifier", "cost", "cost_qualifier", "cost_unit", "partners", "start", "completion", "note"}, srcHead...)
		for _, r := range rs {
			out = append(out, append([]string{r.ID, r.Name, r.Type, r.Status, num(r.Capacity), r.CapacityQ, r.CapacityUnit, num(r.LengthKM), r.LengthQ,
				num(r.Cost), r.CostQ, r.CostUnit, strings.Join(r.Partners, ";"), r.Start, r.Completion, r.Note}, src(r.Source)...))
		}
	case []EventRow:
		head = append([]string{"id", "date", "date_label", "precision", "title", "countries", "kind", "status", "place", "note"}, srcHead...)
		for _, r := range rs {
			out = append(out, append([]string{r.ID, r.Date, r.DateLabel, r.Precision, r.Title, strings.Join(r.Countries, ";"), r.Kind, r.Status, r.Place, r.Note}, src(r.Source)...))
		}
	case []SourceRow:
		head = []string{"id", "title", "publisher", "standing", "address", "published", "published_note", "retrieved", "archive", "figures", "events", "projects"}
		for _, r := range rs {
			out = append(out, []string{r.ID, r.Title, r.Publisher, r.Standing, r.Address, r.Published, r.PublishedNote, r.Retrieved, r.Archive,
				strconv.Itoa(r.Figures), strconv.Itoa(r.Events), strconv.Itoa(r.Projects)})
		}
	}
	return head, out
}

// writeMarkdown writes a GitHub-flavoured table ready to paste into a
// report, leaving out ids and repeated detail a reader does not need.
func writeMarkdown(w io.Writer, view string, header []string, records [][]string) error {
	keep := map[string][]string{
		"ports":    {"subject_name", "metric_label", "period_label", "qualifier", "value", "value_high", "unit", "kind", "disputed", "note", "source_publisher", "source_published", "source_address"},
		"transit":  {"subject_name", "metric_label", "period_label", "qualifier", "value", "value_high", "unit", "kind", "disputed", "note", "source_publisher", "source_published", "source_address"},
		"energy":   {"name", "type", "status", "capacity_qualifier", "capacity", "capacity_unit", "length_qualifier", "length_km", "cost_qualifier", "cost", "cost_unit", "partners", "start", "completion", "source_publisher", "source_address"},
		"timeline": {"date_label", "title", "countries", "kind", "status", "place", "source_publisher", "source_address"},
		"sources":  {"publisher", "title", "standing", "published", "address", "retrieved", "archive", "figures", "events", "projects"},
	}[view]
	idx := make([]int, len(keep))
	for i, k := range keep {
		idx[i] = slices.Index(header, k)
	}
	esc := func(s string) string {
		return strings.NewReplacer("|", `\|`, "\n", " ", "\r", " ").Replace(s)
	}
	fmt.Fprintf(w, "# corridor: %s (%d rows)\n\n", view, len(records))
	fmt.Fprintf(w, "| %s |\n|%s\n", strings.Join(keep, " | "), strings.Repeat(" --- |", len(keep)))
	for _, r := range records {
		cells := make([]string, len(idx))
		for i, j := range idx {
			cells[i] = esc(r[j])
		}
		if _, err := fmt.Fprintf(w, "| %s |\n", strings.Join(cells, " | ")); err != nil {
			return err
		}
	}
	return nil
}
