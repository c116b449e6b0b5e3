package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"corridor/data"
	"corridor/tui"
)

// exportCmd writes the data behind a view, with sources, to stdout.
func exportCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("corridor export", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	format := fs.String("format", "csv", "`format`: "+strings.Join(data.ExportFormats(), ", "))
	view := fs.String("view", exportViews()[0], "`view`: "+strings.Join(exportViews(), ", "))
	var df dataFlags
	df.register(fs)
	if code, done := parseFlags(fs, args, false, "Usage: corridor export --format csv|json|markdown [--view VIEW]\n\nWrite the data behind a view, with its sources, to stdout.", stdout, stderr); done {
		return code
	}
	switch {
	case !slices.Contains(data.ExportFormats(), *format):
		fmt.Fprintf(stderr, "corridor export: --format %q: want one of %s\n", *format, strings.Join(data.ExportFormats(), ", "))
		return 2
	case !slices.Contains(exportViews(), *view):
		fmt.Fprintf(stderr, "corridor export: --view %q: want one of %s\n", *view, strings.Join(exportViews(), ", "))
		return 2
	case fs.NArg() > 0:
		fmt.Fprintf(stderr, "corridor export: unexpected argument %q\n", fs.Arg(0))
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
