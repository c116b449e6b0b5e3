package data

import (
	"os"
	"path/filepath"
	"testing"
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
