package data

import (
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode"
)

// unsafeRune reports a character no loaded string may hold: a control,
// a format character (bidi controls, zero-width joiners, soft hyphen,
// BOM and tags are all format characters), or a line or paragraph
// separator.
func unsafeRune(r rune) bool {
	return unicode.IsControl(r) || unicode.In(r, unicode.Cf, unicode.Zl, unicode.Zp)
}

// eachString calls f on every string reachable from v: exported fields,
// index tables and map keys alike, so a new field cannot escape the
// check.
func eachString(v reflect.Value, f func(string)) {
	switch v.Kind() {
	case reflect.String:
		f(v.String())
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			eachString(v.Elem(), f)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			eachString(v.Field(i), f)
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			eachString(v.Index(i), f)
		}
	case reflect.Map:
		for it := v.MapRange(); it.Next(); {
			eachString(it.Key(), f)
			eachString(it.Value(), f)
		}
	}
}

// FuzzLoad feeds arbitrary bytes as every one of the seven files. Load
// and Validate must never panic; every error and warning must point at a
// real line (these files all exist and are small, so no problem is about
// a whole file), and one about a field at its column; and no string in
// the loaded dataset, nor in any message, may hold a control, format or
// bidi character.
func FuzzLoad(f *testing.F) {
	v := validFiles()
	f.Add(v[SourcesFile], v[MetricsFile], v[SubjectsFile], v[PortsFile], v[ProjectsFile], v[ObservationsFile], v[EventsFile])
	f.Add(v[SourcesFile], v[MetricsFile], v[SubjectsFile], v[PortsFile], v[ProjectsFile], "id,subject\n\"", "")
	f.Add(v[SourcesFile], v[MetricsFile], v[SubjectsFile], v[PortsFile], v[ProjectsFile],
		v[ObservationsFile]+"o-9,baku,cargo,2024-H3,1e400,~,tonnes,actual,trend-aaaaaa,,\x1b]52;c;AAAA\x07\n", v[EventsFile])
	f.Add(strings.Replace(v[SourcesFile], "ASCO results", "ASCO\u202e results\u00ad\u2028", 1), v[MetricsFile],
		strings.Replace(v[SubjectsFile], "Middle Corridor", "Middle\u200d Corridor\U000E0067", 1), "\ufeff"+v[PortsFile],
		v[ProjectsFile], v[ObservationsFile]+"o-9,baku,cargo,2025,1,,tonnes,actual,trend-aaaaaa,,🇬🇪👍🏽\n", v[EventsFile])
	// Warnings: growth that disagrees, an actual in the future, a source
	// published before its period ended, a source nobody uses.
	f.Add(v[SourcesFile]+"unused-cccccc,Unused,Nobody,media,,,\n", v[MetricsFile], v[SubjectsFile], v[PortsFile], v[ProjectsFile],
		v[ObservationsFile]+"o-4,baku,cargo,2023,4000000,,tonnes,actual,trend-aaaaaa,,\no-5,baku,cargo_growth,2024,50,,% y/y,actual,trend-aaaaaa,,\n"+
			"o-6,baku,cargo,2031,1,,tonnes,actual,trend-aaaaaa,,\n", v[EventsFile])
	now := time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, sources, metrics, subjects, ports, projects, observations, events string) {
		// The figures and what they are about are fuzzed; the view
		// declarations and places stay valid, so every problem is still
		// about a line that exists.
		files := validFiles()
		for name, text := range map[string]string{SourcesFile: sources, MetricsFile: metrics, SubjectsFile: subjects,
			PortsFile: ports, ProjectsFile: projects, ObservationsFile: observations, EventsFile: events} {
			files[name] = text
		}
		fsys := mapFS(files)
		clean := func(what, s string) {
			if i := strings.IndexFunc(s, unsafeRune); i >= 0 {
				t.Fatalf("%s holds %U: %+q", what, []rune(s[i:])[0], s)
			}
		}
		ds, problems := validate([]Layer{{FS: fsys}}, now)
		errs := 0
		for _, p := range problems {
			if !p.Warning {
				errs++
			}
			if p.File == "" || p.Line < 1 || p.Column < 0 || (p.Field != "" && p.Column < 1) || p.Msg == "" {
				t.Fatalf("problem without a real position: %+v", p)
			}
			clean("message", p.String())
		}
		loaded, err := Load(fsys)
		if (err == nil) != (errs == 0) {
			t.Fatalf("Load error %v, but Validate found %d errors", err, errs)
		}
		if err != nil {
			return
		}
		if ds == nil {
			t.Fatal("Validate found no errors but returned no dataset")
		}
		eachString(reflect.ValueOf(loaded), func(s string) { clean("loaded string", s) })
	})
}
