package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"corridor/tui"
	"corridor/tui/frame"
)

// snapshot prints one frame of a tab to stdout, exactly as the dashboard
// draws it at that size; no terminal is needed.
func snapshot(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("corridor snapshot", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var look lookFlags
	look.register(fs, true)
	var df dataFlags
	df.register(fs)
	width := fs.Int("width", 120, "frame width in columns")
	height := fs.Int("height", 40, "frame height in lines")
	format := fs.String("format", "text", "`format`: text, ansi, svg or html")
	color := fs.String("color", "", "`never` or always (default: never for text, always otherwise)")
	date := fs.String("date", "", "draw as of `YYYY-MM-DD` instead of today (reproducible captures)")
	if code, done := parseFlags(fs, args, false, "Usage: corridor snapshot --tab NAME [flags]\n\nPrint one frame of a tab to stdout.", stdout, stderr); done {
		return code
	}
	formats := []string{"text", "ansi", "svg", "html"}
	switch {
	case !slices.Contains(formats, *format):
		return usageErr(stderr, "--format %q: want one of %s", *format, strings.Join(formats, ", "))
	case *color != "" && *color != "never" && *color != "always":
		return usageErr(stderr, "--color %q: want never or always", *color)
	case *width < 1 || *height < 1:
		return usageErr(stderr, "--width and --height must be positive")
	case fs.NArg() > 0:
		return usageErr(stderr, "unexpected argument %q", fs.Arg(0))
	}
	if err := look.check(); err != nil {
		return usageErr(stderr, "%v", err)
	}
	if err := df.check(); err != nil {
		return usageErr(stderr, "%v", err)
	}
	if *color == "" {
		*color = "always"
		if *format == "text" {
			*color = "never"
		}
	}
	ds, err := df.origin().Load()
	if err != nil {
		fmt.Fprintln(stderr, "corridor: could not load data:\n"+err.Error())
		return 1
	}
	opts := append(look.options(), tui.WithOrigin(df.origin().Label(), df.origin().Dir != ""))
	if *date != "" {
		t, err := time.Parse("2006-01-02", *date)
		if err != nil {
			return usageErr(stderr, "--date: %v", err)
		}
		opts = append(opts, tui.WithNow(t))
	}
	if look.tab == "" && look.tabs == "" {
		opts = append(opts, tui.WithTab("overview"))
	}
	if look.theme == "light" {
		opts = append(opts, tui.WithDarkBackground(false))
	}
	out := tui.Frame(ds, firstNonEmpty(look.tab, firstTab(look)), *width, *height, opts...)
	if *color == "never" {
		// Keep bold and reverse (they carry meaning), drop colour.
		out = convert(out, colorprofile.ASCII)
	}
	fmt.Fprint(stdout, render(out, *format, *width, *height, look.theme != "light"))
	return 0
}

func firstTab(l lookFlags) string {
	if tabs := l.tabList(); len(tabs) > 0 {
		return tabs[0]
	}
	return "overview"
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func usageErr(w io.Writer, format string, args ...any) int {
	fmt.Fprintf(w, "corridor snapshot: "+format+"\n", args...)
	return 2
}

// convert re-encodes a frame's styling for a colour profile.
func convert(s string, p colorprofile.Profile) string {
	var b bytes.Buffer
	w := &colorprofile.Writer{Forward: &b, Profile: p}
	_, _ = w.WriteString(s)
	return b.String()
}

// render encodes a frame in one of the snapshot formats.
func render(out, format string, w, h int, dark bool) string {
	switch format {
	case "text":
		lines := strings.Split(ansi.Strip(out), "\n")
		for i, l := range lines {
			lines[i] = strings.TrimRight(l, " ")
		}
		return strings.Join(lines, "\n") + "\n"
	case "ansi":
		return convert(out, colorprofile.ANSI256) + "\n"
	}
	bg, fg := frame.Colors(dark)
	g := frame.Parse(out, w, h)
	if format == "svg" {
		return frame.SVG(g, bg, fg)
	}
	return frame.HTML(g, bg, fg)
}
