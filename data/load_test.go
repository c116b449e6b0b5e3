package data

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"corridor/model"
)

// validFiles is a minimal dataset that loads cleanly; each test breaks
// one thing in a copy of it.
func validFiles() map[string]string {
	return map[string]string{
		SourcesFile: "id,title,publisher,standing,address,published,published_note\n" +
			"trend-aaaaaa,ASCO results,Trend,agency,https://trend.az/1,2025-07-15,\n" +
			"ministry-bbbbbb,Port statistics,Ministry,official,,,not shown\n",
		MetricsFile: "id,label,units,description\n" +
			"cargo,Cargo handled,tonnes;tonnes/year,all cargo\n" +
			"cargo_growth,Cargo growth,% y/y,reported growth\n",
		SubjectsFile: "id,name,kind,countries,note\n" +
			"titr,Middle Corridor,route,Kazakhstan;Azerbaijan,\n",
		PortsFile: "id,name,country,sea,city,operator,note\n" +
			"baku,Port of Baku,Azerbaijan,Caspian,Alat,,\n",
		ProjectsFile: "id,name,type,status,capacity,capacity_unit,length_km,cost,cost_unit,partners,start,completion,source,note\n" +
			"btk,Baku–Tbilisi–Kars railway,railway,operating,>5000000,tonnes/year,826,,,Azerbaijan;Georgia,2007,2017-10,ministry-bbbbbb,\n",
		ObservationsFile: "id,subject,metric,period,value,qualifier,unit,kind,source,flag,note\n" +
			"o-1,baku,cargo,2024,4600000,~,tonnes,actual,trend-aaaaaa,,\n" +
			"o-2,titr,cargo,2030,10000000,,tonnes,target,ministry-bbbbbb,,\n" +
			"o-3,btk,cargo,c. 2024,1000000,,tonnes,actual,ministry-bbbbbb,,\n",
		EventsFile: "id,date,precision,title,countries,kind,status,place,source,note\n" +
			"e-1,2024-05-01,day,Memorandum signed,Azerbaijan;Kazakhstan,memorandum,held,Baku,trend-aaaaaa,\n" +
			"e-2,2026-H1,half,Line opens,Georgia,opening,planned,,trend-aaaaaa,\n",
		RouteFile: "id,position,name,note\n" +
			"r-baku,20,Baku,\n" +
			"r-china,10,China,no figure\n",
		CardsFile: "id,position,title,note\n" +
			"c-titr,10,Middle Corridor,\n",
		HeadlinesFile: "id,shown_on,position,label,subject,metric,unit,briefing,note\n" +
			"h-baku,r-baku,10,cargo,baku,cargo,tonnes,Port of Baku cargo,\n" +
			"h-titr,c-titr,10,volume,titr,cargo,tonnes,,\n",
		ChartsFile: "id,view,position,title,subject,metric,unit,style,note\n" +
			"ch-titr,transit,20,Middle Corridor,titr,cargo,tonnes,year,\n" +
			"ch-btk,transit,10,BTK,btk,cargo,tonnes,year,\n" +
			"ch-volume,overview,10,Volume by year,titr,cargo,tonnes,year,\n",
	}
}

func mapFS(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, body := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(body)}
	}
	return fsys
}

func TestLoadValid(t *testing.T) {
	ds, err := Load(mapFS(validFiles()))
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if len(ds.Observations) != 3 || len(ds.Events) != 2 || len(ds.Sources) != 2 {
		t.Errorf("counts: %d obs, %d events, %d sources", len(ds.Observations), len(ds.Events), len(ds.Sources))
	}
	if p := ds.Projects[0]; p.Cost != nil || p.LengthKM == nil || *p.LengthKM != 826 || p.CapacityQ != ">" || *p.Capacity != 5e6 {
		t.Errorf("project numbers: empty cost must stay nil, length 826, capacity >5000000: %+v", p)
	}
}

// loadErrs loads files with one file replaced and returns the errors.
func loadErrs(t *testing.T, file, body string) Errors {
	t.Helper()
	files := validFiles()
	if body == "" {
		delete(files, file)
	} else {
		files[file] = body
	}
	_, err := Load(mapFS(files))
	var es Errors
	if !errors.As(err, &es) {
		t.Fatalf("Load error = %v, want Errors", err)
	}
	return es
}

func TestLoadErrors(t *testing.T) {
	obsHead := "id,subject,metric,period,value,qualifier,unit,kind,source,flag,note\n"
	tests := []struct {
		name, file, body string
		want             []string // substrings, each must appear in some error
	}{
		{"missing file", ObservationsFile, "", []string{"observations.csv:0:0: cannot open"}},
		{"empty file", ObservationsFile, "\n", []string{"file is empty"}},
		{"missing column", ObservationsFile, "id,subject,metric,value\n", []string{`missing required column "period"`, `missing required column "unit"`}},
		{"duplicate column", PortsFile, "id,name,name,country,sea,city,operator,note\n", []string{`column "name" appears twice`}},
		{"field count", ObservationsFile, obsHead + "o-1,baku,cargo,2024\n", []string{"observations.csv:2:5: row has 4 fields, the header has 11"}},
		{"malformed csv", ObservationsFile, obsHead + "o-1,\"baku,cargo\n", []string{"malformed CSV"}},
		{"bad number", ObservationsFile, obsHead + "o-1,baku,cargo,2024,4.6 million,,tonnes,actual,trend-aaaaaa,,\n", []string{`observations.csv:2:5: value: "4.6 million" is not a number`}},
		{"thousands separator", ObservationsFile, obsHead + "o-1,baku,cargo,2024,\"4,600,000\",,tonnes,actual,trend-aaaaaa,,\n", []string{"is not a number"}},
		{"unknown unit", ObservationsFile, obsHead + "o-1,baku,cargo,2024,1,,furlongs,actual,trend-aaaaaa,,\n", []string{`unit: unknown unit "furlongs"`}},
		{"unit does not fit metric", ObservationsFile, obsHead + "o-1,baku,cargo,2024,1,,TEU,actual,trend-aaaaaa,,\n", []string{`"TEU" does not fit metric "cargo"`}},
		{"unknown kind", ObservationsFile, obsHead + "o-1,baku,cargo,2024,1,,tonnes,estimate,trend-aaaaaa,,\n", []string{`kind: "estimate" is not one of actual`}},
		{"bad qualifier", ObservationsFile, obsHead + "o-1,baku,cargo,2024,1,about,tonnes,actual,trend-aaaaaa,,\n", []string{`qualifier: "about"`}},
		{"range runs downwards", ObservationsFile, obsHead + "o-1,baku,containers,2025,105000..104000,,TEU,forecast,trend-aaaaaa,,\n", []string{`observations.csv:2:5: value: range "105000..104000" must run upwards`}},
		{"range with equal ends", ObservationsFile, obsHead + "o-1,baku,cargo,2025,5..5,,tonnes,forecast,trend-aaaaaa,,\n", []string{"must run upwards"}},
		{"range half missing", ObservationsFile, obsHead + "o-1,baku,cargo,2025,5..,,tonnes,forecast,trend-aaaaaa,,\n", []string{`value: "5.." is not a range`}},
		{"range with a dash", ObservationsFile, obsHead + "o-1,baku,cargo,2025,13-17,,tonnes,forecast,trend-aaaaaa,,\n", []string{`value: "13-17" is not a number`}},
		{"range as a bound", ObservationsFile, obsHead + "o-1,baku,cargo,2025,1..2,>,tonnes,forecast,trend-aaaaaa,,\n", []string{`observations.csv:2:6: qualifier: ">" cannot qualify a range`}},
		{"bad period", ObservationsFile, obsHead + "o-1,baku,cargo,2024-13,1,,tonnes,actual,trend-aaaaaa,,\n", []string{`observations.csv:2:4: period: month "13"`}},
		{"unknown source", ObservationsFile, obsHead + "o-1,baku,cargo,2024,1,,tonnes,actual,nobody,,\n", []string{`source: unknown source "nobody"`}},
		{"unknown subject", ObservationsFile, obsHead + "o-1,atlantis,cargo,2024,1,,tonnes,actual,trend-aaaaaa,,\n", []string{`unknown subject "atlantis"`}},
		{"unknown metric", ObservationsFile, obsHead + "o-1,baku,widgets,2024,1,,tonnes,actual,trend-aaaaaa,,\n", []string{`unknown metric "widgets"`}},
		{"duplicate id", ObservationsFile, obsHead + "o-1,baku,cargo,2024,1,,tonnes,actual,trend-aaaaaa,,\no-1,baku,cargo,2023,1,,tonnes,actual,trend-aaaaaa,,\n", []string{`observations.csv:3:1: id: duplicate id "o-1"`}},
		{"bad flag", ObservationsFile, obsHead + "o-1,baku,cargo,2024,1,,tonnes,actual,trend-aaaaaa,wrong,\n", []string{`flag: "wrong"`}},
		{"empty required", ObservationsFile, obsHead + "o-1,,cargo,2024,1,,tonnes,actual,trend-aaaaaa,,\n", []string{"subject: is empty"}},
		{"duplicate subject across files", SubjectsFile, "id,name,kind,countries,note\nbaku,Baku again,route,,\n", []string{`duplicate id "baku"`}},
		{"bad standing", SourcesFile, "id,title,publisher,standing,address,published,published_note\ntrend-aaaaaa,T,Trend,famous,,,\nministry-bbbbbb,P,M,official,,,\n", []string{`standing: "famous"`}},
		{"bad address", SourcesFile, "id,title,publisher,standing,address,published,published_note\ntrend-aaaaaa,T,Trend,agency,javascript:x,,\nministry-bbbbbb,P,M,official,,,\n", []string{"is not a web address"}},
		{"bad published", SourcesFile, "id,title,publisher,standing,address,published,published_note\ntrend-aaaaaa,T,Trend,agency,,2025-H1,\nministry-bbbbbb,P,M,official,,,\n", []string{"published:", "is not a date"}},
		{"bad retrieved", SourcesFile, "id,title,publisher,standing,address,published,published_note,retrieved,archive\ntrend-aaaaaa,T,Trend,agency,,,,2026-11,\nministry-bbbbbb,P,M,official,,,,22/11/2026,\n", []string{`sources.csv:2:8: retrieved: "2026-11" is not a day`, `sources.csv:3:8: retrieved: "22/11/2026" is not a day`}},
		{"bad archive", SourcesFile, "id,title,publisher,standing,address,published,published_note,retrieved,archive\ntrend-aaaaaa,T,Trend,agency,,,,,web.archive.org/x\nministry-bbbbbb,P,M,official,,,,,\n", []string{`sources.csv:2:9: archive: "web.archive.org/x" is not a web address`}},
		{"unknown country", PortsFile, "id,name,country,sea,city,operator,note\nbaku,Port of Baku,Atlantis,Caspian,,,\n", []string{`unknown country "Atlantis"`}},
		{"bad sea", PortsFile, "id,name,country,sea,city,operator,note\nbaku,Port of Baku,Azerbaijan,Pacific,,,\n", []string{`sea: "Pacific"`}},
		{"capacity without unit", ProjectsFile, "id,name,type,status,capacity,capacity_unit,length_km,cost,cost_unit,partners,start,completion,source,note\nbtk,BTK,railway,operating,5,,,,,,,,ministry-bbbbbb,\n", []string{"capacity_unit: is empty but capacity is given"}},
		{"bad project status", ProjectsFile, "id,name,type,status,capacity,capacity_unit,length_km,cost,cost_unit,partners,start,completion,source,note\nbtk,BTK,railway,dreaming,,,,,,,,,ministry-bbbbbb,\n", []string{`status: "dreaming"`}},
		{"metric unknown unit", MetricsFile, "id,label,units,description\ncargo,Cargo,tonnes;parsecs,\ncargo_growth,G,% y/y,\n", []string{`unknown unit "parsecs"`}},
		{"event precision mismatch", EventsFile, "id,date,precision,title,countries,kind,status,place,source,note\ne-1,2024-05,day,X,Georgia,summit,held,,trend-aaaaaa,\n", []string{`precision: "day" does not match date "2024-05", which is a month`}},
		{"event text date", EventsFile, "id,date,precision,title,countries,kind,status,place,source,note\ne-1,soon,day,X,Georgia,summit,held,,trend-aaaaaa,\n", []string{`date: "soon" is not a date`}},
		{"event to-date", EventsFile, "id,date,precision,title,countries,kind,status,place,source,note\ne-1,2025 (to 2025-07-28),day,X,Georgia,summit,held,,trend-aaaaaa,\n", []string{"is not a date"}},
		{"event status", EventsFile, "id,date,precision,title,countries,kind,status,place,source,note\ne-1,2024,year,X,Georgia,summit,rumoured,,trend-aaaaaa,\n", []string{`status: "rumoured"`}},
		{"event no countries", EventsFile, "id,date,precision,title,countries,kind,status,place,source,note\ne-1,2024,year,X,,summit,held,,trend-aaaaaa,\n", []string{"countries: is empty"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			es := loadErrs(t, tt.file, tt.body)
			all := es.Error()
			for _, w := range tt.want {
				if !strings.Contains(all, w) {
					t.Errorf("errors do not mention %q:\n%s", w, all)
				}
			}
		})
	}
}

func TestLoadReportsAllErrorsTogether(t *testing.T) {
	obsHead := "id,subject,metric,period,value,qualifier,unit,kind,source,flag,note\n"
	es := loadErrs(t, ObservationsFile, obsHead+
		"o-1,baku,cargo,2024,x,,tonnes,actual,trend-aaaaaa,,\n"+
		"o-2,baku,cargo,2024-13,1,,tonnes,actual,trend-aaaaaa,,\n"+
		"o-3,baku,cargo,2024,1,,tonnes,actual,nobody,,\n")
	if len(es) != 3 {
		t.Fatalf("got %d errors, want 3:\n%v", len(es), es)
	}
	for i, line := range []int{2, 3, 4} {
		if es[i].Line != line || es[i].File != ObservationsFile {
			t.Errorf("error %d at %s:%d, want line %d", i, es[i].File, es[i].Line, line)
		}
	}
}

func TestControlCharactersAreStripped(t *testing.T) {
	files := validFiles()
	files[PortsFile] = "id,name,country,sea,city,operator,note\nbaku,\"Port\x1b[31m of\u202e Baku\x07\",Azerbaijan,Caspian,\"Alat\nnew line\",,\u009b2J\x9b\n"
	ds, err := Load(mapFS(files))
	if err != nil {
		t.Fatal(err)
	}
	p := ds.Ports[0]
	if p.Name != "Port[31m of Baku" || p.City != "Alat new line" || p.Note != "2J\uFFFD" {
		t.Errorf("cleaned port = %q / %q / %q", p.Name, p.City, p.Note)
	}
}

func TestExtraColumnsAndBlankLinesAreAllowed(t *testing.T) {
	files := validFiles()
	files[PortsFile] = "id,name,country,sea,city,operator,note,my working column\nbaku,Port of Baku,Azerbaijan,Caspian,Alat,,,check later\n\n"
	if _, err := Load(mapFS(files)); err != nil {
		t.Fatal(err)
	}
}

// retrieved and archive came after analysts had files without them: a
// file may leave them out, and when present they are read.
func TestSourcesRetrievedAndArchive(t *testing.T) {
	ds, err := Load(mapFS(validFiles()))
	if err != nil {
		t.Fatalf("a sources.csv without retrieved and archive must load: %v", err)
	}
	if s := ds.Sources[0]; !s.Retrieved.IsZero() || s.Archive != "" {
		t.Errorf("absent columns read as %v / %q, want empty", s.Retrieved, s.Archive)
	}
	files := validFiles()
	files[SourcesFile] = "id,title,publisher,standing,address,published,published_note,retrieved,archive\n" +
		"trend-aaaaaa,ASCO results,Trend,agency,https://trend.az/1,2025-07-15,,2026-11-22,https://web.archive.org/web/2026/https://trend.az/1\n" +
		"ministry-bbbbbb,Port statistics,Ministry,official,,,not shown,,\n"
	ds, err = Load(mapFS(files))
	if err != nil {
		t.Fatal(err)
	}
	s, _ := ds.Source("trend-aaaaaa")
	if s.Retrieved.String() != "2026-11-22" || s.Archive != "https://web.archive.org/web/2026/https://trend.az/1" {
		t.Errorf("retrieved %q, archive %q", s.Retrieved, s.Archive)
	}
	if s, _ := ds.Source("ministry-bbbbbb"); !s.Retrieved.IsZero() || s.Archive != "" {
		t.Errorf("empty cells read as %v / %q", s.Retrieved, s.Archive)
	}
}

func TestLoadRangesAndQualifiers(t *testing.T) {
	files := validFiles()
	files[ObservationsFile] = "id,subject,metric,period,value,qualifier,unit,kind,source,flag,note\n" +
		"o-1,baku,cargo,2025,104000..105000,,tonnes,forecast,trend-aaaaaa,,\n" +
		"o-2,baku,cargo_growth,2025-H1,-5..-2.5,~,% y/y,actual,trend-aaaaaa,,\n" +
		"o-3,baku,cargo,2024,300,>=,tonnes,actual,trend-aaaaaa,,\n" +
		"o-4,baku,cargo,2025 (to 2025-07-28),1000,,tonnes,actual,trend-aaaaaa,,\n"
	ds, err := Load(mapFS(files))
	if err != nil {
		t.Fatal(err)
	}
	o := ds.Observations
	if !o[0].IsRange() || o[0].Value != 104000 || o[0].High != 105000 {
		t.Errorf("o-1 = %+v, want the range 104000..105000", o[0])
	}
	if !o[1].IsRange() || o[1].Value != -5 || o[1].High != -2.5 || o[1].Qualifier != model.About {
		t.Errorf("o-2 = %+v, want about -5..-2.5", o[1])
	}
	if o[2].IsRange() || o[2].Qualifier != model.AtLeast {
		t.Errorf("o-3 = %+v, want no less than 300", o[2])
	}
	if !o[3].Period.ToDate() || o[3].Period.Label() != "YTD 28 Jul 2025" {
		t.Errorf("o-4 period = %v, want year to 28 Jul 2025", o[3].Period)
	}
}

func TestIDPatterns(t *testing.T) {
	for s, want := range map[string]bool{"baku": true, "o-0661": true, "a": true, "9x": true, "": false, "-a": false, "Baku": false, "a_b": false, "a b": false, "é": false} {
		if got := idPattern.MatchString(s); got != want {
			t.Errorf("id %q: %v, want %v", s, got, want)
		}
	}
	for s, want := range map[string]bool{"cargo_growth": true, "cargo-growth": false, "_x": false, "teu2": true} {
		if got := metricPattern.MatchString(s); got != want {
			t.Errorf("metric %q: %v, want %v", s, got, want)
		}
	}
}
