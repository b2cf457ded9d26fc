package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/azinvoice/azinvoice/model"
	"github.com/azinvoice/azinvoice/ui/i18n"
)

// The frame the root draws around the screen on top: breadcrumb, status,
// help line, and the dialogs that take the keyboard.

func (a *App) View() tea.View {
	v := tea.NewView(a.render())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "azinvoice"
	return v
}

// render draws the frame: breadcrumb, the screen, the help line.
func (a *App) render() string {
	w, h := a.c.width, a.c.height
	if w < minWidth || h < minHeight {
		return tooSmall(a.c, w, h)
	}
	inner := w - 2
	crumb := a.breadcrumb(inner)
	helpLine := a.helpLine(inner)
	if st := a.statusLine(inner); st != "" {
		helpLine = st + "\n" + helpLine
	}
	bodyH := h - 2 - lineCount(helpLine)
	var body string
	switch {
	case a.ask != nil:
		body = a.askView(inner)
	case a.fullHelp:
		body = a.fullHelpView(inner)
	default:
		body = a.top().View(inner, bodyH)
	}
	body = fitWidth(clip(body, bodyH), inner)
	gap := bodyH - lineCount(body)
	var b strings.Builder
	b.WriteString(crumb)
	b.WriteString("\n\n")
	b.WriteString(body)
	b.WriteString(strings.Repeat("\n", gap+1))
	b.WriteString(helpLine)
	// One column of margin on the left, added by hand: a lipgloss padding
	// would measure every line's width again on every frame.
	return " " + strings.ReplaceAll(b.String(), "\n", "\n ")
}

func (a *App) breadcrumb(width int) string {
	st := a.c.st
	parts := []string{i18n.T("crumb.root")}
	if len(a.stack) == 1 {
		parts = append(parts, a.stack[0].Crumbs()...)
	}
	for _, s := range a.stack[1:] {
		for _, c := range s.Crumbs() {
			parts = append(parts, model.Clean(i18n.Resolve(c))) // crumbs hold Azure's names, or Refs
		}
	}
	// Drop from the left (after the root) until it fits, as a path would.
	sep := " › "
	for lineWidth(strings.Join(parts, sep)) > width {
		first := 1 // the first crumb after the root that may go
		if parts[1] == "…" {
			first = 2
		}
		if first >= len(parts)-1 {
			break // root, "…" and the current screen stay; truncate does the rest
		}
		parts = append(parts[:first], parts[first+1:]...)
		if first == 1 {
			parts = append([]string{parts[0], "…"}, parts[1:]...)
		}
	}
	var out []string
	for i, p := range parts {
		if i == len(parts)-1 {
			out = append(out, st.CrumbLast.Render(p))
		} else {
			out = append(out, st.Crumb.Render(p))
		}
	}
	return truncate(strings.Join(out, st.CrumbSep.Render(sep)), width)
}

// bindings is the help line: the screen's own keys, then the ones that
// always work. Movement keys are left to the full help (?).
func (a *App) bindings() (screen, always []key.Binding) {
	k := a.c.keys
	if a.ask != nil {
		b := func(keys, id string) key.Binding {
			return key.NewBinding(key.WithKeys(keys), key.WithHelp(keys, i18n.T(id)))
		}
		return []key.Binding{b("o", "ask.overwrite"), b("k", "ask.keepboth"), b("s", "ask.skip")}, nil
	}
	for _, b := range a.top().Bindings() {
		if b.Help().Key != k.Up.Help().Key && b.Help().Key != k.Down.Help().Key {
			screen = append(screen, b)
		}
	}
	if a.top().Capturing() {
		return screen, nil
	}
	switch {
	case a.top().Busy():
		always = append(always, k.Cancel)
	case a.c.dl.active(0):
		always = append(always, bindingWith(k.Cancel, "key.canceldownloads"))
	}
	if len(a.stack) > 1 && (a.top().Busy() || a.c.dl.active(0)) {
		always = append(always, bindingWith(k.BackOnly, "key.back"))
	} else if len(a.stack) > 1 {
		always = append(always, k.Back)
	}
	return screen, append(always, k.Help, k.Quit)
}

// statusLine is the last outcome worth telling (a link opened, or the URL
// to open by hand where no browser could start).
func (a *App) statusLine(width int) string {
	s := a.status
	dl := a.c.dl.view(width)
	if s.text == "" {
		return dl
	}
	if dl != "" {
		dl += "\n"
	}
	style := a.c.st.Status
	if s.isErr {
		style = a.c.st.Bad
	}
	line := dl + style.Render(truncate(s.text, width))
	if s.url != "" {
		line += "\n" + truncate(hyperlink(s.url, s.url), width)
	}
	return line
}

// helpLine fits the help line to the width by dropping the screen's last
// keys first: back (or cancel), help and quit are always shown.
func (a *App) helpLine(width int) string {
	a.help.SetWidth(0)
	screen, always := a.bindings()
	for n := len(screen); n >= 0; n-- {
		line := a.help.ShortHelpView(append(append([]key.Binding{}, screen[:n]...), always...))
		if lipgloss.Width(line) <= width || n == 0 {
			return truncate(line, width)
		}
	}
	return ""
}

func (a *App) fullHelpView(width int) string {
	k := a.c.keys
	cols := [][]key.Binding{a.top().Bindings(), {k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}, {k.Back, k.Guide, k.Links, k.Lang, k.Help, k.Quit}}
	a.help.SetWidth(width)
	return a.c.st.PanelTitle.Render(i18n.T("help.title")) + "\n\n" + a.help.FullHelpView(cols) +
		"\n\n" + a.c.st.Dim.Render(wrap(i18n.T("help.footer"), width))
}

func tooSmall(c *common, w, h int) string {
	msg := i18n.T("toosmall", map[string]any{"Width": w, "Height": h, "MinWidth": minWidth, "MinHeight": minHeight})
	return wrap(msg, max(10, w))
}

func lineCount(s string) int { return strings.Count(s, "\n") + 1 }

func lineWidth(s string) int { return len([]rune(s)) }

// fitWidth cuts any line wider than w with "…": a line the terminal wrapped
// would push the whole frame down (a longer translation must never do it).
// A line of no more bytes than w cells cannot be wider, so most lines are
// never measured.
func fitWidth(s string, w int) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if len(l) > w {
			lines[i] = truncate(l, w)
		}
	}
	return strings.Join(lines, "\n")
}

// clip keeps the first n lines of s.
func clip(s string, n int) string {
	if n <= 0 {
		return ""
	}
	lines := strings.SplitN(s, "\n", n+1)
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "\n")
}

func (a *App) askView(width int) string {
	st := a.c.st
	body := st.Bold.Render(i18n.T("ask.exists.title")) + "\n\n" +
		wrap(i18n.T("ask.exists.body", map[string]any{"Path": model.Clean(a.ask.path)}), width-4) + "\n\n" +
		st.Key.Render("o") + " " + i18n.T("ask.overwrite") + "   " + st.Key.Render("k") + " " + i18n.T("ask.keepboth") +
		"   " + st.Key.Render("s") + " " + i18n.T("ask.skip")
	return st.Panel.Width(min(width, 90)).Render(body)
}
