package tui

import "corridor/tui/components/presenter"

// DefaultRotate is how long each tab stays up in briefing mode.
const DefaultRotate = presenter.DefaultRotate
