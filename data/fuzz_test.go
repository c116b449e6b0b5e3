package data

import (
	"errors"
	"strings"
	"testing"
	"unicode"
)

// FuzzLoad feeds arbitrary bytes as the observations and events files of
// an otherwise valid dataset. Load must never panic, must either succeed
// or explain every problem with a position, and must never let a control
// character through into the dataset.
func FuzzLoad(f *testing.F) {
	v := validFiles()
	f.Add(v[ObservationsFile], v[EventsFile])
	f.Add("id,subject\n\"", "")
	f.Add(v[ObservationsFile]+"o-9,baku,cargo,2024-H3,1e400,~,tonnes,actual,trend-aaaaaa,,\x1b]52;c;AAAA\x07\n", v[EventsFile])
	f.Fuzz(func(t *testing.T, obs, events string) {
		files := validFiles()
		files[ObservationsFile] = obs
		files[EventsFile] = events
		ds, err := Load(mapFS(files))
		if err != nil {
			var es Errors
			if !errors.As(err, &es) || len(es) == 0 {
				t.Fatalf("error %v is not a non-empty Errors", err)
			}
			for _, e := range es {
				if e.File == "" || e.Line < 0 || e.Column < 0 || e.Msg == "" {
					t.Fatalf("error without position: %+v", e)
				}
			}
			return
		}
		check := func(s string) {
			if strings.ContainsFunc(s, unicode.IsControl) {
				t.Fatalf("control character survived: %q", s)
			}
		}
		for _, o := range ds.Observations {
			check(o.ID + o.Subject + o.Metric + o.Note + o.Period.Text + o.Unit)
		}
		for _, e := range ds.Events {
			check(e.ID + e.Title + e.Place + e.Note + strings.Join(e.Countries, ""))
		}
	})
}
