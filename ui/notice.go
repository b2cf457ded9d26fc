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
	why    tea.Cmd
}

// withWhy lets w open the diagnosis from the notice.
func (n *notice) withWhy(cmd tea.Cmd) *notice {
	n.why = cmd
	return n
}

func noticeScreen(c *common, crumbs []string, msgID string, err error) *notice {
	return &notice{c: c, id: c.newID(), crumbs: crumbs, msgID: msgID, err: err}
}

func (n *notice) Init() tea.Cmd    { return nil }
func (n *notice) Crumbs() []string { return n.crumbs }
func (n *notice) ID() int          { return n.id }
func (n *notice) Busy() bool       { return false }
func (n *notice) Cancel()          {}
func (n *notice) Capturing() bool  { return false }

func (n *notice) View(width, height int) string {
	out := n.c.st.Bold.Render(wrap(i18n.T(n.msgID+".title"), width)) + "\n\n" + wrap(i18n.T(n.msgID+".body"), width)
	if n.err != nil {
		info := describe(n.err)
		out += "\n\n" + n.c.st.Dim.Render(wrap(info.Why, width))
	}
	if n.why != nil {
		out += "\n\n" + n.c.st.Info.Render(wrap(i18n.T("notice.whyhint"), width))
	}
	return out
}

func (n *notice) Update(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok && n.why != nil && key.Matches(k, n.c.keys.Why) {
		return n.why
	}
	return nil
}

func (n *notice) Bindings() []key.Binding {
	if n.why == nil {
		return nil
	}
	return []key.Binding{n.c.keys.Why}
}
