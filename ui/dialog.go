package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/azinvoice/azinvoice/ui/i18n"
)

// confirmDialog is a yes/no question the root asks before something that
// cannot be undone: quitting while downloads run, leaving an unsaved edit.
// While it is up it has the keyboard; nothing reaches the screen below.
type confirmDialog struct {
	title, body string // already translated
	yes         func() tea.Cmd
	quit        bool // a second ctrl+c answers yes
}

func (a *App) confirmKey(msg tea.KeyPressMsg) tea.Cmd {
	d := a.confirm
	switch msg.String() {
	case "y", "Y":
		a.confirm = nil
		return d.yes()
	case "n", "N", "esc":
		a.confirm = nil
	case "ctrl+c":
		if d.quit {
			a.confirm = nil
			return d.yes()
		}
	}
	return nil
}

func (a *App) confirmView(width int) string {
	st := a.c.st
	d := a.confirm
	body := st.Bold.Render(d.title) + "\n\n" + wrap(d.body, max(10, min(width, 90)-4)) + "\n\n" +
		st.Key.Render("y") + " " + i18n.T("confirm.yes") + "   " + st.Key.Render("n") + " " + i18n.T("confirm.no")
	return st.Panel.Width(min(width, 90)).Render(body)
}

func (a *App) confirmBindings() []key.Binding {
	b := func(keys, help, id string) key.Binding {
		return key.NewBinding(key.WithKeys(strings.Split(keys, ",")...), key.WithHelp(help, i18n.T(id)))
	}
	return []key.Binding{b("y", "y", "confirm.yes"), b("n,esc", "n/esc", "confirm.no")}
}

// askQuit quits at once, or asks first when quitting would cancel
// downloads or drop an edit not yet sent.
func (a *App) askQuit() tea.Cmd {
	running := a.c.dl.runningCount()
	unsaved := a.unsaved()
	if running == 0 && unsaved == nil {
		return a.quit()
	}
	var body []string
	if running > 0 {
		body = append(body, i18n.T("confirm.quit.downloads", map[string]any{"Count": running}))
	}
	if unsaved != nil {
		body = append(body, i18n.T("confirm.quit.unsaved"))
	}
	a.confirm = &confirmDialog{title: i18n.T("confirm.quit.title"), body: strings.Join(body, " "), yes: a.quit, quit: true}
	return nil
}

// unsaved is the screen on the stack holding an edit not yet sent, if any.
func (a *App) unsaved() screen {
	for _, s := range a.stack {
		if u, ok := s.(interface{ Unsaved() bool }); ok && u.Unsaved() {
			return s
		}
	}
	return nil
}

// askBack goes back, or asks first when the screen holds an unsaved edit.
func (a *App) askBack() tea.Cmd {
	if u, ok := a.top().(interface{ Unsaved() bool }); ok && u.Unsaved() && len(a.stack) > 1 {
		a.confirm = &confirmDialog{title: i18n.T("confirm.discard.title"), body: i18n.T("confirm.discard.body"), yes: a.back}
		return nil
	}
	return a.back()
}
