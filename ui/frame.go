package ui

import (
	"strconv"
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
		if a.confirm != nil { // asked by q: the question must be seen
			return wrap(a.confirm.title+" "+a.confirm.body+" (y/n)", max(10, w))
		}
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
	case a.confirm != nil:
		body = a.confirmView(inner)
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
	b.WriteString("\n")
	b.WriteString(a.statusBar(inner))
	b.WriteString("\n")
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
	if a.confirm != nil {
		return a.confirmBindings(), nil
	}
	if a.fullHelp {
		return nil, []key.Binding{bindingWith(k.Help, "key.closehelp"), k.Quit}
	}
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

// helpLine fits the help line to the width by dropping the screen's last
// keys first: back (or cancel), help and quit are always shown.
func (a *App) helpLine(width int) string {
	screen, always := a.bindings()
	// The line is the same from one key to the next: draw it only when
	// the keys or the width change.
	var sig strings.Builder
	sig.WriteString(strconv.Itoa(width))
	for _, b := range append(append([]key.Binding{}, screen...), always...) {
		sig.WriteString("\x00" + b.Help().Key + "\x01" + b.Help().Desc)
	}
	if sig.String() == a.helpSig && a.helpSig != "" {
		return a.helpText
	}
	a.help.SetWidth(0)
	line := ""
	for n := len(screen); n >= 0; n-- {
		line = a.help.ShortHelpView(append(append([]key.Binding{}, screen[:n]...), always...))
		if lipgloss.Width(line) <= width || n == 0 {
			line = truncate(line, width)
			break
		}
	}
	a.helpSig, a.helpText = sig.String(), line
	return line
}

// fullHelpView is every key that works here: the screen's own, moving,
// and the ones that work everywhere, each once, with its every key.
func (a *App) fullHelpView(width int) string {
	k := a.c.keys
	long := func(b key.Binding, label string) key.Binding {
		b.SetHelp(label, b.Help().Desc)
		return b
	}
	var own []key.Binding
	seen := map[string]bool{}
	for _, b := range a.top().Bindings() {
		h := b.Help().Key
		if h == k.Up.Help().Key || h == k.Down.Help().Key || seen[h] {
			continue // listed with the movement keys
		}
		seen[h] = true
		if h == k.Tab.Help().Key {
			b = long(b, "tab/shift+tab")
		}
		own = append(own, b)
	}
	move := []key.Binding{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}
	always := []key.Binding{}
	if len(a.stack) > 1 {
		always = append(always, long(k.Back, "esc/backspace"))
	}
	always = append(always, k.Downloads, k.Everything, k.Guide, k.Links, k.Lang, k.Help, k.Quit)
	out := a.c.st.PanelTitle.Render(i18n.T("help.title")) + "\n\n" + a.keyColumns(width, own, move, always)
	if l, ok := a.top().(interface{ legend() []string }); ok {
		for _, id := range l.legend() {
			out += "\n" + wrap(i18n.T(id), width)
		}
	}
	return out + "\n\n" + a.c.st.Dim.Render(wrap(i18n.T("help.footer"), width))
}

// keyColumns lays every key out in as many columns as the width holds,
// filled top to bottom in order: the screen's keys, moving, the rest. No
// key is ever cut off the right edge.
func (a *App) keyColumns(width int, groups ...[]key.Binding) string {
	st := a.c.st
	type entry struct{ k, d string }
	var es []entry
	kw, dw := 0, 0
	for _, g := range groups {
		for _, b := range g {
			e := entry{b.Help().Key, b.Help().Desc}
			kw, dw = max(kw, cellWidth(e.k)), max(dw, cellWidth(e.d))
			es = append(es, e)
		}
	}
	colW := kw + 1 + dw + 3
	cols := max(1, min(len(es), (width+3)/colW))
	rows := (len(es) + cols - 1) / cols
	lines := make([]string, rows)
	for i, e := range es {
		r, c := i%rows, i/rows
		cell := st.Key.Render(pad(e.k, kw, false)) + " " + st.Dim.Render(e.d)
		if c < cols-1 && i+rows < len(es) {
			cell += strings.Repeat(" ", dw-cellWidth(e.d)+3)
		}
		lines[r] += cell
	}
	return strings.Join(lines, "\n")
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
