// Package ui is the Bubble Tea program: a root that owns a navigation stack
// of screens, routes keys and answers, and draws the frame around them.
package ui

import (
	"context"
	"log/slog"
	"time"

	"github.com/azinvoice/azinvoice/client"
)

// Config is what main hands the UI.
type Config struct {
	Billing     client.Billing
	Now         func() time.Time
	ReadOnly    bool
	DownloadDir string
	TenantID    string // the tenant signed in to, when known
	Identity    string // who is signed in (user or app), when known
	Cloud       string // the cloud signed in to (AzureCloud; Azure Government has no email invoices)
	Logger      *slog.Logger
	Demo        bool
}

// common is shared by every screen (passed in, never global): the client,
// the clock, styles and keys, and the size of the area screens draw in.
type common struct {
	ctx    context.Context
	cfg    Config
	st     styles
	keys   keyMap
	width  int
	height int
	nextID int
	spin   string // the current spinner frame, advanced by the root
	dl     *downloads
	dark   bool                 // the terminal's background, for the styles
	mono   bool                 // no colour: selection in reverse video
	sorts  map[string]sortState // each kind of list's sort, for the session
}

func (c *common) now() time.Time {
	if c.cfg.Now != nil {
		return c.cfg.Now()
	}
	return time.Now()
}

// newID hands out screen IDs so answers can be routed to the screen that asked.
func (c *common) newID() int {
	c.nextID++
	return c.nextID
}
