package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"corridor/data"
)

const diffUsage = `Usage: corridor diff OLD NEW [--format text|markdown|json]

Show what a data update changes. OLD and NEW are data directories, or
"bundle" for the data built into corridor. It lists figures added, removed
and changed (old -> new value, with both sources), figures newly flagged
suspect, new and resolved disagreements between sources, events added,
removed, moved or changed, and changed sources and other rows.

Exit status: 0 when nothing changed, 1 when something changed, 2 when
either side cannot be loaded or the command is wrong; so a team can gate a
publication on it in CI ("corridor diff bundle ./data || review").`

// diffCmd compares two datasets and prints what changed.
func diffCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("corridor diff", flag.ContinueOnError)
	format := fs.String("format", "text", "`format`: "+strings.Join(data.DiffFormats(), ", "))
	if code, done := parseFlags(fs, args, true, diffUsage, stdout, stderr); done {
		return code
	}
	if fs.NArg() != 2 {
		fmt.Fprintln(stderr, "corridor diff: give two data directories (or bundle), e.g. corridor diff bundle ./corridor-data")
		return 2
	}
	if !slices.Contains(data.DiffFormats(), *format) {
		fmt.Fprintf(stderr, "corridor diff: --format %q: want one of %s\n", *format, strings.Join(data.DiffFormats(), ", "))
		return 2
	}
	origin := func(arg string) data.Origin {
		if arg == "bundle" {
			return data.Origin{}
		}
		return data.Origin{Dir: arg}
	}
	oldO, newO := origin(fs.Arg(0)), origin(fs.Arg(1))
	old, err := oldO.Load()
	if err != nil {
		fmt.Fprintf(stderr, "corridor diff: could not load %s:\n%v\n", oldO.Label(), err)
		return 2
	}
	new, err := newO.Load()
	if err != nil {
		fmt.Fprintf(stderr, "corridor diff: could not load %s:\n%v\n", newO.Label(), err)
		return 2
	}
	w := bufio.NewWriter(stdout)
	changes, err := data.WriteDiff(w, old, new, oldO.Label(), newO.Label(), *format)
	if err == nil {
		err = w.Flush()
	}
	if err != nil {
		fmt.Fprintln(stderr, "corridor diff:", err)
		return 2
	}
	if changes.Empty() {
		return 0
	}
	return 1
}
