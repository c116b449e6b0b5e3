package data

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"fmt"
	"io"
	"strconv"
	"strings"

	"corridor/model"
)

// Records returns a dataset's rows for one of Files, under the header
// Columns gives, in the dataset's order. Loading the written file gives
// the same rows back: this is the dataset in canonical form.
func Records(ds *model.Dataset, file string) ([][]string, error) {
	num := func(f *float64, q model.Qualifier) string {
		if f == nil {
			return ""
		}
		return string(q) + strconv.FormatFloat(*f, 'f', -1, 64)
	}
	list := func(xs []string) string { return strings.Join(xs, ";") }
	out := [][]string{Columns()[file]}
	switch file {
	case SourcesFile:
		for _, s := range ds.Sources {
			out = append(out, []string{s.ID, s.Title, s.Publisher, string(s.Standing), s.Address, s.Published.String(), s.PublishedNote, s.Retrieved.String(), s.Archive})
		}
	case MetricsFile:
		for _, m := range ds.Metrics {
			out = append(out, []string{m.ID, m.Label, list(m.Units), m.Description})
		}
	case SubjectsFile:
		for _, s := range ds.Subjects {
			out = append(out, []string{s.ID, s.Name, s.Kind, list(s.Countries), s.Note})
		}
	case PortsFile:
		for _, p := range ds.Ports {
			out = append(out, []string{p.ID, p.Name, p.Country, p.Sea, p.City, p.Operator, p.Note})
		}
	case ProjectsFile:
		for _, p := range ds.Projects {
			out = append(out, []string{p.ID, p.Name, p.Type, p.Status, num(p.Capacity, p.CapacityQ), p.CapacityUnit, num(p.LengthKM, p.LengthQ),
				num(p.Cost, p.CostQ), p.CostUnit, list(p.Partners), p.Start.String(), p.Completion.String(), p.Source, p.Note})
		}
	case ObservationsFile:
		for _, o := range ds.Observations {
			value := strconv.FormatFloat(o.Value, 'f', -1, 64)
			if o.IsRange() {
				value += ".." + strconv.FormatFloat(o.High, 'f', -1, 64)
			}
			out = append(out, []string{o.ID, o.Subject, o.Metric, o.Period.String(), value, string(o.Qualifier),
				o.Unit, string(o.Kind), o.Source, o.Flag, o.Note})
		}
	case EventsFile:
		for _, e := range ds.Events {
			out = append(out, []string{e.ID, e.Date.String(), e.Date.Kind.PrecisionName(), e.Title, list(e.Countries), e.Kind, e.Status, e.Place, e.Source, e.Note})
		}
	case RouteFile:
		for _, n := range ds.Route {
			out = append(out, []string{n.ID, strconv.Itoa(n.Position), n.Name, n.Note})
		}
	case CardsFile:
		for _, c := range ds.Cards {
			out = append(out, []string{c.ID, strconv.Itoa(c.Position), c.Title, c.Note})
		}
	case HeadlinesFile:
		for _, f := range ds.Figures {
			out = append(out, []string{f.ID, f.On, strconv.Itoa(f.Position), f.Label, f.Subject, f.Metric, f.Unit, f.Briefing, f.Note})
		}
	case ChartsFile:
		for _, c := range ds.Charts {
			out = append(out, []string{c.ID, c.View, strconv.Itoa(c.Position), c.Title, c.Subject, c.Metric, c.Unit, string(c.Style), c.Note})
		}
	case PlacesFile:
		for _, p := range ds.Places {
			order := ""
			if p.Order > 0 {
				order = strconv.Itoa(p.Order)
			}
			out = append(out, []string{p.ID, p.Name, p.Subject, strconv.FormatFloat(p.Lat, 'f', -1, 64), strconv.FormatFloat(p.Lon, 'f', -1, 64),
				order, list(p.From), p.Mode, p.Source, p.Note})
		}
	default:
		return nil, fmt.Errorf("unknown data file %q", file)
	}
	return out, nil
}

// WriteCSV writes one file of the dataset in canonical form.
func WriteCSV(w io.Writer, ds *model.Dataset, file string) error {
	recs, err := Records(ds, file)
	if err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	if err := cw.WriteAll(recs); err != nil {
		return err
	}
	return cw.Error()
}

// Version is the data version corridor quotes in citations, diffs and
// data packages: the first VersionLen hex digits of the SHA-256 of every
// file in canonical form. It depends on the data only, not on how the
// files were spelled (quoting, blank lines, layering), so a copy, a merge
// result or an exported package of the same data has the same version,
// and any change to any row gives a new one.
func Version(ds *model.Dataset) string {
	h := sha256.New()
	var buf bytes.Buffer
	for _, f := range Files() {
		buf.Reset()
		if err := WriteCSV(&buf, ds, f); err != nil {
			continue // Files are all known to Records
		}
		fmt.Fprintf(h, "%s\x00%d\x00", f, buf.Len())
		h.Write(buf.Bytes())
	}
	return hex.EncodeToString(h.Sum(nil))[:VersionLen]
}
