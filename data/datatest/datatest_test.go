package datatest

import (
	"io/fs"
	"testing"
	"testing/fstest"
)

func TestScaleRepeatsNamedFilesWithNewIDs(t *testing.T) {
	src := fstest.MapFS{
		"events.csv":  {Data: []byte("id,title\ne1,One\ne2,\"Two, quoted\"\n")},
		"sources.csv": {Data: []byte("id,title\ns1,Source\n")},
		"README.md":   {Data: []byte("kept\n")},
		"sub/x.csv":   {Data: []byte("id\nnot copied\n")},
	}
	out, err := Scale(src, 3, "events.csv")
	if err != nil {
		t.Fatal(err)
	}
	ev, _ := fs.ReadFile(out, "events.csv")
	want := "id,title\ne1,One\ne2,\"Two, quoted\"\ne1-x1,One\ne2-x1,\"Two, quoted\"\ne1-x2,One\ne2-x2,\"Two, quoted\"\n"
	if string(ev) != want {
		t.Errorf("events.csv =\n%s\nwant\n%s", ev, want)
	}
	if s, _ := fs.ReadFile(out, "sources.csv"); string(s) != "id,title\ns1,Source\n" {
		t.Errorf("sources.csv changed: %q", s)
	}
	if r, _ := fs.ReadFile(out, "README.md"); string(r) != "kept\n" {
		t.Errorf("README.md = %q", r)
	}
	if _, err := fs.Stat(out, "sub/x.csv"); err == nil {
		t.Error("a file in a subfolder was copied")
	}
}

func TestScaleOnceIsACopy(t *testing.T) {
	src := fstest.MapFS{"events.csv": {Data: []byte("id\ne1\n")}}
	out, err := Scale(src, 1, "events.csv")
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := fs.ReadFile(out, "events.csv"); string(b) != "id\ne1\n" {
		t.Errorf("k=1 changed the file: %q", b)
	}
}
