package data

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io/fs"
	"testing/fstest"
)

// Scaled returns the bundled dataset with its observations and events
// repeated k times under new ids, for load and frame benchmarks that show
// how costs grow with the data.
func Scaled(k int) (fs.FS, error) {
	out := fstest.MapFS{}
	for _, f := range Files() {
		b, err := fs.ReadFile(Bundled(), f)
		if err != nil {
			return nil, err
		}
		if k > 1 && (f == ObservationsFile || f == EventsFile) {
			recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
			if err != nil {
				return nil, err
			}
			rows := [][]string{recs[0]}
			for copy := 0; copy < k; copy++ {
				for _, r := range recs[1:] {
					r = append([]string(nil), r...)
					if copy > 0 {
						r[0] = fmt.Sprintf("%s-x%d", r[0], copy)
					}
					rows = append(rows, r)
				}
			}
			var buf bytes.Buffer
			w := csv.NewWriter(&buf)
			if err := w.WriteAll(rows); err != nil {
				return nil, err
			}
			b = buf.Bytes()
		}
		out[f] = &fstest.MapFile{Data: b}
	}
	return out, nil
}
