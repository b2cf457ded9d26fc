package ui

import (
	"io"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/pkg/browser"

	"github.com/azinvoice/azinvoice/model"
	"github.com/azinvoice/azinvoice/ui/i18n"
)

func init() {
	// pkg/browser echoes the launcher's output to the terminal by default,
	// which would scribble over the screen.
	browser.Stdout, browser.Stderr = io.Discard, io.Discard
}

// openBrowser starts the browser; a var so tests never launch one.
var openBrowser = browser.OpenURL

// openedMsg reports how opening a link went.
type openedMsg struct {
	url string
	err error
}

// statusMsg puts a line in the status bar.
type statusMsg struct {
	text  string
	isErr bool
	url   string // shown as a hyperlink under the text when set
	// screen is the screen on top when the status came: it shows there
	// only, so a line never outlives its moment.
	screen int
}

// openLink opens an allowed URL in the browser. Anything off the
// allowlist is refused before any process starts.
func openLink(raw string) tea.Cmd {
	if err := model.Allowed(raw); err != nil {
		return func() tea.Msg {
			return statusMsg{text: i18n.T(model.AllowedMsg(err), map[string]any{"URL": model.Clean(raw)}), isErr: true}
		}
	}
	return func() tea.Msg { return openedMsg{url: raw, err: openBrowser(raw)} }
}

func openLinkID(id model.LinkID) tea.Cmd {
	l, ok := model.LinkByID(id)
	if !ok {
		return nil
	}
	return openLink(l.Opens())
}

// openedStatus says the link opened, or — with no browser (SSH, headless)
// — shows the URL to click or copy.
func openedStatus(m openedMsg) statusMsg {
	if m.err != nil {
		return statusMsg{text: i18n.T("open.nobrowser"), url: m.url}
	}
	return statusMsg{text: i18n.T("open.done", map[string]any{"URL": m.url})}
}

// hyperlink is text the terminal can click (OSC 8), for URLs we allow.
func hyperlink(url, text string) string {
	if model.Allowed(url) != nil {
		return model.Clean(text)
	}
	return ansi.SetHyperlink(url) + model.Clean(text) + ansi.ResetHyperlink()
}
