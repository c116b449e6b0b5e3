//go:build !unix

package data

// openNonblock is not needed where named pipes do not block an open.
const openNonblock = 0
