// Package datatest builds datasets for tests and benchmarks. Only _test.go
// files import it, so it (and testing/fstest) never ships in the binary;
// it does not import corridor/data, so data's own tests can use it too.
package datatest

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io/fs"
	"slices"
	"testing/fstest"
)

// Scale copies the CSV files at the top of src, with the rows of each of
// the named files repeated k times; a copy's id (first column) gets a
// "-xN" suffix so every id stays unique. Benchmarks use it to show how a
// cost grows with the data.
func Scale(src fs.FS, k int, files ...string) (fs.FS, error) {
	entries, err := fs.ReadDir(src, ".")
	if err != nil {
		return nil, err
	}
	out := fstest.MapFS{}
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		name := e.Name()
		b, err := fs.ReadFile(src, name)
		if err != nil {
			return nil, err
		}
		if k > 1 && slices.Contains(files, name) {
			if b, err = repeat(b, k); err != nil {
				return nil, fmt.Errorf("%s: %w", name, err)
			}
		}
		out[name] = &fstest.MapFile{Data: b}
	}
	return out, nil
}

// repeat writes a CSV file's rows k times under its header.
func repeat(b []byte, k int) ([]byte, error) {
	recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil || len(recs) == 0 {
		return nil, err
	}
	rows := [][]string{recs[0]}
	for n := range k {
		for _, r := range recs[1:] {
			r = slices.Clone(r)
			if n > 0 {
				r[0] = fmt.Sprintf("%s-x%d", r[0], n)
			}
			rows = append(rows, r)
		}
	}
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	if err := w.WriteAll(rows); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
