package data

import (
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"corridor/model"
)

// Each class of mistake in the view declarations is reported at its
// file, line and column.
func TestViewDeclarationErrors(t *testing.T) {
	const (
		route  = "id,position,name,note\n"
		cards  = "id,position,title,note\n"
		heads  = "id,shown_on,position,label,subject,metric,unit,briefing,note\n"
		charts = "id,view,position,title,subject,metric,unit,style,note\n"
	)
	tests := []struct {
		name, file, body, want string
	}{
		{"route missing", RouteFile, "", "route.csv:0:0: cannot open"},
		{"route missing column", RouteFile, "id,name,note\nr-a,A,\n", `route.csv:1:0: missing required column "position"`},
		{"route bad id", RouteFile, route + "r-a,10,A,\nR A,20,B,\n", `route.csv:3:1: id: "R A" is not a valid id`},
		{"route empty name", RouteFile, route + "r-a,10,,\n", "route.csv:2:3: name: is empty"},
		{"route position not a number", RouteFile, route + "r-a,first,A,\n", `route.csv:2:2: position: "first" is not a position`},
		{"route position zero", RouteFile, route + "r-a,0,A,\n", `route.csv:2:2: position: "0" is not a position`},
		{"route position negative", RouteFile, route + "r-a,-10,A,\n", `route.csv:2:2: position: "-10" is not a position`},
		{"route position fraction", RouteFile, route + "r-a,1.5,A,\n", `route.csv:2:2: position: "1.5" is not a position`},
		{"route position empty", RouteFile, route + "r-a,,A,\n", "route.csv:2:2: position: is empty"},
		{"route position taken", RouteFile, route + "r-a,10,A,\nr-b,10,B,\n", `route.csv:3:2: position: position 10 is already taken by "r-a" (route.csv:2)`},
		{"route duplicate id", RouteFile, route + "r-a,10,A,\nr-a,20,B,\n", `route.csv:3:1: id: duplicate id "r-a"`},
		{"card position taken", CardsFile, cards + "c-a,10,A,\nc-b,10,B,\n", `cards.csv:3:2: position: position 10 is already taken by "c-a" (cards.csv:2)`},
		{"card empty title", CardsFile, cards + "c-a,10,,\n", "cards.csv:2:3: title: is empty"},
		{"card id taken by a node", CardsFile, cards + "r-baku,10,Baku,\n", `cards.csv:2:1: id: duplicate id "r-baku" (already defined in route.csv)`},
		{"headline unknown node", HeadlinesFile, heads + "h-a,r-nowhere,10,cargo,baku,cargo,tonnes,,\n", `headlines.csv:2:2: shown_on: unknown route node or card "r-nowhere"; define it in route.csv or cards.csv`},
		{"headline unknown subject", HeadlinesFile, heads + "h-a,r-baku,10,cargo,atlantis,cargo,tonnes,,\n", `headlines.csv:2:5: subject: unknown subject "atlantis"`},
		{"headline unknown metric", HeadlinesFile, heads + "h-a,r-baku,10,cargo,baku,widgets,tonnes,,\n", `headlines.csv:2:6: metric: unknown metric "widgets"; define it in metrics.csv`},
		{"headline unknown unit", HeadlinesFile, heads + "h-a,r-baku,10,cargo,baku,cargo,furlongs,,\n", `headlines.csv:2:7: unit: unknown unit "furlongs"`},
		{"headline unit does not fit", HeadlinesFile, heads + "h-a,r-baku,10,cargo,baku,cargo,TEU,,\n", `headlines.csv:2:7: unit: "TEU" does not fit metric "cargo"`},
		{"headline empty label", HeadlinesFile, heads + "h-a,r-baku,10,,baku,cargo,tonnes,,\n", "headlines.csv:2:4: label: is empty"},
		{"headline duplicate id", HeadlinesFile, heads + "h-a,r-baku,10,a,baku,cargo,tonnes,,\nh-a,c-titr,10,b,baku,cargo,tonnes,,\n", `headlines.csv:3:1: id: duplicate id "h-a"`},
		{"headline position taken on the same node", HeadlinesFile, heads + "h-a,r-baku,10,a,baku,cargo,tonnes,,\nh-b,r-baku,10,b,baku,cargo,tonnes,,\n", `headlines.csv:3:3: position: position 10 is already taken by "h-a" (headlines.csv:2)`},
		{"chart unknown view", ChartsFile, charts + "ch-a,ports,10,A,titr,cargo,tonnes,year,\n", `charts.csv:2:2: view: "ports" is not one of overview, transit`},
		{"chart unknown style", ChartsFile, charts + "ch-a,transit,10,A,titr,cargo,tonnes,pie,\n", `charts.csv:2:8: style: "pie" is not one of year, half-year`},
		{"chart half-year on the overview", ChartsFile, charts + "ch-a,overview,10,A,titr,cargo,tonnes,half-year,\n", "charts.csv:2:8: style: the overview draws its chart by year; want year"},
		{"chart two on the overview", ChartsFile, charts + "ch-a,overview,10,A,titr,cargo,tonnes,year,\nch-b,overview,20,B,baku,cargo,tonnes,year,\n", `charts.csv:3:2: view: the overview has room for one chart and "ch-a" (charts.csv:2) is it`},
		{"chart position taken in its view", ChartsFile, charts + "ch-a,transit,10,A,titr,cargo,tonnes,year,\nch-b,transit,10,B,baku,cargo,tonnes,year,\n", `charts.csv:3:3: position: position 10 is already taken by "ch-a" (charts.csv:2)`},
		{"chart unknown subject", ChartsFile, charts + "ch-a,transit,10,A,atlantis,cargo,tonnes,year,\n", `charts.csv:2:5: subject: unknown subject "atlantis"`},
		{"chart unit does not fit", ChartsFile, charts + "ch-a,transit,10,A,titr,cargo,TEU,year,\n", `charts.csv:2:7: unit: "TEU" does not fit metric "cargo"`},
		{"chart empty title", ChartsFile, charts + "ch-a,transit,10,,titr,cargo,tonnes,year,\n", "charts.csv:2:4: title: is empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			all := loadErrs(t, tt.file, tt.body).Error()
			if !strings.Contains(all, tt.want) {
				t.Errorf("errors do not say %q:\n%s", tt.want, all)
			}
		})
	}
}

// The same position in two scopes is fine: positions order rows within
// one node, card or view.
func TestPositionsAreScoped(t *testing.T) {
	files := validFiles()
	files[HeadlinesFile] += "h-baku-2,c-titr,20,cargo,baku,cargo,tonnes,,\n" + "h-baku-3,r-china,10,cargo,baku,cargo,tonnes,,\n"
	if _, err := Load(mapFS(files)); err != nil {
		t.Fatal(err)
	}
}

// Declarations come out in position order, whatever the file order.
func TestDeclarationsInPositionOrder(t *testing.T) {
	ds, err := Load(mapFS(validFiles()))
	if err != nil {
		t.Fatal(err)
	}
	var route []string
	for _, n := range ds.Route {
		route = append(route, n.Name)
	}
	if !slices.Equal(route, []string{"China", "Baku"}) {
		t.Errorf("route %v, want China then Baku (positions 10, 20)", route)
	}
	var transit []string
	for _, c := range ds.ChartsOf(model.ViewTransit) {
		transit = append(transit, c.Title)
	}
	if !slices.Equal(transit, []string{"BTK", "Middle Corridor"}) {
		t.Errorf("transit charts %v, want BTK then Middle Corridor", transit)
	}
	if b := ds.BriefingFigures(); len(b) != 1 || b[0].Briefing != "Port of Baku cargo" {
		t.Errorf("briefing figures %+v", b)
	}
}

// A layer over the bundle can slot a node into the route, relabel a
// figure and add a transit series, each by id as in the other files.
func TestMergeDeclarations(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		if err := os.WriteFile(dir+"/"+name, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(RouteFile, "id,position,name,note\nr-turkmenbashi,45,Turkmenbashi,\n")
	write(HeadlinesFile, "id,shown_on,position,label,subject,metric,unit,briefing,note\n"+
		"h-turkmenbashi,r-turkmenbashi,10,cargo,turkmenbashi,cargo,tonnes,,\n"+
		"h-baku-teu,r-baku,20,containers,baku,containers,TEU,,\n")
	write(ChartsFile, "id,view,position,title,subject,metric,unit,style,note\nch-poti,transit,5,Port of Poti,poti,cargo,tonnes,year,\n")
	base := loadBundled(t)
	ds, err := Origin{Dir: dir, Merge: true}.Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(ds.Route) != len(base.Route)+1 {
		t.Fatalf("%d route nodes, want %d", len(ds.Route), len(base.Route)+1)
	}
	i := slices.IndexFunc(ds.Route, func(n model.RouteNode) bool { return n.ID == "r-turkmenbashi" })
	if i < 1 || ds.Route[i-1].ID != "r-caspian" || ds.Route[i+1].ID != "r-baku" {
		t.Errorf("Turkmenbashi at %d, want between the Caspian and Baku: %+v", i, ds.Route)
	}
	var labels []string
	for _, f := range ds.FiguresOn("r-baku") {
		labels = append(labels, f.Label)
	}
	if !slices.Equal(labels, []string{"cargo", "containers"}) {
		t.Errorf("Baku's labels %v, want the overlay's relabelled containers", labels)
	}
	if c := ds.ChartsOf(model.ViewTransit); c[0].ID != "ch-poti" || len(c) != len(base.ChartsOf(model.ViewTransit))+1 {
		t.Errorf("transit charts start %s, %d of them", c[0].ID, len(c))
	}
	write(HeadlinesFile, "id,shown_on,position,label,subject,metric,unit,briefing,note\nh-x,r-nowhere,10,x,baku,cargo,tonnes,,\n")
	_, err = Origin{Dir: dir, Merge: true}.Load()
	if err == nil || !strings.Contains(err.Error(), dir+"/headlines.csv:2:2: shown_on: unknown route node or card") {
		t.Errorf("merge error should name the overlay file and cell: %v", err)
	}
}

// A declaration that would show nothing is a warning, at its cell.
func TestValidateWarnsOnEmptyDeclarations(t *testing.T) {
	dir := t.TempDir()
	for name, body := range validFiles() {
		switch name {
		case ChartsFile:
			body += "ch-halves,transit,30,Baku by half-year,baku,cargo,tonnes,half-year,\n"
		}
		if err := os.WriteFile(dir+"/"+name, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ds, problems := Validate(Origin{Dir: dir}, time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC))
	if ds == nil {
		t.Fatalf("no dataset: %v", problems)
	}
	var got []string
	for _, p := range problems {
		if p.File == dir+"/"+HeadlinesFile || p.File == dir+"/"+ChartsFile {
			got = append(got, strings.TrimPrefix(p.String(), dir+"/"))
		}
	}
	want := []string{
		`headlines.csv:3:5: warning: subject: "volume" shows nothing: no dated actual figure of titr cargo in tonnes`,
		`charts.csv:5:5: warning: subject: the transit view leaves "Baku by half-year" out: no half-year figures of baku cargo`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// Every declaration in the bundle shows something: no headline without a
// figure, no chart the view would leave out.
func TestBundledDeclarationsShowFigures(t *testing.T) {
	ds := loadBundled(t)
	if len(ds.Route) < 2 || len(ds.Cards) == 0 || len(ds.ChartsOf(model.ViewTransit)) == 0 || len(ds.ChartsOf(model.ViewOverview)) != 1 {
		t.Fatalf("bundle declares %d nodes, %d cards, %d transit and %d overview charts",
			len(ds.Route), len(ds.Cards), len(ds.ChartsOf(model.ViewTransit)), len(ds.ChartsOf(model.ViewOverview)))
	}
	_, problems := Validate(Origin{}, time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC))
	for _, p := range problems {
		if f := p.File; f == HeadlinesFile || f == ChartsFile || f == RouteFile || f == CardsFile {
			t.Error(p)
		}
	}
}
