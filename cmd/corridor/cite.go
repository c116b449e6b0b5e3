package main

import (
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"corridor/model"
)

const citeUsage = `Usage: corridor cite ID [--format text|markdown|bibtex] [--data DIR [--merge]]

Print a citation for the figure (observation id, e.g. o-0003), event
(e.g. e-0001) or source (e.g. trend-908e63) with that id: what, value with
unit and qualifier, period, kind, the source's publisher, title, date,
address, retrieval date and archived copy, and the corridor and data
version it came from. Ids are in the CSV files and in corridor export.
Exit status 0 on success, 1 when the data cannot be loaded, 2 for a bad
flag or an unknown id.`

// citeCmd prints the citation for one id.
func citeCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("corridor cite", flag.ContinueOnError)
	format := fs.String("format", "text", "`format`: "+strings.Join(model.CiteFormats(), ", "))
	var df dataFlags
	df.register(fs)
	if code, done := parseFlags(fs, args, true, citeUsage, stdout, stderr); done {
		return code
	}
	switch {
	case fs.NArg() != 1:
		fmt.Fprintln(stderr, "corridor cite: give one observation, event or source id, e.g. corridor cite o-0003")
		return 2
	case !slices.Contains(model.CiteFormats(), *format):
		fmt.Fprintf(stderr, "corridor cite: --format %q: want one of %s\n", *format, strings.Join(model.CiteFormats(), ", "))
		return 2
	case df.check() != nil:
		fmt.Fprintln(stderr, "corridor cite:", df.check())
		return 2
	}
	ds, err := df.origin().Load()
	if err != nil {
		fmt.Fprintln(stderr, "corridor: could not load data:\n"+err.Error())
		return 1
	}
	id := fs.Arg(0)
	c, ok, ambiguous := ds.Cite(id, model.Provenance{Program: version, Data: ds.Version})
	if !ok {
		fmt.Fprintf(stderr, "corridor cite: no figure, event or source has id %q in %s (ids are the first column of observations.csv, events.csv and sources.csv)\n", id, df.origin().Label())
		return 2
	}
	if len(ambiguous) > 0 {
		kinds := make([]string, len(ambiguous))
		for i, k := range ambiguous {
			kinds[i] = string(k)
		}
		fmt.Fprintf(stderr, "corridor cite: note: %q names a %s; citing the %s\n", id, strings.Join(kinds, " and a "), kinds[0])
	}
	out, _ := c.Format(*format)
	fmt.Fprint(stdout, out)
	return 0
}
