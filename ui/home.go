package ui

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/azinvoice/azinvoice/model"
	"github.com/azinvoice/azinvoice/ui/i18n"
)

// home is the first screen, with the portal's two ways in: billing scopes
// and subscriptions. Tab switches; each tab keeps its own cursor and filter.
type home struct {
	c        *common
	id       int
	accounts *listScreen[model.Account]
	subs     *listScreen[model.Subscription]
	tab      int
	subsInit bool
}

func newHome(c *common) *home {
	h := &home{c: c, id: c.newID(), accounts: accountsList(c), subs: azureSubsList(c)}
	tabs := func(int) string { return h.tabs() }
	h.accounts.spec.above = tabs
	h.subs.spec.above = tabs
	return h
}

func (h *home) active() screen {
	if h.tab == 1 {
		return h.subs
	}
	return h.accounts
}

func (h *home) Init() tea.Cmd { return h.accounts.Init() }

func (h *home) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case loadedMsg:
		// answers go to whichever tab asked
		if msg.screen == h.subs.ID() {
			return h.subs.Update(msg)
		}
		return h.accounts.Update(msg)
	case tea.KeyPressMsg:
		if !h.active().Capturing() && key.Matches(msg, h.c.keys.Tab) {
			return h.switchTo(1 - h.tab)
		}
	case clickMsg:
		if msg.y == 0 { // the tabs line
			w0 := ansi.StringWidth(h.c.st.Tab.Render(i18n.T("tab.scopes")))
			switch {
			case msg.x < w0:
				return h.switchTo(0)
			case msg.x > w0:
				return h.switchTo(1)
			}
			return nil
		}
	}
	return h.active().Update(msg)
}

func (h *home) switchTo(tab int) tea.Cmd {
	if tab == h.tab {
		return nil
	}
	h.tab = tab
	if h.tab == 1 && !h.subsInit {
		h.subsInit = true
		return h.subs.Init()
	}
	return nil
}

// The keys every list offers, passed to the tab shown.

func (h *home) copyText() string {
	if h.tab == 1 {
		return h.subs.copyText()
	}
	return h.accounts.copyText()
}

func (h *home) info() []infoRow {
	if h.tab == 1 {
		return h.subs.info()
	}
	return h.accounts.info()
}

func (h *home) clearFilter() bool {
	if h.tab == 1 {
		return h.subs.clearFilter()
	}
	return h.accounts.clearFilter()
}

func (h *home) legend() []string {
	if h.tab == 1 {
		return h.subs.legend()
	}
	return h.accounts.legend()
}

func (h *home) dataReadAt() time.Time {
	if h.tab == 1 {
		return h.subs.dataReadAt()
	}
	return h.accounts.dataReadAt()
}

// Owns reports whether an answer is for one of the tabs.
func (h *home) Owns(id int) bool { return id == h.accounts.ID() || id == h.subs.ID() }

func (h *home) tabs() string {
	names := []string{i18n.T("tab.scopes"), i18n.T("tab.subscriptions")}
	out := ""
	for i, n := range names {
		if i == h.tab {
			out += h.c.st.TabActive.Render(n)
		} else {
			out += h.c.st.Tab.Render(n)
		}
		out += " "
	}
	return out
}

func (h *home) View(width, height int) string { return h.active().View(width, height) }

func (h *home) Crumbs() []string {
	if h.tab == 1 {
		return []string{i18n.T("tab.subscriptions")}
	}
	return []string{i18n.T("tab.scopes")}
}

func (h *home) Bindings() []key.Binding {
	b := h.active().Bindings()
	if h.active().Capturing() {
		return b
	}
	return append([]key.Binding{h.c.keys.Tab}, b...)
}

func (h *home) ID() int         { return h.id }
func (h *home) Busy() bool      { return h.active().Busy() }
func (h *home) Cancel()         { h.active().Cancel() }
func (h *home) Capturing() bool { return h.active().Capturing() }

func (h *home) selectedRow() []string {
	if h.tab == 1 {
		return h.subs.selectedRow()
	}
	return h.accounts.selectedRow()
}

func (h *home) agreement() model.Agreement {
	if h.tab == 1 {
		if s := h.subs.Current(); s != nil {
			return s.Agreement
		}
		return model.AgreementUnknown
	}
	if a := h.accounts.Current(); a != nil {
		return a.Agreement
	}
	return model.AgreementUnknown
}
