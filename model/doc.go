// Package model holds corridor's domain: sources, observations, ports,
// projects and events, and the questions the views ask of them (series,
// latest actuals, growth, conflicts). It is pure: no I/O and no terminal
// code, so every answer it gives can be checked by a table-driven test and
// shared read-only between SSH sessions.
package model
