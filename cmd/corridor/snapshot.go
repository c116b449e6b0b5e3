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

	"corridor/data"
	"corridor/tui"
)

// snapshot prints one frame of a tab to stdout, no terminal needed.
func snapshot(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("corridor snapshot", flag.ContinueOnError)
	fs.SetOutput(stderr)
	tab := fs.String("tab", "overview", "tab `NAME`: "+strings.Join(tui.TabNames(), ", "))
	width := fs.Int("width", 120, "frame width in columns")
	height := fs.Int("height", 40, "frame height in lines")
	format := fs.String("format", "text", "`text` (plain) or ansi (256 colours)")
	date := fs.String("date", "", "draw as of `YYYY-MM-DD` instead of today (for reproducible captures)")
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 2
	}
	if !slices.Contains(tui.TabNames(), *tab) || *width < 1 || *height < 1 || (*format != "text" && *format != "ansi") {
		fmt.Fprintln(stderr, "corridor snapshot: want --tab one of", strings.Join(tui.TabNames(), ", "), "a positive --width and --height, --format text or ansi")
		return 2
	}
	ds, err := data.Load(data.Bundled())
	if err != nil {
		fmt.Fprintln(stderr, "corridor: could not load data:\n"+err.Error())
		return 1
	}
	opts := []tui.Option{}
	if *date != "" {
		t, err := time.Parse("2006-01-02", *date)
		if err != nil {
			fmt.Fprintln(stderr, "corridor snapshot: --date:", err)
			return 2
		}
		opts = append(opts, tui.WithNow(t))
	}
	frame := tui.Frame(ds, *tab, *width, *height, opts...)
	if *format == "text" {
		lines := strings.Split(ansi.Strip(frame), "\n")
		for i, l := range lines {
			lines[i] = strings.TrimRight(l, " ")
		}
		fmt.Fprintln(stdout, strings.Join(lines, "\n"))
		return 0
	}
	var b bytes.Buffer
	w := &colorprofile.Writer{Forward: &b, Profile: colorprofile.ANSI256}
	_, _ = w.WriteString(frame)
	fmt.Fprintln(stdout, b.String())
	return 0
}
