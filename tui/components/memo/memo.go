// Package memo is corridor's one caching rule: a drawing is reused while
// the inputs it was drawn from are equal, and redrawn when any of them
// changes. Nothing is ever invalidated by hand, so a forgotten "clear"
// cannot leave a stale frame on screen; a forgotten input shows up as a
// test failure on the view that ignores it.
package memo

// Memo remembers the last value computed and the inputs it came from. K
// holds every input the drawing reads (data version, size, selection,
// filter, styles); it must be comparable, so the compiler refuses keys
// that could not be compared.
type Memo[K comparable, V any] struct {
	key K
	val V
	ok  bool
}

// Get returns the remembered value when k equals the last inputs, and
// otherwise calls draw and remembers its result for k.
func (m *Memo[K, V]) Get(k K, draw func() V) V {
	if m.ok && m.key == k {
		return m.val
	}
	m.key, m.val, m.ok = k, draw(), true
	return m.val
}

// String is the common case: a memoised rendering.
type String[K comparable] = Memo[K, string]
