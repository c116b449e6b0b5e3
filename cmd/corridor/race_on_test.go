//go:build race

package main

// raceEnabled is set under -race, where every frame costs ten times as
// much: the renamed-data comparison then walks fewer rows.
const raceEnabled = true
