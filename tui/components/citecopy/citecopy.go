// Package citecopy offers a citation to the terminal's clipboard, for the
// dashboard's `y` key. The clipboard is reached through OSC 52, locally
// and over SSH alike: corridor cannot know whether the terminal accepted
// it, so the notice says the citation was sent, not that it was copied,
// and names the command that prints it instead.
package citecopy

import (
	tea "charm.land/bubbletea/v2"

	"corridor/model"
)

// SentMsg reports that a citation was sent; the root shows Notice in the
// status bar.
type SentMsg struct {
	Citation model.Citation
	Notice   string
}

// Cmd sends c as plain text to the terminal's clipboard and reports it.
func Cmd(c model.Citation) tea.Cmd {
	return tea.Sequence(tea.SetClipboard(c.Text()), func() tea.Msg { return SentMsg{Citation: c, Notice: Notice(c)} })
}

// Notice is the honest status line for a sent citation. Figures, events
// and sources have an id `corridor cite` accepts; a series has not.
func Notice(c model.Citation) string {
	if c.Item == model.CiteSeries {
		return "series citation sent to your terminal's clipboard (OSC 52); some terminals ignore it"
	}
	return "citation of " + c.ID + " sent to your terminal's clipboard (OSC 52); if it does not paste: corridor cite " + c.ID
}
