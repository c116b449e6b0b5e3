package data

import (
	"strings"
	"testing"
)

const placesHead = "id,name,subject,lat,lon,order,from,mode,source,note\n"

func TestPlacesLoad(t *testing.T) {
	files := validFiles()
	files[PlacesFile] = placesHead +
		"alat,Alat,baku,39.93,49.42,2,aktau,sea,trend-aaaaaa,\n" +
		"aktau,Aktau,titr,43.65,51.15,1,,,trend-aaaaaa,\n" +
		"corner,Corner,,41.0,45.0,,alat,rail,trend-aaaaaa,waypoint\n"
	ds, err := Load(mapFS(files))
	if err != nil {
		t.Fatal(err)
	}
	walk := ds.Walk()
	if len(walk) != 2 || walk[0].ID != "aktau" || walk[1].ID != "alat" {
		t.Errorf("walk = %+v, want aktau then alat (waypoints left out)", walk)
	}
	if p := walk[1]; p.Lat != 39.93 || p.Lon != 49.42 || p.Subject != "baku" {
		t.Errorf("alat = %+v", p)
	}
	legs := ds.Legs()
	if len(legs) != 2 || legs[0].From.ID != "aktau" || legs[0].To.ID != "alat" || legs[0].Mode != "sea" || legs[1].Mode != "rail" {
		t.Errorf("legs = %+v", legs)
	}
}

// A directory written before the map existed has no places.csv: it
// still loads, with nothing on the map.
func TestPlacesFileMayBeMissing(t *testing.T) {
	ds, err := Load(mapFS(validFiles()))
	if err != nil {
		t.Fatal(err)
	}
	if len(ds.Places) != 0 {
		t.Errorf("places = %v", ds.Places)
	}
}

func TestPlacesErrors(t *testing.T) {
	ok := "aktau,Aktau,titr,43.65,51.15,1,,,trend-aaaaaa,\n"
	for _, tt := range []struct {
		name, body string
		want       string
	}{
		{"latitude out of range", "alat,Alat,baku,93.9,49.42,,,,trend-aaaaaa,\n", `places.csv:2:4: lat: 93.9 is not a latitude`},
		{"longitude out of range", "alat,Alat,baku,39.93,249.42,,,,trend-aaaaaa,\n", `places.csv:2:5: lon: 249.42 is not a longitude`},
		{"coordinates required", "alat,Alat,baku,,49.42,,,,trend-aaaaaa,\n", `places.csv:2:4: lat: is empty; a number is required`},
		{"coordinate not a number", "alat,Alat,baku,39°56',49.42,,,,trend-aaaaaa,\n", `places.csv:2:4: lat: "39°56'" is not a number`},
		{"unknown subject", "alat,Alat,atlantis,39.93,49.42,,,,trend-aaaaaa,\n", `places.csv:2:3: subject: unknown subject "atlantis"`},
		{"subject placed twice", ok + "aktau2,Aktau again,titr,43.6,51.1,,,,trend-aaaaaa,\n", `places.csv:3:3: subject: "titr" is already placed at "aktau"`},
		{"unknown source", "alat,Alat,baku,39.93,49.42,,,,osm-nowhere,\n", `places.csv:2:9: source: unknown source "osm-nowhere"`},
		{"bad order", "alat,Alat,baku,39.93,49.42,first,,,trend-aaaaaa,\n", `places.csv:2:6: order: "first" is not a position`},
		{"order taken", ok + "alat,Alat,baku,39.93,49.42,1,,,trend-aaaaaa,\n", `places.csv:3:6: order: 1 is already the position of place "aktau"`},
		{"walk needs a subject", "corner,Corner,,41,45,3,,,trend-aaaaaa,\n", `places.csv:2:3: subject: is empty but order is set`},
		{"unknown leg start", "alat,Alat,baku,39.93,49.42,,atlantis,sea,trend-aaaaaa,\n", `places.csv:2:7: from: unknown place "atlantis"`},
		{"leg from itself", "alat,Alat,baku,39.93,49.42,,alat,sea,trend-aaaaaa,\n", `places.csv:2:7: from: place "alat" cannot be reached from itself`},
		{"leg without mode", ok + "alat,Alat,baku,39.93,49.42,,aktau,,trend-aaaaaa,\n", `places.csv:3:8: mode: is empty but from is set`},
		{"mode without leg", "alat,Alat,baku,39.93,49.42,,,sea,trend-aaaaaa,\n", `places.csv:2:7: from: is empty but mode is set`},
		{"unknown mode", ok + "alat,Alat,baku,39.93,49.42,,aktau,camel,trend-aaaaaa,\n", `places.csv:3:8: mode: "camel" is not one of rail, sea, road`},
		{"missing column", "id,name,lat,lon\n", `missing required column "subject"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			body := tt.body
			if !strings.HasPrefix(body, "id,") {
				body = placesHead + body
			}
			es := loadErrs(t, PlacesFile, body)
			if all := es.Error(); !strings.Contains(all, tt.want) {
				t.Errorf("errors do not mention %q:\n%s", tt.want, all)
			}
		})
	}
}

// The bundled map: every place on the walk shows a real subject and
// every leg joins two places.
func TestBundledPlaces(t *testing.T) {
	ds := loadBundled(t)
	walk := ds.Walk()
	if len(walk) < 10 {
		t.Fatalf("%d places on the walk, want the route from China to Europe", len(walk))
	}
	for _, p := range walk {
		if !ds.HasSubject(p.Subject) {
			t.Errorf("place %s shows unknown subject %q", p.ID, p.Subject)
		}
		if p.Lon < 15 || p.Lon > 120 || p.Lat < 30 || p.Lat > 55 {
			t.Errorf("place %s (%v, %v) is outside the map's region", p.ID, p.Lat, p.Lon)
		}
		if src, ok := ds.Source(p.Source); !ok || src.Address == "" {
			t.Errorf("place %s: coordinates need a source with an address", p.ID)
		}
	}
	modes := map[string]int{}
	for _, l := range ds.Legs() {
		modes[l.Mode]++
	}
	if modes["rail"] == 0 || modes["sea"] == 0 {
		t.Errorf("legs by mode = %v, want rail and sea legs", modes)
	}
}
