package ui

import (
	"context"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/azinvoice/azinvoice/client"
	"github.com/azinvoice/azinvoice/model"
	"github.com/azinvoice/azinvoice/ui/i18n"
)

// Minimum usable terminal; below it the app says so instead of drawing.
const (
	minWidth  = 60
	minHeight = 15
)

// App is the root model: it owns the navigation stack and routes every
// message — keys to the focused input first, then global keys, then the
// screen on top; answers to the screen that asked, wherever it is.
type App struct {
	c        *common
	stack    []screen
	help     help.Model
	spinner  spinner.Model
	spinning bool
	fullHelp bool
	status   statusMsg
	ask      *askExistsMsg  // a file exists: overwrite, keep both or skip?
	asks     []askExistsMsg // further questions, asked in turn
}

// New builds the app. ctx bounds every request it makes.
func New(ctx context.Context, cfg Config) *App {
	c := &common{ctx: ctx, cfg: cfg, st: newStyles(true), keys: newKeyMap(), width: 80, height: 24}
	c.dl = newDownloads(c)
	a := &App{c: c, help: help.New(), spinner: spinner.New(spinner.WithSpinner(spinner.Dot))}
	a.stack = []screen{newHome(c)}
	return a
}

func (a *App) top() screen { return a.stack[len(a.stack)-1] }

func (a *App) Init() tea.Cmd {
	return tea.Batch(tea.RequestBackgroundColor, a.top().Init(), a.spin(), a.c.dl.listen())
}

// spin keeps the spinner turning only while something loads.
func (a *App) spin() tea.Cmd {
	if a.spinning || !a.busy() {
		return nil
	}
	a.spinning = true
	return a.spinner.Tick
}

func (a *App) busy() bool {
	if a.c.dl.active(0) {
		return true
	}
	for _, s := range a.stack {
		if s.Busy() {
			return true
		}
	}
	return false
}

func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	cmd := a.update(msg)
	return a, tea.Batch(cmd, a.spin())
}

func (a *App) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.c.width, a.c.height = msg.Width, msg.Height
		a.help.SetWidth(msg.Width)
		return nil
	case tea.BackgroundColorMsg:
		a.c.st = newStyles(msg.IsDark())
		a.help.Styles = help.DefaultStyles(msg.IsDark())
		return nil
	case spinner.TickMsg:
		if !a.busy() {
			a.spinning = false
			return nil
		}
		var cmd tea.Cmd
		a.spinner, cmd = a.spinner.Update(msg)
		a.c.spin = a.spinner.View()
		return cmd
	case loadedMsg:
		return a.route(msg)
	case dlEvent:
		if st, ended := a.c.dl.handle(msg); ended {
			a.status = st
		}
		return a.c.dl.listen()
	case askExistsMsg:
		if a.ask == nil {
			a.ask = &msg
		} else {
			a.asks = append(a.asks, msg)
		}
		return nil
	case openedMsg:
		a.status = openedStatus(msg)
		return nil
	case statusMsg:
		a.status = msg
		return nil
	case pushMsg:
		if msg.from != 0 && msg.from != a.top().ID() {
			return nil // asked for by a screen that is no longer on top
		}
		a.stack = append(a.stack, msg.s)
		a.fullHelp = false
		return msg.s.Init()
	case popMsg:
		a.back()
		return nil
	case tea.KeyPressMsg:
		return a.key(msg)
	}
	return a.top().Update(msg)
}

// route hands an answer to the screen that asked; a screen that was left
// is gone from the stack, so its late answer is dropped.
func (a *App) route(msg loadedMsg) tea.Cmd {
	for _, s := range a.stack {
		if s.ID() == msg.screen {
			return s.Update(msg)
		}
		if h, ok := s.(interface{ Owns(int) bool }); ok && h.Owns(msg.screen) {
			return s.Update(msg)
		}
	}
	return nil
}

func (a *App) back() {
	if len(a.stack) <= 1 {
		return
	}
	// Leaving stops the screen's loads; its downloads go on in the
	// background (esc anywhere cancels them).
	if l, ok := a.top().(interface{ Leave() }); ok {
		l.Leave()
	} else {
		a.top().Cancel()
	}
	a.stack = a.stack[:len(a.stack)-1]
}

func (a *App) key(msg tea.KeyPressMsg) tea.Cmd {
	k := a.c.keys
	if msg.String() == "ctrl+c" {
		return a.quit()
	}
	if a.ask != nil {
		return a.answerExists(msg)
	}
	if a.top().Capturing() {
		return fromScreen(a.top().ID(), a.top().Update(msg))
	}
	if a.status.url == "" {
		a.status = statusMsg{} // a link to copy stays until something replaces it
	}
	switch {
	case key.Matches(msg, k.Links):
		if _, ok := a.top().(*listScreen[model.Link]); !ok {
			return push(docsScreen(a.c))
		}
		return nil
	case key.Matches(msg, k.Guide):
		if _, ok := a.top().(*guide); !ok {
			return push(guideScreen(a.c, a.agreement()))
		}
		return nil
	case key.Matches(msg, k.Quit):
		return a.quit()
	case key.Matches(msg, k.Help):
		a.fullHelp = !a.fullHelp
		return nil
	case a.fullHelp && key.Matches(msg, k.Back):
		a.fullHelp = false
		return nil
	case msg.String() == "esc" && a.top().Busy():
		a.top().Cancel()
		return nil
	case msg.String() == "esc" && a.c.dl.active(0):
		a.c.dl.cancelOwned(0) // esc cancels work in flight; backspace still goes back
		return nil
	case key.Matches(msg, k.Back):
		a.back()
		return nil
	}
	return fromScreen(a.top().ID(), a.top().Update(msg))
}

// agreement is the agreement of what the person is looking at, for the
// guide to open on: the nearest screen on the stack that knows it.
func (a *App) agreement() model.Agreement {
	for i := len(a.stack) - 1; i >= 0; i-- {
		if s, ok := a.stack[i].(interface{ agreement() model.Agreement }); ok {
			if ag := s.agreement(); ag != model.AgreementUnknown {
				return ag
			}
		}
	}
	return model.AgreementUnknown
}

// answerExists takes the answer to "the file exists": o overwrite,
// k keep both, s or esc skip. Nothing else is taken while it is asked.
func (a *App) answerExists(msg tea.KeyPressMsg) tea.Cmd {
	q := *a.ask
	var cmd tea.Cmd
	switch msg.String() {
	case "o":
		cmd = a.c.dl.start(q.owner, q.job, client.ExistingReplace)
	case "k":
		cmd = a.c.dl.start(q.owner, q.job, client.ExistingKeepBoth)
	case "s", "esc", "n":
		a.status = statusMsg{text: i18n.T("dl.skipped", map[string]any{"Path": q.path})}
	default:
		return nil
	}
	a.ask = nil
	if len(a.asks) > 0 {
		a.ask, a.asks = &a.asks[0], a.asks[1:]
	}
	return cmd
}

func (a *App) askView(width int) string {
	st := a.c.st
	body := st.Bold.Render(i18n.T("ask.exists.title")) + "\n\n" +
		wrap(i18n.T("ask.exists.body", map[string]any{"Path": model.Clean(a.ask.path)}), width-4) + "\n\n" +
		st.Key.Render("o") + " " + i18n.T("ask.overwrite") + "   " + st.Key.Render("k") + " " + i18n.T("ask.keepboth") +
		"   " + st.Key.Render("s") + " " + i18n.T("ask.skip")
	return st.Panel.Width(min(width, 90)).Render(body)
}

// Close waits (up to timeout) for cancelled downloads to remove their
// temporary files; main calls it after the program ends.
func (a *App) Close(timeout time.Duration) {
	a.c.dl.cancelOwned(0)
	a.c.dl.wait(timeout)
}

func (a *App) quit() tea.Cmd {
	a.c.dl.cancelOwned(0)
	for _, s := range a.stack {
		s.Cancel()
	}
	return tea.Quit
}

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
	body = clip(body, bodyH)
	gap := bodyH - lineCount(body)
	var b strings.Builder
	b.WriteString(crumb)
	b.WriteString("\n\n")
	b.WriteString(body)
	b.WriteString(strings.Repeat("\n", gap+1))
	b.WriteString(helpLine)
	return a.c.st.App.Render(b.String())
}

func (a *App) breadcrumb(width int) string {
	st := a.c.st
	parts := []string{i18n.T("crumb.root")}
	if len(a.stack) == 1 {
		parts = append(parts, a.stack[0].Crumbs()...)
	}
	for _, s := range a.stack[1:] {
		for _, c := range s.Crumbs() {
			parts = append(parts, model.Clean(c)) // crumbs hold Azure's names
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
	cols := [][]key.Binding{a.top().Bindings(), {k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}, {k.Back, k.Guide, k.Links, k.Help, k.Quit}}
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
