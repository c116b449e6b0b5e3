package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"corridor/data"
	"corridor/model"
)

// Export the bundle as a data package, load its CSV files back with
// --data, and get the same data: same rows, same version, same citation.
func TestDataPackageRoundTrip(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "pkg")
	out, errs, code := runCLI(t, "export", "--format", "datapackage", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	bundle, err := data.Origin{}.Load()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "data version "+bundle.Version) {
		t.Errorf("export does not report the data version %s:\n%s", bundle.Version, out)
	}
	for _, f := range append(data.Files(), data.PackageFile, data.PackageReadme) {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("package lacks %s: %v", f, err)
		}
	}
	back, err := data.Origin{Dir: dir}.Load()
	if err != nil {
		t.Fatalf("the package's CSV files do not load with --data: %v", err)
	}
	if n := model.Diff(bundle, back); n != 0 {
		t.Errorf("%d rows differ between the bundle and the package", n)
	}
	if len(back.Observations) != len(bundle.Observations) || len(back.Events) != len(bundle.Events) || len(back.Sources) != len(bundle.Sources) {
		t.Errorf("counts differ: %d/%d figures, %d/%d events, %d/%d sources", len(back.Observations), len(bundle.Observations),
			len(back.Events), len(bundle.Events), len(back.Sources), len(bundle.Sources))
	}
	if back.Version != bundle.Version {
		t.Errorf("the package loads as data version %s, the bundle is %s", back.Version, bundle.Version)
	}
	want, _, _ := runCLI(t, "cite", "o-0003")
	got, _, _ := runCLI(t, "cite", "o-0003", "--data", dir)
	if got != want {
		t.Errorf("a citation from the package differs from the bundle's:\n%s\nwant:\n%s", got, want)
	}
	if _, errs, code := runCLI(t, "validate", dir); code != 0 {
		t.Errorf("validate on the package: exit %d %s", code, errs)
	}
	// A second export must not silently replace the files; --force may.
	if _, errs, code := runCLI(t, "export", "--format", "datapackage", dir); code != 1 || !strings.Contains(errs, "exists; use --force") {
		t.Errorf("export over a package: exit %d %q", code, errs)
	}
	if _, errs, code := runCLI(t, "export", "--format", "datapackage", dir, "--force"); code != 0 {
		t.Errorf("export --force: exit %d %s", code, errs)
	}
}

func TestDataPackageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"export", "--format", "datapackage"},
		{"export", "--format", "datapackage", "a", "b"},
		{"export", "--format", "datapackage", "--view", "ports", t.TempDir()},
		{"export", "--format", "csv", t.TempDir()},
		{"export", "--format", "csv", "--force"},
	} {
		if _, errs, code := runCLI(t, args...); code != 2 || errs == "" {
			t.Errorf("%v: exit %d %q, want 2 and a message", args, code, errs)
		}
	}
}
