package data

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"corridor/model"
)

// DiffVersion is the JSON diff schema version; like ExportVersion it
// changes only when a field is removed or changes meaning.
const DiffVersion = 1

// DiffSide names one side of a diff.
type DiffSide struct {
	Label   string `json:"label"`
	Version string `json:"data_version"`
}

// FigureDiff is a changed figure: its row before and after.
type FigureDiff struct {
	ID     string         `json:"id"`
	Fields []string       `json:"fields"`
	Old    ObservationRow `json:"old"`
	New    ObservationRow `json:"new"`
}

// DisagreementDiff is a series and period on which sources disagree (a
// new disagreement), or disagreed (a resolved one, with what remains).
type DisagreementDiff struct {
	Subject string           `json:"subject"`
	Metric  string           `json:"metric"`
	Unit    string           `json:"unit"`
	Kind    string           `json:"kind"`
	Period  string           `json:"period"`
	Figures []ObservationRow `json:"figures"`
	Now     []ObservationRow `json:"now,omitempty"`
}

// EventDiff is a changed event: its row before and after.
type EventDiff struct {
	ID     string   `json:"id"`
	Fields []string `json:"fields"`
	Old    EventRow `json:"old"`
	New    EventRow `json:"new"`
}

// RowDiff lists ids added, removed and changed in a describing file.
type RowDiff struct {
	Added   []string `json:"added"`
	Removed []string `json:"removed"`
	Changed []string `json:"changed"`
}

// DiffJSON is the document `corridor diff --format json` writes. Every
// list is present (empty rather than null) so a script can index it.
type DiffJSON struct {
	Version int      `json:"corridor_diff"`
	Old     DiffSide `json:"old"`
	New     DiffSide `json:"new"`
	Changes int      `json:"changes"`
	Summary string   `json:"summary"`
	Figures struct {
		Added        []ObservationRow `json:"added"`
		Removed      []ObservationRow `json:"removed"`
		Changed      []FigureDiff     `json:"changed"`
		NewlySuspect []ObservationRow `json:"newly_suspect"`
	} `json:"figures"`
	Disagreements struct {
		New      []DisagreementDiff `json:"new"`
		Resolved []DisagreementDiff `json:"resolved"`
	} `json:"disagreements"`
	Events struct {
		Added   []EventRow  `json:"added"`
		Removed []EventRow  `json:"removed"`
		Moved   []EventDiff `json:"moved"`
		Changed []EventDiff `json:"changed"`
	} `json:"events"`
	Sources  RowDiff `json:"sources"`
	Metrics  RowDiff `json:"metrics"`
	Subjects RowDiff `json:"subjects"`
	Ports    RowDiff `json:"ports"`
	Projects RowDiff `json:"projects"`
}

// DiffFormats are the formats `corridor diff` writes.
func DiffFormats() []string { return []string{"text", "markdown", "json"} }

// WriteDiff writes the changes from old to new in a format. The labels
// name the two sides ("bundled data", a directory).
func WriteDiff(w io.Writer, old, new *model.Dataset, oldLabel, newLabel, format string) (model.Changes, error) {
	c := model.Compare(old, new)
	var err error
	switch format {
	case "text":
		_, err = io.WriteString(w, c.Text(oldLabel, newLabel))
	case "markdown":
		_, err = io.WriteString(w, c.Markdown(oldLabel, newLabel))
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		err = enc.Encode(diffJSON(c, old, new, oldLabel, newLabel))
	default:
		err = fmt.Errorf("unknown format %q; want one of %s", format, strings.Join(DiffFormats(), ", "))
	}
	return c, err
}

func diffJSON(c model.Changes, old, new *model.Dataset, oldLabel, newLabel string) DiffJSON {
	d := DiffJSON{Version: DiffVersion, Old: DiffSide{oldLabel, c.OldVersion}, New: DiffSide{newLabel, c.NewVersion}, Changes: c.Rows(), Summary: c.Summary()}
	rows := func(ds *model.Dataset, fs []model.FigureRef) []ObservationRow {
		out := []ObservationRow{}
		for _, f := range fs {
			out = append(out, observationRow(ds, f.Observation))
		}
		return out
	}
	d.Figures.Added = rows(new, c.Added)
	d.Figures.Removed = rows(old, c.Removed)
	d.Figures.NewlySuspect = rows(new, c.NewlySuspect)
	d.Figures.Changed = []FigureDiff{}
	for _, f := range c.Changed {
		d.Figures.Changed = append(d.Figures.Changed, FigureDiff{ID: f.New.ID, Fields: f.Fields, Old: observationRow(old, f.Old.Observation), New: observationRow(new, f.New.Observation)})
	}
	dis := func(ds *model.Dataset, xs []model.Disagreement) []DisagreementDiff {
		out := []DisagreementDiff{}
		for _, x := range xs {
			out = append(out, DisagreementDiff{Subject: x.Key.Subject, Metric: x.Key.Metric, Unit: x.Key.Unit, Kind: string(x.Key.Kind),
				Period: x.Period.String(), Figures: rows(ds, x.Figures), Now: rows(new, x.Now)})
		}
		return out
	}
	d.Disagreements.New = dis(new, c.NewDisagreements)
	d.Disagreements.Resolved = dis(old, c.ResolvedDisagreements)
	events := func(ds *model.Dataset, es []model.Event) []EventRow {
		out := []EventRow{}
		for _, e := range es {
			out = append(out, eventRow(ds, e))
		}
		return out
	}
	changes := func(es []model.EventChange) []EventDiff {
		out := []EventDiff{}
		for _, e := range es {
			out = append(out, EventDiff{ID: e.New.ID, Fields: e.Fields, Old: eventRow(old, e.Old), New: eventRow(new, e.New)})
		}
		return out
	}
	d.Events.Added = events(new, c.EventsAdded)
	d.Events.Removed = events(old, c.EventsRemoved)
	d.Events.Moved = changes(c.EventsMoved)
	d.Events.Changed = changes(c.EventsChanged)
	rd := func(r model.RowChanges) RowDiff {
		return RowDiff{Added: nonNil(r.Added), Removed: nonNil(r.Removed), Changed: nonNil(r.Changed)}
	}
	d.Sources, d.Metrics, d.Subjects, d.Ports, d.Projects = rd(c.Sources), rd(c.Metrics), rd(c.Subjects), rd(c.Ports), rd(c.Projects)
	return d
}
