package data

import (
	"flag"
	"os"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite golden files")

// A directory with one problem of each kind: the output is what an
// analyst sees, so it is pinned in a golden file.
func TestValidateGolden(t *testing.T) {
	now := time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)
	_, problems := Validate(Origin{Dir: "testdata/problems"}, now)
	var b strings.Builder
	for _, p := range problems {
		b.WriteString(p.String() + "\n")
	}
	got := b.String()
	const golden = "testdata/validate.golden"
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("validate output changed:\n--- got\n%s--- want\n%s", got, want)
	}
	for _, must := range []string{"error: unit:", "error: period:", "error: precision:"} {
		if !strings.Contains(got, must) {
			t.Errorf("no %q in:\n%s", must, got)
		}
	}
}

// With the errors fixed, the warnings remain and are told apart.
func TestValidateWarnings(t *testing.T) {
	dir := t.TempDir()
	for _, f := range Files() {
		b, err := os.ReadFile("testdata/problems/" + f)
		if err != nil {
			t.Fatal(err)
		}
		s := strings.NewReplacer(
			"o-4,baku,cargo,2024,6100000,,TEU", "o-4,baku,cargo,2022,6100000,,tonnes",
			"o-7,titr,cargo,2024-13", "o-7,titr,cargo,2023-12",
			"2024-05-01,month", "2024-05-01,day",
			"4060,43.09", "40.60,43.09").Replace(string(b))
		if err := os.WriteFile(dir+"/"+f, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ds, problems := Validate(Origin{Dir: dir}, time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC))
	if ds == nil {
		t.Fatalf("no dataset: %v", problems)
	}
	var kinds []string
	for _, p := range problems {
		if !p.Warning {
			t.Errorf("unexpected error: %s", p)
		}
		kinds = append(kinds, p.String())
	}
	all := strings.Join(kinds, "\n")
	for _, must := range []string{"reported growth +35.0% disagrees", "dated in the future", "before that period ended", `source "unused-1" is never used`} {
		if !strings.Contains(all, must) {
			t.Errorf("no warning %q in:\n%s", must, all)
		}
	}
}

func TestMergeLayers(t *testing.T) {
	dir := t.TempDir()
	// Only what changes: one corrected figure and one new month.
	obs := "id,subject,metric,period,value,qualifier,unit,kind,source,flag,note\n" +
		"o-0568,titr,cargo,2025,4200000,,tonnes,actual,report-az-392cca,,corrected\n" +
		"o-9001,titr,cargo,2026-01,350000,,tonnes,actual,report-az-392cca,,new month\n"
	if err := os.WriteFile(dir+"/"+ObservationsFile, []byte(obs), 0o644); err != nil {
		t.Fatal(err)
	}
	base := loadBundled(t)
	ds, err := Origin{Dir: dir, Merge: true}.Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(ds.Observations) != len(base.Observations)+1 {
		t.Errorf("%d observations, want %d (one replaced, one added)", len(ds.Observations), len(base.Observations)+1)
	}
	var corrected bool
	for _, o := range ds.Observations {
		if o.ID == "o-0568" {
			corrected = o.Value == 4200000
		}
	}
	if !corrected {
		t.Error("the overlay's row did not replace the bundled one")
	}
	if _, err := (Origin{Dir: dir}).Load(); err == nil {
		t.Error("without --merge a directory with one file must not load")
	}
	bad := strings.Replace(obs, "2026-01", "2026-1", 1)
	if err := os.WriteFile(dir+"/"+ObservationsFile, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Origin{Dir: dir, Merge: true}.Load()
	if err == nil || !strings.Contains(err.Error(), dir+"/observations.csv:3:4") {
		t.Errorf("merge error should name the overlay file and line: %v", err)
	}
}

// A retrieval date in the future, or before the page was published, is
// almost always a typo; it is a warning, since the page's own date may be
// the wrong one.
func TestValidateRetrieved(t *testing.T) {
	dir := t.TempDir()
	files := validFiles()
	files[SourcesFile] = "id,title,publisher,standing,address,published,published_note,retrieved,archive\n" +
		"trend-aaaaaa,ASCO results,Trend,agency,https://trend.az/1,2025-07-15,,2025-07-14,\n" +
		"ministry-bbbbbb,Port statistics,Ministry,official,,,not shown,2027-01-01,\n"
	for name, body := range files {
		if err := os.WriteFile(dir+"/"+name, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, problems := Validate(Origin{Dir: dir}, time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC))
	var got []string
	for _, p := range problems {
		if p.Field == "retrieved" {
			got = append(got, p.String())
		}
	}
	want := []string{
		dir + "/sources.csv:2:8: warning: retrieved: the page is said to have been read on 2025-07-14, before it was published (2025-07-15)",
		dir + "/sources.csv:3:8: warning: retrieved: the page is said to have been read on 2027-01-01, which is in the future",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("retrieved warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
