package data

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"corridor/model"
)

// A Frictionless Data Package (https://specs.frictionlessdata.io/, v1)
// is the most widely read way to publish tables with their schema,
// sources and licence. corridor's package is the seven CSV files in
// canonical form (the same files `--data DIR` reads), datapackage.json
// describing them, and a README with how to cite and the caveats.

// PackageFile is the descriptor's file name, fixed by the specification.
const PackageFile = "datapackage.json"

// PackageReadme is the human-readable companion the package carries.
const PackageReadme = "README.md"

// PackageOptions are what a data package records besides the data.
type PackageOptions struct {
	// Created is when the package was made (the descriptor's `created`).
	Created time.Time
	// Program is corridor's version, recorded for reproduction.
	Program string
	// License is what the package says about its licence; zero means
	// DefaultPackageLicense.
	License PackageLicense
}

// PackageLicense is the licence statement of a package: one Open
// Definition licence id for corridor's own compilation, and in words
// what it covers and what it does not.
type PackageLicense struct {
	// Name is an Open Definition licence id ("CC-BY-4.0", "notspecified").
	Name string
	// Title says in one sentence what Name means for this package.
	Title string
	// Path is a URL or a path inside the package explaining the licence.
	Path string
	// Covers is what the licence applies to; NotCovered what it does not.
	Covers, NotCovered []string
}

// DefaultPackageLicense is honest about the project as it stands: no
// licence has been chosen for corridor's compilation, and the facts and
// the sources' titles are not corridor's to license. Change it here (one
// place) when the project chooses one.
func DefaultPackageLicense() PackageLicense {
	return PackageLicense{
		Name:  "notspecified",
		Title: "Licence not specified: the corridor project has not chosen a licence for its compilation yet; ask before redistributing it. See README.md.",
		Path:  PackageReadme,
		Covers: []string{
			"corridor's compilation: the selection and arrangement of the rows, the ids, the classifications (kind, standing, qualifier, flag, precision, status) and the curators' notes, which are corridor's own words.",
		},
		NotCovered: []string{
			"The figures, periods and dates themselves: they are facts as reported by the sources listed, and corridor claims no rights in them.",
			"The titles, publisher names and addresses of the sources: they belong to their publishers and are given only so each figure can be traced and credited.",
			"The articles and pages themselves: none of their text is in this package; read them at their addresses.",
		},
	}
}

// field describes one column of a table schema.
type field struct {
	Name        string         `json:"name"`
	Type        string         `json:"type"`
	Format      string         `json:"format,omitempty"`
	Description string         `json:"description"`
	Constraints map[string]any `json:"constraints,omitempty"`
}

type foreignKey struct {
	Fields    string `json:"fields"`
	Reference struct {
		Resource string `json:"resource"`
		Fields   string `json:"fields"`
	} `json:"reference"`
}

type tableSchema struct {
	Fields        []field      `json:"fields"`
	PrimaryKey    string       `json:"primaryKey"`
	ForeignKeys   []foreignKey `json:"foreignKeys,omitempty"`
	MissingValues []string     `json:"missingValues"`
}

type resource struct {
	Profile     string `json:"profile"`
	Name        string `json:"name"`
	Path        string `json:"path"`
	Title       string `json:"title"`
	Description string `json:"description"`
	Format      string `json:"format"`
	Mediatype   string `json:"mediatype"`
	Encoding    string `json:"encoding"`
	Bytes       int    `json:"bytes"`
	Hash        string `json:"hash"`
	// Dialect is stated so no reader has to guess the delimiter: a
	// sniffer took places.csv (names with apostrophes, lists with ';')
	// for a one-column file.
	Dialect dialect     `json:"dialect"`
	Schema  tableSchema `json:"schema"`
}

// dialect is the CSV Dialect of every file corridor writes.
type dialect struct {
	Delimiter   string `json:"delimiter"`
	QuoteChar   string `json:"quoteChar"`
	DoubleQuote bool   `json:"doubleQuote"`
	Header      bool   `json:"header"`
}

type pkgSource struct {
	Title string `json:"title"`
	Path  string `json:"path,omitempty"`
}

type pkgLicense struct {
	Name  string `json:"name"`
	Title string `json:"title"`
	Path  string `json:"path,omitempty"`
}

type rights struct {
	Licensed    []string `json:"licensed"`
	NotLicensed []string `json:"not_licensed"`
}

// descriptor is datapackage.json. Properties starting corridor_ are ours;
// the specification allows extra properties.
type descriptor struct {
	Profile     string       `json:"profile"`
	Name        string       `json:"name"`
	Title       string       `json:"title"`
	Description string       `json:"description"`
	Keywords    []string     `json:"keywords"`
	Created     string       `json:"created"`
	Licenses    []pkgLicense `json:"licenses"`
	Sources     []pkgSource  `json:"sources"`
	Resources   []resource   `json:"resources"`
	DataVersion string       `json:"corridor_data_version"`
	Program     string       `json:"corridor_version,omitempty"`
	Rights      rights       `json:"corridor_rights"`
	Caveats     []string     `json:"corridor_caveats"`
}

const packageDescription = "Sourced figures (cargo, containers, trains, capacities, investments), projects and dated events on the Middle Corridor (Trans-Caspian International Transport Route), each with the source that states it, as curated for the corridor terminal dashboard."

// PackageName is the package's `name`.
const PackageName = "corridor-middle-corridor"

// DataPackage builds a data package of ds: every file's name and bytes.
// The CSV files are ds in canonical form, so loading them gives ds back
// with the same Version.
func DataPackage(ds *model.Dataset, opt PackageOptions) (map[string][]byte, error) {
	if opt.License.Name == "" {
		opt.License = DefaultPackageLicense()
	}
	files := map[string][]byte{}
	d := descriptor{
		Profile:     "tabular-data-package",
		Name:        PackageName,
		Title:       "Middle Corridor throughput and cooperation (corridor dataset)",
		Description: packageDescription + " Read README.md before use: kinds, qualifiers, disagreements and flags matter.",
		Keywords:    []string{"Middle Corridor", "Trans-Caspian International Transport Route", "TITR", "Caspian", "ports", "rail freight", "energy projects", "transport statistics"},
		Created:     opt.Created.UTC().Format(time.RFC3339),
		Licenses:    []pkgLicense{{Name: opt.License.Name, Title: opt.License.Title, Path: opt.License.Path}},
		DataVersion: ds.Version,
		Program:     opt.Program,
		Rights:      rights{Licensed: opt.License.Covers, NotLicensed: opt.License.NotCovered},
		Caveats:     caveats(ds),
	}
	if d.DataVersion == "" {
		d.DataVersion = Version(ds)
	}
	for _, s := range ds.Sources {
		d.Sources = append(d.Sources, pkgSource{Title: s.Publisher + ": " + s.Title, Path: s.Address})
	}
	for _, f := range Files() {
		var b bytes.Buffer
		if err := WriteCSV(&b, ds, f); err != nil {
			return nil, err
		}
		files[f] = b.Bytes()
		sum := sha256.Sum256(b.Bytes())
		spec := schemas()[f]
		d.Resources = append(d.Resources, resource{
			Profile: "tabular-data-resource", Name: strings.TrimSuffix(f, ".csv"), Path: f, Title: spec.title, Description: spec.description,
			Format: "csv", Mediatype: "text/csv", Encoding: "utf-8", Bytes: b.Len(), Hash: "sha256:" + hex.EncodeToString(sum[:]),
			Dialect: dialect{Delimiter: ",", QuoteChar: "\"", DoubleQuote: true, Header: true},
			Schema:  tableSchema{Fields: spec.fields, PrimaryKey: "id", ForeignKeys: spec.foreignKeys, MissingValues: []string{""}},
		})
	}
	js, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		return nil, err
	}
	files[PackageFile] = append(js, '\n')
	files[PackageReadme] = packageReadme(ds, d, opt)
	return files, nil
}

// WritePackage writes a package's files into dir, creating it. It
// refuses to write into a directory that holds any of the package's
// files unless force is set, so an export never silently replaces an
// analyst's edits.
func WritePackage(dir string, files map[string][]byte, force bool) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names)
	if !force {
		for _, name := range names {
			if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
				return nil, fmt.Errorf("%s exists; use --force to overwrite", filepath.Join(dir, name))
			}
		}
	}
	var written []string
	for _, name := range names {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, files[name], 0o644); err != nil {
			return written, err
		}
		written = append(written, path)
	}
	return written, nil
}

type tableSpec struct {
	title, description string
	fields             []field
	foreignKeys        []foreignKey
}

func fk(column, resource string) foreignKey {
	k := foreignKey{Fields: column}
	k.Reference.Resource = resource
	k.Reference.Fields = "id"
	return k
}

// schemas describes every file's columns, in Columns order. The
// descriptions are what an analyst needs to read a cell correctly.
func schemas() map[string]tableSpec {
	str := func(name, desc string) field { return field{Name: name, Type: "string", Description: desc} }
	req := func(f field) field {
		if f.Constraints == nil {
			f.Constraints = map[string]any{}
		}
		f.Constraints["required"] = true
		return f
	}
	enum := func(f field, values ...string) field {
		if f.Constraints == nil {
			f.Constraints = map[string]any{}
		}
		f.Constraints["enum"] = values
		return f
	}
	pattern := func(f field, p string) field {
		if f.Constraints == nil {
			f.Constraints = map[string]any{}
		}
		f.Constraints["pattern"] = p
		return f
	}
	id := func(desc string) field {
		f := pattern(req(str("id", desc)), "[a-z0-9][a-z0-9-]*")
		f.Constraints["unique"] = true
		return f
	}
	// Addresses are checked as the loader checks them, by scheme only: a
	// strict URI format would reject real addresses such as a host name
	// with a trailing dot.
	uri := func(name, desc string) field { return pattern(str(name, desc), `https?://\S+`) }
	amount := func(name, desc string) field {
		return pattern(str(name, desc+" A plain number, optionally led by the source's qualifier (>, <, ~); empty when no source gives it, never zero."), `[<>~]?-?[0-9]+(\.[0-9]+)?`)
	}
	period := func(name, desc string) field {
		return str(name, desc+" YYYY, YYYY-H1/H2, YYYY-Q1..Q4, YYYY-MM, YYYY-MM..MM (a year-to-date span) or YYYY-MM-DD; anything else is the source's own words (\"c. 2024\", \"long-term\") and must not be placed on a time axis.")
	}
	list := func(name, desc string) field { return str(name, desc+" Separated by ';'.") }
	position := func(desc string) field {
		return req(field{Name: "position", Type: "integer", Description: desc + " A whole number from 1; tens leave room to slot rows in.", Constraints: map[string]any{"minimum": 1}})
	}
	source := req(str("source", "The id of the source (sources.csv) that states this."))
	note := str("note", "The curators' note, in corridor's own words.")
	standings := make([]string, len(model.Standings()))
	for i, s := range model.Standings() {
		standings[i] = string(s)
	}
	kinds := make([]string, len(model.Kinds()))
	for i, k := range model.Kinds() {
		kinds[i] = string(k)
	}
	return map[string]tableSpec{
		SourcesFile: {title: "Sources", description: "Every page or article a figure, project or event comes from.", fields: []field{
			id("The source's id."),
			req(str("title", "The page's title as published (in its original language).")),
			req(str("publisher", "Who published it.")),
			req(enum(str("standing", "How far the source can be trusted on its own: official bodies, then news agencies, then other media, then aggregators. Headline figures prefer the better standing."), standings...)),
			uri("address", "The page's address; empty when none was recorded."),
			pattern(str("published", "The source's date (YYYY-MM-DD, YYYY-MM or YYYY); empty when the page shows none."), `[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?`),
			str("published_note", "What is known about the date when it is not printed, or how it was read."),
			field{Name: "retrieved", Type: "date", Description: "The day by which the page had been read. For sources bundled with corridor this is the day the source was first committed to corridor's data (the reference material does not record when each page was read): the page was read on or before it."},
			uri("archive", "The address of an archived copy of the page; empty when none has been checked."),
		}},
		MetricsFile: {title: "Metrics", description: "What observations measure, and the units each may use.", fields: []field{
			pattern(req(field{Name: "id", Type: "string", Description: "The metric's id. A metric named X_growth is the reported year-on-year growth of X.", Constraints: map[string]any{"unique": true}}), "[a-z0-9][a-z0-9_]*"),
			req(str("label", "The metric's name as shown.")),
			req(list("units", "The units observations of this metric may use.")),
			str("description", "What exactly is counted."),
		}},
		SubjectsFile: {title: "Subjects", description: "What observations are about besides ports and projects: the route as a whole, railways, operators, trade between two countries.", fields: []field{
			id("The subject's id; ports, projects and subjects share one namespace."),
			req(str("name", "The subject's name.")),
			req(enum(str("kind", "What sort of subject it is."), model.SubjectKinds()...)),
			list("countries", "The countries concerned."),
			note,
		}},
		PortsFile: {title: "Ports", description: "Sea and dry ports on the corridor.", fields: []field{
			id("The port's id; ports, projects and subjects share one namespace."),
			req(str("name", "The port's name.")),
			req(str("country", "The country it lies in.")),
			req(enum(str("sea", "The sea it is on, or dry port."), model.PortSeas()...)),
			str("city", "The city or place."),
			str("operator", "Who runs it, where a source says."),
			note,
		}},
		ProjectsFile: {title: "Projects", description: "Energy and infrastructure projects, with the numbers a source gives for them.", foreignKeys: []foreignKey{fk("source", "sources")}, fields: []field{
			id("The project's id; ports, projects and subjects share one namespace."),
			req(str("name", "The project's name.")),
			req(enum(str("type", "What is being built."), model.ProjectTypes()...)),
			req(enum(str("status", "How far it has got, as the source says."), model.ProjectStatuses()...)),
			amount("capacity", "The design capacity a source gives (a capacity, not an actual)."),
			str("capacity_unit", "The capacity's unit."),
			amount("length_km", "The length in km a source gives."),
			amount("cost", "The cost a source gives (usually an estimate)."),
			str("cost_unit", "The cost's currency."),
			list("partners", "Countries and companies taking part."),
			period("start", "When construction started or is to start."),
			period("completion", "When it was or is to be completed."),
			source,
			note,
		}},
		ObservationsFile: {title: "Observations", description: "One figure as one source states it. Where sources disagree every value has its own row.", foreignKeys: []foreignKey{fk("metric", "metrics"), fk("source", "sources")}, fields: []field{
			id("The figure's id; corridor cite ID prints its citation."),
			req(str("subject", "What the figure is about: the id of a port (ports.csv), a project (projects.csv) or a subject (subjects.csv).")),
			req(str("metric", "What is measured (metrics.csv).")),
			req(period("period", "The period the figure covers.")),
			req(pattern(str("value", "The number the source states, in unit, never rounded or estimated; read it with its qualifier and kind. Where the source gives a range it is written low..high (104000..105000): a range is not a point, never average it."), `-?[0-9]+(\.[0-9]+)?(\.\.-?[0-9]+(\.[0-9]+)?)?`)),
			enum(str("qualifier", "The source's hedge: > more than, < less than, >= no less than, <= no more than, ~ about; empty when the source gives the number plainly. A range takes only ~."), string(model.MoreThan), string(model.LessThan), string(model.AtLeast), string(model.AtMost), string(model.About)),
			req(enum(str("unit", "The unit of value."), model.Units()...)),
			req(enum(str("kind", "actual (measured), forecast, target or capacity: never add, compare or chart one kind as another."), kinds...)),
			source,
			enum(str("flag", "suspect: kept for the record but far outside what other sources say for the same thing and period; do not chart it."), model.FlagSuspect),
			note,
		}},
		RouteFile: {title: "Route", description: "What the dashboard shows: the route's nodes, in order along the corridor.", fields: []field{
			id("The node's id; headlines.csv puts figures on it."),
			position("Its place along the route, from China westwards."),
			req(str("name", "The node's name on screen.")),
			note,
		}},
		CardsFile: {title: "Cards", description: "What the dashboard shows: the headline cards under the route.", fields: []field{
			id("The card's id; headlines.csv puts figures on it."),
			position("Its order among the cards."),
			req(str("title", "The card's title on screen.")),
			note,
		}},
		HeadlinesFile: {title: "Headlines", description: "What the dashboard shows: which series' latest figure stands on each route node and card.", foreignKeys: []foreignKey{fk("metric", "metrics")}, fields: []field{
			id("The headline's id."),
			req(str("shown_on", "The route node (route.csv) or card (cards.csv) it stands on.")),
			position("Its order on that node or card."),
			req(str("label", "The label next to the figure, in corridor's words, true to what the source measured.")),
			req(str("subject", "The subject of the series (ports.csv, projects.csv or subjects.csv).")),
			req(str("metric", "The metric of the series (metrics.csv).")),
			req(enum(str("unit", "The unit of the series."), model.Units()...)),
			str("briefing", "When set, the figure is drawn in large digits in briefing mode under this label."),
			note,
		}},
		ChartsFile: {title: "Charts", description: "What the dashboard shows: the series each view charts.", foreignKeys: []foreignKey{fk("metric", "metrics")}, fields: []field{
			id("The chart's id."),
			req(enum(str("view", "The view that draws it."), model.ChartViews()...)),
			position("Its order in that view."),
			req(str("title", "The chart's title on screen.")),
			req(str("subject", "The subject of the series.")),
			req(str("metric", "The metric of the series (metrics.csv).")),
			req(enum(str("unit", "The unit of the series."), model.Units()...)),
			req(enum(str("style", "year: by calendar year; half-year: by half-year."), chartStyles()...)),
			note,
		}},
		PlacesFile: {title: "Places", description: "Where ports and route nodes are, for the map, and the legs between them. Coordinates come from a gazetteer lookup (see each source).", foreignKeys: []foreignKey{fk("source", "sources")}, fields: []field{
			id("The place's id."),
			req(str("name", "The label on the map.")),
			str("subject", "The port, project or subject whose figures the place shows; empty for a waypoint."),
			req(field{Name: "lat", Type: "number", Description: "Latitude in degrees north (WGS 84), rounded to 0.01.", Constraints: map[string]any{"minimum": -90, "maximum": 90}}),
			req(field{Name: "lon", Type: "number", Description: "Longitude in degrees east (WGS 84), rounded to 0.01.", Constraints: map[string]any{"minimum": -180, "maximum": 180}}),
			field{Name: "order", Type: "integer", Description: "Its position when walking the route (1 first); empty leaves it off the walk.", Constraints: map[string]any{"minimum": 1}},
			list("from", "The places legs arrive from."),
			enum(str("mode", "How those legs travel."), model.LegModes()...),
			source,
			note,
		}},
		EventsFile: {title: "Events", description: "Dated steps in cooperation along the corridor: summits, visits, agreements, openings, and planned milestones.", foreignKeys: []foreignKey{fk("source", "sources")}, fields: []field{
			id("The event's id; corridor cite ID prints its citation."),
			req(pattern(str("date", "When it happened or is planned, to the precision given."), `[0-9]{4}(-(H[12]|Q[1-4]|[0-9]{2}(-[0-9]{2})?))?`)),
			req(enum(str("precision", "How precise date is."), "day", "month", "quarter", "half", "year")),
			req(str("title", "What happened, in corridor's words.")),
			req(list("countries", "The countries taking part.")),
			req(enum(str("kind", "What sort of event."), model.EventKinds()...)),
			req(enum(str("status", "held, or planned (announced, not known to have taken place)."), model.EventHeld, model.EventPlanned)),
			str("place", "Where."),
			source,
			note,
		}},
	}
}

// caveats are the points a reuser must know, with this data's numbers.
func caveats(ds *model.Dataset) []string {
	kinds := map[model.Kind]int{}
	hedged, text, suspect := 0, 0, 0
	for _, o := range ds.Observations {
		kinds[o.Kind]++
		if o.Qualifier != model.Exactly {
			hedged++
		}
		if !o.Period.Exact() {
			text++
		}
		if o.Suspect() {
			suspect++
		}
	}
	growthOff := 0
	for _, g := range ds.GrowthChecks() {
		if !g.OK {
			growthOff++
		}
	}
	return []string{
		fmt.Sprintf("Kinds: %d figures are actuals, %d forecasts, %d targets and %d capacities (column kind). Never add, compare or chart one kind as another.",
			kinds[model.Actual], kinds[model.Forecast], kinds[model.Target], kinds[model.Capacity]),
		fmt.Sprintf("Qualifiers: %d figures carry the source's hedge (> more than, < less than, ~ about) in column qualifier; value alone is not the figure. A growth rate computed from a lower bound is not a growth rate.", hedged),
		fmt.Sprintf("Disagreements: for %d subject, metric and period combinations sources give different values; every value is a row of its own. Choose by source standing and say that sources differ.", len(ds.Conflicts())),
		fmt.Sprintf("Suspect figures: %d figures are flagged suspect, kept for the record but far outside what other sources say; do not chart them.", suspect),
		fmt.Sprintf("Worded periods: %d figures give their period only in words (\"c. 2024\"); they cannot be placed on a time axis.", text),
		"Derived values: none. Every value is stated by its source. The growth rates and utilisation corridor computes on screen (marked with a dagger) are not in this package; if you compute your own, say they are derived.",
		fmt.Sprintf("Reported growth: %d reported growth rates (metrics named X_growth) disagree by more than %.1f percentage points with the rate computed from the figures they refer to; both are kept as the sources state them.", growthOff, model.GrowthTolerance),
		"Retrieval dates: retrieved is the day by which a page had been read, not necessarily the day it was read.",
		"Subjects: observations.subject refers to ports.csv, projects.csv or subjects.csv (one namespace), which a single foreign key cannot declare.",
	}
}

// packageReadme is the package's README: what it holds, how to cite,
// the caveats with the disagreements listed, the licence and the sources.
func packageReadme(ds *model.Dataset, d descriptor, opt PackageOptions) []byte {
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	w("# %s\n\n", d.Title)
	w("Data version `%s`, exported by corridor %s on %s. Loading this directory with `corridor --data DIR` gives the same data and the same version.\n\n",
		d.DataVersion, cmp.Or(opt.Program, "(version unknown)"), d.Created)
	w("%s\n\n", packageDescription)
	w("## Files\n\n| file | rows | what |\n|---|---|---|\n")
	for _, r := range d.Resources {
		recs, _ := Records(ds, r.Path)
		w("| `%s` | %d | %s |\n", r.Path, len(recs)-1, r.Description)
	}
	w("| `%s` | | the Frictionless Data Package descriptor: every column's type, meaning and constraints, keys, sources, licence |\n\n", PackageFile)

	w("## How to cite\n\n")
	w("Cite the original source of a figure first, and this dataset as the way you found it (\"via corridor\"). ")
	w("`corridor cite ID --data DIR` prints a citation for any observation, event or source id in these files, ")
	w("as text, Markdown or BibTeX (`--format`). It gives the value with its unit and qualifier, the period, the kind, the source's ")
	w("publisher, title, date, address and retrieval date, any disagreement, and the data version.\n\n")
	if len(ds.Observations) > 0 {
		if c, ok := ds.CiteObservation(ds.Observations[0].ID, model.Provenance{Program: opt.Program, Data: d.DataVersion}); ok {
			w("For example:\n\n```text\n%s```\n\n", c.Text())
		}
	}

	w("## Caveats\n\n")
	for _, c := range d.Caveats {
		w("- %s\n", c)
	}
	if cs := ds.Conflicts(); len(cs) > 0 {
		w("\n### Where sources disagree\n\n")
		for _, c := range cs {
			vals := make([]string, len(c.Observations))
			for i, o := range c.Observations {
				src, _ := ds.Source(o.Source)
				vals[i] = fmt.Sprintf("%s (%s, `%s`)", model.StatedValue(o.Value, o.Qualifier, o.Unit), src.Publisher, o.ID)
				if o.Suspect() {
					vals[i] += " suspect"
				}
			}
			w("- %s — %s, %s (%s): %s\n", ds.Name(c.Key.Subject), ds.MetricLabel(c.Key.Metric), c.Period.Label(), c.Key.Kind, strings.Join(vals, "; "))
		}
	}

	w("\n## Licence\n\n%s\n\n", d.Licenses[0].Title)
	w("Covered (licence `%s`):\n\n", d.Licenses[0].Name)
	for _, s := range d.Rights.Licensed {
		w("- %s\n", s)
	}
	w("\nNot covered:\n\n")
	for _, s := range d.Rights.NotLicensed {
		w("- %s\n", s)
	}

	w("\n## Sources\n\n%d sources, by publisher:\n\n", len(ds.Sources))
	srcs := slices.Clone(ds.Sources)
	slices.SortStableFunc(srcs, func(a, b model.Source) int {
		return cmp.Or(strings.Compare(strings.ToLower(a.Publisher), strings.ToLower(b.Publisher)), strings.Compare(a.Title, b.Title))
	})
	for _, s := range srcs {
		line := fmt.Sprintf("- %s (%s): %s. ", s.Publisher, s.Standing, s.Title)
		if s.Published.IsZero() {
			line += "Publication date " + cmp.Or(s.PublishedNote, "not shown") + ". "
		} else {
			line += "Published " + s.PublishedLabel() + ". "
		}
		if s.Address != "" {
			line += "<" + s.Address + ">. "
		}
		if r := s.RetrievedLabel(); r != "" {
			line += strings.ToUpper(r[:1]) + r[1:] + ". "
		}
		if s.Archive != "" {
			line += "Archived copy: <" + s.Archive + ">. "
		}
		w("%s`%s`\n", line, s.ID)
	}
	return []byte(b.String())
}

// chartStyles lists the chart styles as strings, for the schema.
func chartStyles() []string {
	var out []string
	for _, st := range model.ChartStyles() {
		out = append(out, string(st))
	}
	return out
}
