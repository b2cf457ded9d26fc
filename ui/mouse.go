package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"
)

// clickMsg is a left click inside the screen's area: x and y are relative
// to it (0,0 is its top-left cell). double is a second click on the same
// cell within doubleClick.
type clickMsg struct {
	x, y   int
	double bool
}

const doubleClick = 400 * time.Millisecond

// bodyTop is the first line of the screen's area in the frame: the
// breadcrumb, then the status bar.
const bodyTop = 2

// click turns a terminal click into a clickMsg for the screen on top.
// Nothing is clicked under a dialog, help or the too-small notice.
func (a *App) click(m tea.Mouse) tea.Cmd {
	if m.Button != tea.MouseLeft || a.tooSmall() || a.ask != nil || a.confirm != nil || a.fullHelp {
		return nil
	}
	x, y := m.X-1, m.Y-bodyTop // the frame's one-column margin
	if x < 0 || y < 0 {
		return nil
	}
	now := time.Now() // the wall clock: a double click is a human interval
	double := a.lastClick.y == y && now.Sub(a.lastClickAt) < doubleClick
	a.lastClick, a.lastClickAt = clickMsg{x: x, y: y}, now
	if double {
		a.lastClickAt = time.Time{} // a third click starts again
	}
	return fromScreen(a.top().ID(), a.top().Update(clickMsg{x: x, y: y, double: double}))
}
