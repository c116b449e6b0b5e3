package data

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
)

// A file over the size limit is an error naming the limit; the rows past
// it were once dropped without a word.
func TestFileOverTheLimitIsAnError(t *testing.T) {
	files := validFiles()
	obs := files[ObservationsFile]
	head, rows, _ := strings.Cut(obs, "\n")
	// Blank lines are skipped by the CSV reader, so a cut at 64 MiB would
	// lose the last rows and load cleanly.
	files[ObservationsFile] = head + "\n" + strings.Repeat("\n", maxFileSize) + rows
	_, err := Load(mapFS(files))
	want := fmt.Sprintf("observations.csv:0:0: file is %d bytes, over the 64 MiB limit for one file", len(files[ObservationsFile]))
	if err == nil || err.Error() != want {
		t.Fatalf("Load = %v, want %q", err, want)
	}
}

// A file that grows past the limit while it is read fails too.
func TestCapReader(t *testing.T) {
	for _, tc := range []struct {
		size int
		err  error
	}{
		{10, nil},
		{16, nil},
		{17, errTooLarge},
		{1000, errTooLarge},
	} {
		b, err := io.ReadAll(&capReader{r: strings.NewReader(strings.Repeat("x", tc.size)), left: 16})
		if !errors.Is(err, tc.err) {
			t.Errorf("%d bytes: err %v, want %v", tc.size, err, tc.err)
		}
		if tc.err == nil && len(b) != tc.size {
			t.Errorf("%d bytes: read %d", tc.size, len(b))
		}
	}
}
