//go:build race

package tui

// raceEnabled is set under -race, where every frame costs ten times as
// much: the size sweep then checks breakpoints and a stride, and the
// plain `go test` run checks every size.
const raceEnabled = true
