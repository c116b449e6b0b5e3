//go:build !unix

package tui

// noFollow is not available here; O_EXCL alone already refuses to open
// an existing name, links included.
const noFollow = 0
