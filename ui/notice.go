package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/azinvoice/azinvoice/ui/i18n"
)

// notice is a screen that states why a level has nothing to list (a CSP
// subscription has no Microsoft invoices, say) instead of an empty table.
type notice struct {
	c      *common
	id     int
	crumbs []string
	msgID  string
	err    error
}

func noticeScreen(c *common, crumbs []string, msgID string, err error) *notice {
	return &notice{c: c, id: c.newID(), crumbs: crumbs, msgID: msgID, err: err}
}

func (n *notice) Init() tea.Cmd           { return nil }
func (n *notice) Update(tea.Msg) tea.Cmd  { return nil }
func (n *notice) Crumbs() []string        { return n.crumbs }
func (n *notice) Bindings() []key.Binding { return nil }
func (n *notice) ID() int                 { return n.id }
func (n *notice) Busy() bool              { return false }
func (n *notice) Cancel()                 {}
func (n *notice) Capturing() bool         { return false }

func (n *notice) View(width, height int) string {
	out := n.c.st.Bold.Render(wrap(i18n.T(n.msgID+".title"), width)) + "\n\n" + wrap(i18n.T(n.msgID+".body"), width)
	if n.err != nil {
		info := describe(n.err)
		out += "\n\n" + n.c.st.Dim.Render(wrap(info.Why, width))
	}
	return out
}
