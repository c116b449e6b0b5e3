package data

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// The descriptor has what the Data Package and Table Schema
// specifications (v1) require, and says what they recommend: checked
// here so `go test` catches a broken package without node; `make
// datapackage-check` runs the Frictionless library itself.
func TestDataPackageDescriptor(t *testing.T) {
	ds := loadBundled(t)
	created := time.Date(2026, 12, 1, 9, 30, 0, 0, time.UTC)
	files, err := DataPackage(ds, PackageOptions{Created: created, Program: "v1.0.0"})
	if err != nil {
		t.Fatal(err)
	}
	var d struct {
		Profile, Name, Title, Created string
		DataVersion                   string `json:"corridor_data_version"`
		Licenses                      []struct{ Name, Path, Title string }
		Sources                       []struct{ Title, Path string }
		Rights                        struct {
			Licensed    []string `json:"licensed"`
			NotLicensed []string `json:"not_licensed"`
		} `json:"corridor_rights"`
		Resources []struct {
			Profile, Name, Path, Format, Mediatype, Encoding, Hash string
			Bytes                                                  int
			Schema                                                 struct {
				Fields []struct {
					Name, Type, Format string
					Constraints        map[string]any
				}
				PrimaryKey  string
				ForeignKeys []struct {
					Fields    string
					Reference struct{ Resource, Fields string }
				}
				MissingValues []string
			}
		}
	}
	if err := json.Unmarshal(files[PackageFile], &d); err != nil {
		t.Fatalf("datapackage.json: %v", err)
	}
	name := regexp.MustCompile(`^[a-z0-9._-]+$`)
	if d.Profile != "tabular-data-package" || !name.MatchString(d.Name) || d.Title == "" {
		t.Errorf("profile %q, name %q, title %q", d.Profile, d.Name, d.Title)
	}
	if d.Created != "2026-12-01T09:30:00Z" || d.DataVersion != ds.Version {
		t.Errorf("created %q, data version %q (want %s)", d.Created, d.DataVersion, ds.Version)
	}
	if len(d.Licenses) != 1 || !name.MatchString(strings.ToLower(d.Licenses[0].Name)) || d.Licenses[0].Title == "" {
		t.Errorf("licenses: %+v", d.Licenses)
	}
	if len(d.Rights.Licensed) == 0 || len(d.Rights.NotLicensed) == 0 {
		t.Error("the package must say what is and what is not licensed")
	}
	if len(d.Sources) != len(ds.Sources) {
		t.Errorf("%d sources in the descriptor, %d in the data", len(d.Sources), len(ds.Sources))
	}
	for _, s := range d.Sources {
		if s.Title == "" {
			t.Errorf("a source without a title: %+v", s)
		}
	}
	types := []string{"string", "number", "integer", "boolean", "object", "array", "date", "time", "datetime", "year", "yearmonth", "duration", "geopoint", "geojson", "any"}
	resources := map[string][]string{}
	for _, r := range d.Resources {
		var cols []string
		for _, f := range r.Schema.Fields {
			cols = append(cols, f.Name)
		}
		resources[r.Name] = cols
	}
	if len(d.Resources) != len(Files()) {
		t.Fatalf("%d resources, want %d", len(d.Resources), len(Files()))
	}
	for i, r := range d.Resources {
		body, ok := files[r.Path]
		switch {
		case r.Path != Files()[i] || !ok:
			t.Fatalf("resource %d: path %q (in package: %v)", i, r.Path, ok)
		case !name.MatchString(r.Name) || r.Profile != "tabular-data-resource" || r.Format != "csv" || r.Mediatype != "text/csv" || r.Encoding != "utf-8":
			t.Errorf("%s: name %q profile %q format %q mediatype %q encoding %q", r.Path, r.Name, r.Profile, r.Format, r.Mediatype, r.Encoding)
		}
		sum := sha256.Sum256(body)
		if r.Bytes != len(body) || r.Hash != "sha256:"+hex.EncodeToString(sum[:]) {
			t.Errorf("%s: bytes %d hash %s do not match the file", r.Path, r.Bytes, r.Hash)
		}
		header, err := csv.NewReader(bytes.NewReader(body)).Read()
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(header, resources[r.Name]) || !slices.Equal(header, Columns()[r.Path]) {
			t.Errorf("%s: header %v, schema %v, columns %v", r.Path, header, resources[r.Name], Columns()[r.Path])
		}
		for _, f := range r.Schema.Fields {
			if !slices.Contains(types, f.Type) {
				t.Errorf("%s.%s: type %q is not a Table Schema type", r.Name, f.Name, f.Type)
			}
			if p, ok := f.Constraints["pattern"].(string); ok {
				if _, err := regexp.Compile("^(?:" + p + ")$"); err != nil {
					t.Errorf("%s.%s: pattern %q: %v", r.Name, f.Name, p, err)
				}
			}
		}
		if !slices.Contains(resources[r.Name], r.Schema.PrimaryKey) {
			t.Errorf("%s: primary key %q is not a field", r.Name, r.Schema.PrimaryKey)
		}
		for _, k := range r.Schema.ForeignKeys {
			if !slices.Contains(resources[r.Name], k.Fields) || !slices.Contains(resources[k.Reference.Resource], k.Reference.Fields) {
				t.Errorf("%s: foreign key %+v does not name existing fields", r.Name, k)
			}
		}
	}
	want := map[string][]string{"observations": {"metric", "source"}, "events": {"source"}, "projects": {"source"}, "headlines": {"metric"}, "charts": {"metric"}, "places": {"source"}}
	for _, r := range d.Resources {
		var got []string
		for _, k := range r.Schema.ForeignKeys {
			got = append(got, k.Fields)
		}
		if !slices.Equal(got, want[r.Name]) {
			t.Errorf("%s: foreign keys on %v, want %v", r.Name, got, want[r.Name])
		}
	}
}

// Every value in the bundle satisfies the constraints its schema
// declares, so the package validates: the part of a validator's work that
// is cheap to repeat in Go (types, required, enum, pattern, unique).
func TestDataPackageValuesMeetTheirSchema(t *testing.T) {
	ds := loadBundled(t)
	files, err := DataPackage(ds, PackageOptions{Created: time.Now()})
	if err != nil {
		t.Fatal(err)
	}
	for file, spec := range schemas() {
		recs, err := csv.NewReader(bytes.NewReader(files[file])).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		for col, f := range spec.fields {
			seen := map[string]bool{}
			var re *regexp.Regexp
			if p, ok := f.Constraints["pattern"].(string); ok {
				re = regexp.MustCompile("^(?:" + p + ")$")
			}
			for line, rec := range recs[1:] {
				v := rec[col]
				if v == "" {
					if f.Constraints["required"] == true {
						t.Errorf("%s line %d: %s is required but empty", file, line+2, f.Name)
					}
					continue
				}
				if enum, ok := f.Constraints["enum"].([]string); ok && !slices.Contains(enum, v) {
					t.Errorf("%s line %d: %s %q is not in its enum", file, line+2, f.Name, v)
				}
				if re != nil && !re.MatchString(v) {
					t.Errorf("%s line %d: %s %q does not match %s", file, line+2, f.Name, v, re)
				}
				if f.Constraints["unique"] == true {
					if seen[v] {
						t.Errorf("%s line %d: %s %q is not unique", file, line+2, f.Name, v)
					}
					seen[v] = true
				}
				if f.Type == "date" {
					if _, err := time.Parse(time.DateOnly, v); err != nil {
						t.Errorf("%s line %d: %s %q is not a date", file, line+2, f.Name, v)
					}
				}
			}
		}
	}
}

// The package's README says how to cite, lists the caveats with this
// data's numbers, the licence in words, and every source.
func TestDataPackageReadme(t *testing.T) {
	ds := loadBundled(t)
	files, err := DataPackage(ds, PackageOptions{Created: time.Now(), Program: "v1.0.0"})
	if err != nil {
		t.Fatal(err)
	}
	readme := string(files[PackageReadme])
	for _, want := range []string{"## How to cite", "corridor cite ID --data DIR", "## Caveats", "Kinds:", "Qualifiers:", fmt.Sprintf("Disagreements: for %d ", len(ds.Conflicts())),
		"Derived values: none", "### Where sources disagree", "## Licence", "Not covered:", "## Sources", fmt.Sprintf("%d sources", len(ds.Sources)), "Data version `" + ds.Version + "`"} {
		if !strings.Contains(readme, want) {
			t.Errorf("README lacks %q", want)
		}
	}
	for _, s := range ds.Sources {
		if !strings.Contains(readme, "`"+s.ID+"`") {
			t.Errorf("README does not list source %s", s.ID)
		}
	}
}

// Every resource states its CSV dialect: a reader that sniffs took
// places.csv for a one-column file.
func TestDataPackageStatesTheDialect(t *testing.T) {
	files, err := DataPackage(loadBundled(t), PackageOptions{Created: time.Now(), Program: "v1"})
	if err != nil {
		t.Fatal(err)
	}
	var d struct {
		Resources []struct {
			Name    string
			Dialect struct {
				Delimiter string
				Header    bool
			}
		}
	}
	if err := json.Unmarshal(files["datapackage.json"], &d); err != nil {
		t.Fatal(err)
	}
	for _, r := range d.Resources {
		if r.Dialect.Delimiter != "," || !r.Dialect.Header {
			t.Errorf("%s: dialect %+v, want a comma and a header row", r.Name, r.Dialect)
		}
	}
	if len(d.Resources) < 12 {
		t.Errorf("%d resources, want every file", len(d.Resources))
	}
}
