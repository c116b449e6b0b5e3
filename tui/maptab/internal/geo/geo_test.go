package geo

import (
	"bytes"
	"testing"
)

func TestRoundTrip(t *testing.T) {
	in := []Line{
		{Kind: Coast, Points: []Point{{49.867, 40.409}, {51.15, 43.65}, {-10.5, -3.25}}},
		{Kind: Border, Points: []Point{{44.79, 41.72}, {43.09, 40.6}}},
	}
	var b bytes.Buffer
	if err := Encode(&b, in); err != nil {
		t.Fatal(err)
	}
	out, err := Decode(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != 2 || out[1].Kind != Border || out[0].Points[2] != (Point{-10.5, -3.25}) || out[0].Points[0] != (Point{49.867, 40.409}) {
		t.Errorf("round trip = %+v", out)
	}
}

func TestDecodeRejectsDamage(t *testing.T) {
	var b bytes.Buffer
	if err := Encode(&b, []Line{{Kind: Coast, Points: []Point{{1, 2}, {3, 4}}}}); err != nil {
		t.Fatal(err)
	}
	good := b.Bytes()
	for name, data := range map[string][]byte{
		"empty":      nil,
		"header":     []byte("GEOJSON"),
		"truncated":  good[:len(good)-1],
		"trailing":   append(append([]byte{}, good...), 0),
		"huge count": append(append([]byte{}, magic...), 0xff, 0xff, 0xff, 0xff, 0x0f),
	} {
		if _, err := Decode(data); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
