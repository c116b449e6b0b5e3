package data

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"corridor/model"
)

// The data version quoted in citations depends on the files' contents
// only: a copy of the bundle has the bundle's version, one edit changes it.
func TestVersionFollowsContent(t *testing.T) {
	bundle := loadBundled(t)
	if len(bundle.Version) != VersionLen {
		t.Fatalf("bundle version %q, want %d hex digits", bundle.Version, VersionLen)
	}
	dir := t.TempDir()
	if _, err := InitDir(dir, false); err != nil {
		t.Fatal(err)
	}
	copyDS, err := Origin{Dir: dir}.Load()
	if err != nil {
		t.Fatal(err)
	}
	if copyDS.Version != bundle.Version {
		t.Errorf("a copy of the bundle has version %s, the bundle %s", copyDS.Version, bundle.Version)
	}
	f, err := os.OpenFile(filepath.Join(dir, ObservationsFile), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString("o-9999,baku,cargo,2031,1,,tonnes,forecast,azernews-f55f23,,\n"); err != nil {
		t.Fatal(err)
	}
	f.Close()
	edited, err := Origin{Dir: dir}.Load()
	if err != nil {
		t.Fatal(err)
	}
	if edited.Version == bundle.Version {
		t.Errorf("an added figure left the version at %s", edited.Version)
	}
}

// The canonical files load back to the same data and the same version,
// and a change of spelling alone (quotes, a blank line) changes nothing.
func TestCanonicalFormRoundTrips(t *testing.T) {
	bundle := loadBundled(t)
	fsys := fstest.MapFS{}
	for _, f := range Files() {
		var b bytes.Buffer
		if err := WriteCSV(&b, bundle, f); err != nil {
			t.Fatal(err)
		}
		fsys[f] = &fstest.MapFile{Data: b.Bytes()}
	}
	fsys[PortsFile].Data = append(bytes.Replace(fsys[PortsFile].Data, []byte("aktau,Port of Aktau"), []byte(`aktau,"Port of Aktau"`), 1), '\n')
	back, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if n := model.Diff(bundle, back); n != 0 {
		t.Errorf("%d rows differ after a round trip through the canonical form", n)
	}
	if back.Version != bundle.Version {
		t.Errorf("version %s after a round trip, %s before", back.Version, bundle.Version)
	}
}
