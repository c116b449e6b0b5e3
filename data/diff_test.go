package data

import (
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"corridor/data/datatest"
	"corridor/model"
)

// BenchmarkCompare measures the report a reload computes (on the
// watcher's goroutine): one edited figure in the bundle, and in the
// bundle scaled ten and a hundred times.
func BenchmarkCompare(b *testing.B) {
	for _, k := range []int{1, 10, 100} {
		b.Run(fmt.Sprintf("x%d", k), func(b *testing.B) {
			fsys, err := datatest.Scale(Bundled(), k, ObservationsFile, EventsFile)
			if err != nil {
				b.Fatal(err)
			}
			old, err := Load(fsys)
			if err != nil {
				b.Fatal(err)
			}
			obs, _ := fs.ReadFile(fsys, ObservationsFile)
			edited := fstest.MapFS{}
			for name, f := range fsys.(fstest.MapFS) {
				edited[name] = f
			}
			edited[ObservationsFile] = &fstest.MapFile{Data: []byte(strings.Replace(string(obs), "o-0568,titr,cargo,2025,4119000", "o-0568,titr,cargo,2025,4120000", 1))}
			new, err := Load(edited)
			if err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				if c := model.Compare(old, new); c.Rows() != 1 {
					b.Fatalf("%d changes", c.Rows())
				}
			}
		})
	}
}
