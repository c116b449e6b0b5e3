package data

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strconv"
	"strings"
	"testing"
)

// Every view exported as CSV and JSON parses back to the dataset's rows.
func TestExportRoundTrip(t *testing.T) {
	ds := loadBundled(t)
	ports := map[string]bool{}
	for _, p := range ds.Ports {
		ports[p.ID] = true
	}
	want := map[string]int{"timeline": len(ds.Events), "energy": len(ds.Projects), "sources": len(ds.Sources)}
	for _, o := range ds.Observations {
		if ports[o.Subject] {
			want["ports"]++
		}
	}
	want["transit"] = -1 // checked against the observations below
	byID := map[string]float64{}
	for _, o := range ds.Observations {
		byID[o.ID] = o.Value
	}
	for _, view := range ExportViews() {
		var jb, cb bytes.Buffer
		if err := WriteExport(&jb, ds, view, "json"); err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Version int               `json:"corridor_export"`
			View    string            `json:"view"`
			Count   int               `json:"count"`
			Rows    []json.RawMessage `json:"rows"`
		}
		if err := json.Unmarshal(jb.Bytes(), &doc); err != nil {
			t.Fatalf("%s json: %v", view, err)
		}
		if doc.Version != ExportVersion || doc.View != view || doc.Count != len(doc.Rows) {
			t.Errorf("%s json header: %+v", view, doc)
		}
		if n := want[view]; n >= 0 && len(doc.Rows) != n {
			t.Errorf("%s json has %d rows, dataset %d", view, len(doc.Rows), n)
		}
		if err := WriteExport(&cb, ds, view, "csv"); err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(&cb).ReadAll()
		if err != nil {
			t.Fatalf("%s csv: %v", view, err)
		}
		if len(recs)-1 != len(doc.Rows) {
			t.Errorf("%s: csv %d rows, json %d", view, len(recs)-1, len(doc.Rows))
		}
		if view == "ports" || view == "transit" {
			var rows []ObservationRow
			if err := json.Unmarshal(jb.Bytes(), &struct {
				Rows *[]ObservationRow `json:"rows"`
			}{&rows}); err != nil {
				t.Fatal(err)
			}
			if len(rows) == 0 {
				t.Fatalf("%s: no rows", view)
			}
			for i, r := range rows {
				if byID[r.ID] != r.Value {
					t.Errorf("%s json %s value %v, dataset %v", view, r.ID, r.Value, byID[r.ID])
				}
				if r.Source.Publisher == "" {
					t.Errorf("%s %s exported without its source", view, r.ID)
				}
				v, _ := strconv.ParseFloat(recs[i+1][7], 64)
				if recs[i+1][0] != r.ID || v != r.Value {
					t.Errorf("%s csv row %d = %v, json %s %v", view, i, recs[i+1][:8], r.ID, r.Value)
				}
			}
		}
	}
}

func TestExportMarkdown(t *testing.T) {
	ds := loadBundled(t)
	var b bytes.Buffer
	if err := WriteExport(&b, ds, "timeline", "markdown"); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	if got := len(lines) - 4; got != len(ds.Events) {
		t.Errorf("markdown has %d table rows, dataset %d events", got, len(ds.Events))
	}
	cols := strings.Count(lines[2], "|")
	for _, l := range lines[2:] {
		if strings.Count(l, "|")-strings.Count(l, `\|`) != cols {
			t.Fatalf("ragged markdown row: %q", l)
		}
	}
}

func TestExportRejectsUnknown(t *testing.T) {
	ds := loadBundled(t)
	if err := WriteExport(&bytes.Buffer{}, ds, "nope", "csv"); err == nil {
		t.Error("unknown view accepted")
	}
	if err := WriteExport(&bytes.Buffer{}, ds, "ports", "xml"); err == nil {
		t.Error("unknown format accepted")
	}
}
