// Package keymap rebinds keys: any key.Binding of any component's KeyMap
// can be given other keys by name ("list.down", "ports.sort"), and its
// help follows, so the footer and the help overlay show the keys that
// really work. A Remap is a value built per program from the user's
// config; nothing here is package state.
package keymap

import (
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"charm.land/bubbles/v2/key"
)

// Remap is the keys chosen for actions, by "section.action": the
// section names a KeyMap ("list", "ports"), the action one of its
// bindings in snake case ("page_down"); a []key.Binding field gives
// actions numbered from 1 ("global.tabs_3").
type Remap map[string][]string

// Action is one rebindable binding and the keys it has by default.
type Action struct {
	// Name is "section.action".
	Name string
	Keys []string
	// Help is what the binding does, as help says it.
	Help string
}

var keyBindingType = reflect.TypeFor[key.Binding]()

// each calls f for every key.Binding km (a pointer to a KeyMap struct)
// holds, with its action name.
func each(km any, f func(action string, b *key.Binding)) {
	v := reflect.ValueOf(km)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return
	}
	v = v.Elem()
	for i := range v.NumField() {
		field, name := v.Field(i), snake(v.Type().Field(i).Name)
		switch {
		case !v.Type().Field(i).IsExported():
		case field.Type() == keyBindingType:
			f(name, field.Addr().Interface().(*key.Binding))
		case field.Kind() == reflect.Slice && field.Type().Elem() == keyBindingType:
			for j := range field.Len() {
				f(name+"_"+strconv.Itoa(j+1), field.Index(j).Addr().Interface().(*key.Binding))
			}
		}
	}
}

// Apply gives the bindings in km (a pointer to a KeyMap struct) named
// section.* the keys r holds for them, and rewrites their help to name
// those keys.
func (r Remap) Apply(section string, km any) {
	if len(r) == 0 {
		return
	}
	each(km, func(action string, b *key.Binding) {
		keys, ok := r[section+"."+action]
		if !ok || len(keys) == 0 {
			return
		}
		b.SetKeys(keys...)
		b.SetHelp(HelpKey(keys), b.Help().Desc)
	})
}

// Actions lists the bindings of km (a pointer to a KeyMap struct) as
// actions of section.
func Actions(section string, km any) []Action {
	var out []Action
	each(km, func(action string, b *key.Binding) {
		out = append(out, Action{Name: section + "." + action, Keys: slices.Clone(b.Keys()), Help: b.Help().Desc})
	})
	return out
}

// glyphs are how help writes some key names.
var glyphs = map[string]string{"up": "↑", "down": "↓", "left": "←", "right": "→", "pgdown": "pgdn"}

// HelpKey is how help shows keys: "↓/j", "ctrl+s".
func HelpKey(keys []string) string {
	out := make([]string, len(keys))
	for i, k := range keys {
		if g, ok := glyphs[k]; ok {
			k = g
		}
		out[i] = k
	}
	return strings.Join(out, "/")
}

// names are the key names besides single characters, as Bubble Tea
// spells them.
var names = []string{
	"up", "down", "left", "right", "home", "end", "pgup", "pgdown", "tab", "enter", "esc", "space",
	"backspace", "delete", "insert", "f1", "f2", "f3", "f4", "f5", "f6", "f7", "f8", "f9", "f10", "f11", "f12",
}

// Valid reports whether k names a key Bubble Tea reports: one printable
// character or a key name, after any ctrl+, alt+ and shift+.
func Valid(k string) bool {
	for {
		rest, ok := "", false
		for _, mod := range []string{"ctrl+", "alt+", "shift+"} {
			if r, cut := strings.CutPrefix(k, mod); cut && r != "" {
				rest, ok = r, true
			}
		}
		if !ok {
			break
		}
		k = rest
	}
	if r := []rune(k); len(r) == 1 {
		return unicode.IsPrint(r[0]) && !unicode.IsSpace(r[0])
	}
	return slices.Contains(names, k)
}

// snake turns a Go field name into an action name: PageDown -> page_down.
func snake(s string) string {
	var b strings.Builder
	for i, r := range s {
		if unicode.IsUpper(r) {
			if i > 0 {
				b.WriteByte('_')
			}
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}
