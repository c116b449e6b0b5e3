package data

import (
	"fmt"
	"strings"
)

// Error is one problem in one cell (or row, or file) of a data file.
// Line and Column are 1-based; Column counts fields the way a spreadsheet
// numbers its columns, and is 0 when the problem is the whole row or file.
type Error struct {
	File   string
	Line   int
	Column int
	// Field is the column's header name, when known.
	Field string
	Msg   string
}

// Error formats as file:line:column: field: message, the form editors and
// terminals turn into links.
func (e *Error) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s:%d:%d: ", e.File, e.Line, e.Column)
	if e.Field != "" {
		b.WriteString(e.Field + ": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Errors is every problem Load found, in file and line order. Load returns
// all of them at once so one edit-and-retry fixes a whole spreadsheet.
type Errors []*Error

// Error lists one problem a line.
func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}
