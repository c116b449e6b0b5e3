package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"corridor/data"
	"corridor/model"
	"corridor/tui"
)

// exportCmd writes the data behind a view, with sources, to stdout, or
// the whole dataset as a data package into a directory.
func exportCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("corridor export", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	formats := append(data.ExportFormats(), "datapackage")
	format := fs.String("format", "csv", "`format`: "+strings.Join(formats, ", "))
	view := fs.String("view", exportViews()[0], "`view`: "+strings.Join(exportViews(), ", ")+" (not with datapackage, which holds everything)")
	force := fs.Bool("force", false, "with datapackage, overwrite the package's files in DIR")
	var df dataFlags
	df.register(fs)
	if code, done := parseFlags(fs, args, true, exportUsage, stdout, stderr); done {
		return code
	}
	viewSet := false
	fs.Visit(func(f *flag.Flag) { viewSet = viewSet || f.Name == "view" })
	pkg := *format == "datapackage"
	switch {
	case !slices.Contains(formats, *format):
		fmt.Fprintf(stderr, "corridor export: --format %q: want one of %s\n", *format, strings.Join(formats, ", "))
		return 2
	case !slices.Contains(exportViews(), *view):
		fmt.Fprintf(stderr, "corridor export: --view %q: want one of %s\n", *view, strings.Join(exportViews(), ", "))
		return 2
	case pkg && viewSet:
		fmt.Fprintln(stderr, "corridor export: a data package holds every file; leave out --view")
		return 2
	case pkg && fs.NArg() != 1:
		fmt.Fprintln(stderr, "corridor export: give the directory to write the data package to, e.g. corridor export --format datapackage ./corridor-package")
		return 2
	case !pkg && fs.NArg() > 0:
		fmt.Fprintf(stderr, "corridor export: unexpected argument %q (only --format datapackage writes to a directory)\n", fs.Arg(0))
		return 2
	case !pkg && *force:
		fmt.Fprintln(stderr, "corridor export: --force only applies to --format datapackage")
		return 2
	case df.check() != nil:
		fmt.Fprintln(stderr, "corridor export:", df.check())
		return 2
	}
	ds, err := df.origin().Load()
	if err != nil {
		fmt.Fprintln(stderr, "corridor: could not load data:\n"+err.Error())
		return 1
	}
	if pkg {
		return exportPackage(ds, fs.Arg(0), *force, stdout, stderr)
	}
	w := bufio.NewWriter(stdout)
	if err := data.WriteExport(w, ds, *view, *format); err != nil {
		fmt.Fprintln(stderr, "corridor export:", err)
		return 1
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintln(stderr, "corridor export:", err)
		return 1
	}
	return 0
}

// exportViews are the views export writes: each tab's own table, as the
// tab registry declares them, and the list of sources.
func exportViews() []string {
	return append(tui.DefaultRegistry().ExportViews(), data.SourcesView)
}

const exportUsage = `Usage: corridor export --format csv|json|markdown [--view VIEW]
       corridor export --format datapackage DIR [--force]

Write the data behind a view, with its sources, to stdout; or write the
whole dataset as a Frictionless Data Package into DIR: the seven CSV files
(loadable with --data DIR), datapackage.json (table schemas with types,
keys, sources and licence) and a README with how to cite and the caveats.`

// exportPackage writes the data package and says what it wrote.
func exportPackage(ds *model.Dataset, dir string, force bool, stdout, stderr io.Writer) int {
	files, err := data.DataPackage(ds, data.PackageOptions{Created: time.Now(), Program: version})
	if err != nil {
		fmt.Fprintln(stderr, "corridor export:", err)
		return 1
	}
	written, err := data.WritePackage(dir, files, force)
	for _, f := range written {
		fmt.Fprintln(stdout, "wrote", f)
	}
	if err != nil {
		fmt.Fprintln(stderr, "corridor export:", err)
		return 1
	}
	fmt.Fprintf(stdout, "data package %s, data version %s (%d figures, %d events, %d sources)\n", dir, ds.Version, len(ds.Observations), len(ds.Events), len(ds.Sources))
	return 0
}
