package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// screen is one page of the navigation stack. Only the root returns a
// tea.View; screens draw strings into the area the root gives them.
type screen interface {
	// Init starts whatever the screen loads first.
	Init() tea.Cmd
	// Update handles a message meant for this screen.
	Update(msg tea.Msg) tea.Cmd
	// View draws the screen in width x height cells.
	View(width, height int) string
	// Crumbs is this screen's part of the breadcrumb.
	Crumbs() []string
	// Bindings lists the keys that work on the screen now, for the help line.
	Bindings() []key.Binding
	// ID routes answers; Busy says a request is in flight (Esc cancels it).
	ID() int
	Busy() bool
	Cancel()
	// Capturing is true while a text input has the keyboard.
	Capturing() bool
}
