// Package data holds corridor's bundled dataset as CSV files an analyst
// can edit in a spreadsheet, and the loader that turns any directory of
// such files into a validated model.Dataset.
package data

import (
	"embed"
	"io/fs"
)

//go:embed *.csv
var bundled embed.FS

// Bundled returns the dataset compiled into the binary. It is an fs.FS so
// the same Load reads it and a user's directory (os.DirFS) alike.
func Bundled() fs.FS { return bundled }
