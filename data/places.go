package data

import (
	"strconv"
	"strings"

	"corridor/model"
)

// places reads the map's coordinates and route legs. It runs last, so
// every subject and source a place names is already known.
func (l *loader) places(ds *model.Dataset) {
	seen := map[string]bool{}
	orders := map[int]string{}
	subjects := map[string]string{}
	type legs struct {
		r    row
		id   string
		from []string
	}
	var pending []legs
	l.each(PlacesFile, func(r row) {
		p := model.Place{ID: r.id(seen), Name: r.required("name"), Subject: r.get("subject"),
			From: splitList(r.get("from")), Mode: r.get("mode"), Source: r.source("source"), Note: r.get("note")}
		if lat := r.number("lat", false); lat != nil {
			if *lat < -90 || *lat > 90 {
				r.errorf("lat", "%v is not a latitude; want decimal degrees from -90 to 90 (north positive)", *lat)
			}
			p.Lat = *lat
		}
		if lon := r.number("lon", false); lon != nil {
			if *lon < -180 || *lon > 180 {
				r.errorf("lon", "%v is not a longitude; want decimal degrees from -180 to 180 (east positive)", *lon)
			}
			p.Lon = *lon
		}
		if s := r.get("order"); s != "" {
			n, err := strconv.Atoi(s)
			switch {
			case err != nil || n < 1:
				r.errorf("order", "%q is not a position on the route; want a whole number from 1, or empty", s)
			case orders[n] != "":
				r.errorf("order", "%d is already the position of place %q", n, orders[n])
			default:
				orders[n] = p.ID
			}
			p.Order = n
		}
		if p.Subject != "" {
			if _, ok := l.ids[p.Subject]; !ok {
				r.errorf("subject", "unknown subject %q; define it in %s, %s or %s", p.Subject, PortsFile, ProjectsFile, SubjectsFile)
			} else if other, dup := subjects[p.Subject]; dup {
				r.errorf("subject", "%q is already placed at %q; a subject has one place on the map", p.Subject, other)
			}
			subjects[p.Subject] = p.ID
		} else if p.Order > 0 {
			r.errorf("subject", "is empty but order is set; a place on the route walk shows a subject's figures")
		}
		switch {
		case len(p.From) > 0 && p.Mode == "":
			r.errorf("mode", "is empty but from is set; say how the legs travel: %s", strings.Join(model.LegModes(), ", "))
		case len(p.From) == 0 && p.Mode != "":
			r.errorf("from", "is empty but mode is set; name the places the legs arrive from")
		case p.Mode != "":
			r.oneOf("mode", p.Mode, model.LegModes())
		}
		pending = append(pending, legs{r, p.ID, p.From})
		ds.Places = append(ds.Places, p)
	})
	// Legs may name places further down the file.
	for _, pl := range pending {
		for _, f := range pl.from {
			switch {
			case f == pl.id:
				pl.r.errorf("from", "place %q cannot be reached from itself", f)
			case !seen[f]:
				pl.r.errorf("from", "unknown place %q; define it in %s", f, PlacesFile)
			}
		}
	}
}
