package keymap

import (
	"slices"
	"testing"

	"charm.land/bubbles/v2/key"
)

type testKeys struct {
	PageDown key.Binding
	Tabs     []key.Binding
	hidden   key.Binding
}

func defaults() testKeys {
	return testKeys{
		PageDown: key.NewBinding(key.WithKeys("pgdown", "space"), key.WithHelp("pgdn", "page down")),
		Tabs:     []key.Binding{key.NewBinding(key.WithKeys("1"), key.WithHelp("1", "overview"))},
		hidden:   key.NewBinding(key.WithKeys("z")),
	}
}

func TestActionsNameEveryExportedBinding(t *testing.T) {
	k := defaults()
	got := Actions("list", &k)
	if len(got) != 2 || got[0].Name != "list.page_down" || !slices.Equal(got[0].Keys, []string{"pgdown", "space"}) || got[1].Name != "list.tabs_1" || got[1].Help != "overview" {
		t.Fatalf("Actions = %+v", got)
	}
}

func TestApplyRebindsAndRewritesHelp(t *testing.T) {
	k := defaults()
	Remap{"list.page_down": {"n", "down"}, "list.tabs_1": {"!"}, "other.page_down": {"x"}}.Apply("list", &k)
	if !slices.Equal(k.PageDown.Keys(), []string{"n", "down"}) || k.PageDown.Help().Key != "n/↓" || k.PageDown.Help().Desc != "page down" {
		t.Errorf("page_down: keys %v help %+v", k.PageDown.Keys(), k.PageDown.Help())
	}
	if !slices.Equal(k.Tabs[0].Keys(), []string{"!"}) {
		t.Errorf("tabs_1: %v", k.Tabs[0].Keys())
	}
	var none Remap
	k2 := defaults()
	none.Apply("list", &k2)
	if !slices.Equal(k2.PageDown.Keys(), []string{"pgdown", "space"}) {
		t.Error("an empty remap changed a binding")
	}
}

func TestValid(t *testing.T) {
	for k, want := range map[string]bool{
		"j": true, "G": true, "?": true, "ctrl+s": true, "shift+tab": true, "alt+ctrl+x": true, "pgdown": true, "f5": true, "é": true,
		"": false, "ctrl+": false, "pagedown": false, "jj": false, "ctrl+foo": false, " ": false,
	} {
		if got := Valid(k); got != want {
			t.Errorf("Valid(%q) = %v, want %v", k, got, want)
		}
	}
}
