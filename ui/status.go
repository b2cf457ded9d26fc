package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/atotto/clipboard"

	"github.com/azinvoice/azinvoice/model"
	"github.com/azinvoice/azinvoice/ui/i18n"
)

// setStatus shows a status line on the screen now on top.
func (a *App) setStatus(s statusMsg) {
	s.screen = a.top().ID()
	a.status = s
}

// statusLine is the last outcome worth telling (a link opened, or the URL
// to open by hand where no browser could start), shown only on the screen
// it came from, and the running downloads.
func (a *App) statusLine(width int) string {
	s := a.status
	dl := a.c.dl.view(width)
	if s.text == "" || (s.screen != 0 && s.screen != a.top().ID()) {
		return dl
	}
	if dl != "" {
		dl += "\n"
	}
	style := a.c.st.Status
	if s.isErr {
		style = a.c.st.Bad
	}
	text := s.text
	if s.url != "" {
		text += " " + i18n.T("status.copyhint")
	}
	line := dl + style.Render(truncate(text, width))
	if s.url != "" {
		line += "\n" + wholeLink(s.url, width)
	}
	return line
}

// wholeLink shows a URL in full, cut into lines of width cells (never an
// ellipsis: a cut link cannot be copied), each piece a hyperlink to the
// whole URL.
func wholeLink(url string, width int) string {
	clean := model.Clean(url)
	r := []rune(clean)
	var lines []string
	for len(r) > 0 {
		n := min(len(r), max(10, width))
		lines = append(lines, hyperlink(url, string(r[:n])))
		r = r[n:]
	}
	return strings.Join(lines, "\n")
}

// systemClipboard is the fallback for terminals that do not take OSC 52:
// the desktop's own clipboard tool (pbcopy, xclip, xsel, wl-copy, clip.exe),
// where there is one. A var so tests never touch the person's clipboard.
var systemClipboard = clipboard.WriteAll

// copy puts text on the clipboard through the terminal (OSC 52, which
// reaches the local clipboard even over SSH) and through the system's
// clipboard tool. Where neither works, the status line shows the text in
// full, to select by hand.
func (a *App) copy(text string) tea.Cmd {
	clean := model.Clean(text)
	a.setStatus(statusMsg{text: i18n.T("status.copied", map[string]any{"Text": clean}), url: linkOrEmpty(text)})
	return tea.Batch(tea.SetClipboard(clean), func() tea.Msg {
		_ = systemClipboard(clean) // no tool here (a server, SSH): OSC 52 and the status line remain
		return nil
	})
}

func linkOrEmpty(s string) string {
	if strings.HasPrefix(s, "https://") && model.Allowed(s) == nil {
		return s
	}
	return ""
}

// copyable is a screen that can name the thing under its cursor: an ID,
// a link, a saved file's path.
type copyable interface{ copyText() string }

// globalKey handles the keys that work on every screen which offers them:
// y copies, i shows the IDs, ctrl+o the downloads, A every invoice.
func (a *App) globalKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := a.c.keys
	switch {
	case key.Matches(msg, k.Copy):
		if c, ok := a.top().(copyable); ok {
			if t := c.copyText(); t != "" {
				return a.copy(t), true
			}
		}
	case key.Matches(msg, k.Info):
		if in, ok := a.top().(infoSource); ok {
			if rows := in.info(); len(rows) > 0 {
				return push(infoScreen(a.c, a.top().Crumbs(), rows)), true
			}
		}
	case key.Matches(msg, k.Downloads):
		if _, ok := a.top().(*downloadsPanel); !ok {
			return push(newDownloadsPanel(a.c)), true
		}
		return nil, true
	case key.Matches(msg, k.Everything):
		if _, ok := a.top().(*everyInvoice); !ok {
			return push(newEveryInvoice(a.c)), true
		}
		return nil, true
	}
	return nil, false
}
