package tui

import tea "charm.land/bubbletea/v2"

// StatusNote returns a message that shows text in the status bar for a
// few seconds, as ctrl+s reports a saved file. The SSH server sends one
// when it draws a smaller view than the client's terminal.
func StatusNote(text string) tea.Msg { return noticeMsg{text} }
