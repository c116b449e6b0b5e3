// Package geo is the map's geography file format: coastlines and land
// borders as polylines, and land as closed rings, in degrees, small
// enough to embed. The generator
// (internal/gen) writes it from Natural Earth; the map tab reads it.
//
// The format is deliberately tiny and has no dependencies: a header, then
// each line as its kind, its point count and its points as zig-zag varint
// deltas in thousandths of a degree (about 100 m, far below what a
// terminal cell can show).
package geo

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
)

// Kind says what a line is, so the map can draw coasts and borders apart.
type Kind uint8

// The kinds of line.
const (
	// Coast is a line between land and water: the sea and the Caspian.
	Coast Kind = iota
	// Border is a land border between two countries.
	Border
	// Land is a closed ring around land or, inside one, around water
	// (the Caspian): filled even-odd, the rings give the land's area.
	Land
)

// Point is a longitude and latitude in degrees.
type Point struct{ Lon, Lat float64 }

// Line is one polyline.
type Line struct {
	Kind   Kind
	Points []Point
}

// magic starts every file; the last byte is the format version.
var magic = []byte("CGEO\x01")

// scale is how many units a degree is stored as.
const scale = 1000

// Encode writes lines in the format Decode reads. Points are rounded to
// a thousandth of a degree.
func Encode(w io.Writer, lines []Line) error {
	var b bytes.Buffer
	b.Write(magic)
	buf := make([]byte, binary.MaxVarintLen64)
	put := func(v uint64) { b.Write(buf[:binary.PutUvarint(buf, v)]) }
	putS := func(v int64) { b.Write(buf[:binary.PutVarint(buf, v)]) }
	put(uint64(len(lines)))
	for _, l := range lines {
		if l.Kind > Land {
			return fmt.Errorf("geo: unknown line kind %d", l.Kind)
		}
		b.WriteByte(byte(l.Kind))
		put(uint64(len(l.Points)))
		var px, py int64
		for _, p := range l.Points {
			x, y := int64(math.Round(p.Lon*scale)), int64(math.Round(p.Lat*scale))
			putS(x - px)
			putS(y - py)
			px, py = x, y
		}
	}
	_, err := w.Write(b.Bytes())
	return err
}

// Decode reads a file written by Encode.
func Decode(data []byte) ([]Line, error) {
	if !bytes.HasPrefix(data, magic) {
		return nil, errors.New("geo: not a corridor geography file (bad header or version)")
	}
	r := bufio.NewReader(bytes.NewReader(data[len(magic):]))
	n, err := binary.ReadUvarint(r)
	if err != nil {
		return nil, fmt.Errorf("geo: line count: %w", err)
	}
	// A line takes at least two bytes, so a count beyond the data is
	// corruption, not a reason to allocate.
	if n > uint64(len(data)) {
		return nil, errors.New("geo: line count exceeds the data")
	}
	lines := make([]Line, 0, n)
	for i := range n {
		k, err := r.ReadByte()
		if err != nil || Kind(k) > Land {
			return nil, fmt.Errorf("geo: line %d: bad kind", i)
		}
		np, err := binary.ReadUvarint(r)
		if err != nil || np > uint64(len(data)) {
			return nil, fmt.Errorf("geo: line %d: bad point count", i)
		}
		l := Line{Kind: Kind(k), Points: make([]Point, np)}
		var x, y int64
		for j := range np {
			dx, err1 := binary.ReadVarint(r)
			dy, err2 := binary.ReadVarint(r)
			if err1 != nil || err2 != nil {
				return nil, fmt.Errorf("geo: line %d: truncated", i)
			}
			x, y = x+dx, y+dy
			l.Points[j] = Point{Lon: float64(x) / scale, Lat: float64(y) / scale}
		}
		lines = append(lines, l)
	}
	if _, err := r.ReadByte(); err != io.EOF {
		return nil, errors.New("geo: trailing data")
	}
	return lines, nil
}
