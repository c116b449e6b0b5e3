package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"time"

	"corridor/data"
)

// dataFlags choose where the data comes from; every command that reads
// data takes them.
type dataFlags struct {
	dir   string
	merge bool
}

func (d *dataFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&d.dir, "data", "", "read the CSV files in `DIR` instead of the bundled data (watched for edits)")
	fs.BoolVar(&d.merge, "merge", false, "with --data, layer DIR over the bundled data: same id replaces, new rows add")
}

func (d dataFlags) check() error {
	if d.merge && d.dir == "" {
		return errors.New("--merge needs --data DIR")
	}
	return nil
}

func (d dataFlags) origin() data.Origin { return data.Origin{Dir: d.dir, Merge: d.merge} }

// validateCmd checks a data directory and prints every problem.
func validateCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("corridor validate", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	merge := fs.Bool("merge", false, "validate DIR layered over the bundled data")
	strict := fs.Bool("strict", false, "exit 1 on warnings too")
	if code, done := parseFlags(fs, args, true, "Usage: corridor validate [DIR] [--merge] [--strict]\n\nCheck a data directory (the bundled data without DIR) and print every problem\nas file:line:column: error|warning: message, then a summary. Exit status 0\nwhen there are no errors, 1 when there are.", stdout, stderr); done {
		return code
	}
	if fs.NArg() > 1 {
		fmt.Fprintln(stderr, "corridor validate: give at most one directory")
		return 2
	}
	o := data.Origin{Dir: fs.Arg(0), Merge: *merge}
	if *merge && o.Dir == "" {
		fmt.Fprintln(stderr, "corridor validate: --merge needs a directory")
		return 2
	}
	ds, problems := data.Validate(o, time.Now())
	errs, warns := 0, 0
	for _, p := range problems {
		fmt.Fprintln(stdout, p.String())
		if p.Warning {
			warns++
		} else {
			errs++
		}
	}
	summary := fmt.Sprintf("%s: %d %s, %d %s", o.Label(), errs, plural(errs, "error"), warns, plural(warns, "warning"))
	if ds != nil {
		summary += fmt.Sprintf(" (%d figures, %d events, %d sources, %d ports, %d projects)",
			len(ds.Observations), len(ds.Events), len(ds.Sources), len(ds.Ports), len(ds.Projects))
	}
	fmt.Fprintln(stdout, summary)
	if errs > 0 || (*strict && warns > 0) {
		return 1
	}
	return 0
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

// initDataCmd writes the bundled dataset out as editable CSV files.
func initDataCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("corridor init-data", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	force := fs.Bool("force", false, "overwrite existing files")
	if code, done := parseFlags(fs, args, true, "Usage: corridor init-data DIR [--force]\n\nWrite the bundled dataset into DIR as CSV files to edit.\n", stdout, stderr); done {
		return code
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "corridor init-data: give the directory to write, e.g. corridor init-data ./corridor-data")
		return 2
	}
	files, err := data.InitDir(fs.Arg(0), *force)
	for _, f := range files {
		fmt.Fprintln(stdout, "wrote", f)
	}
	if err != nil {
		fmt.Fprintln(stderr, "corridor init-data:", err)
		return 1
	}
	fmt.Fprintf(stdout, "edit them, then: corridor --data %s   (check with: corridor validate %s)\n", fs.Arg(0), fs.Arg(0))
	return 0
}

// parseInterspersed lets flags follow positional arguments
// ("validate DIR --strict"), as people type them.
func parseInterspersed(fs *flag.FlagSet, args []string) error {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return err
		}
		if fs.NArg() == 0 {
			break
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
	return fs.Parse(append([]string{"--"}, pos...))
}
