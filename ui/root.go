package ui

import (
	"context"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

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
	confirm  *confirmDialog // a yes/no question that has the keyboard
	// the last click, to tell a double click
	lastClick   clickMsg
	lastClickAt time.Time
	// the help line last drawn, and what it was drawn for
	helpSig, helpText string
}

// New builds the app. ctx bounds every request it makes.
func New(ctx context.Context, cfg Config) *App {
	c := &common{ctx: ctx, cfg: cfg, st: newStyles(true, false), keys: newKeyMap(), width: 80, height: 24, dark: true, sorts: map[string]sortState{}}
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
		a.c.dark = msg.IsDark()
		a.c.st = newStyles(a.c.dark, a.c.mono)
		a.help.Styles = help.DefaultStyles(msg.IsDark())
		a.helpSig = ""
		return nil
	case tea.ColorProfileMsg:
		a.c.mono = msg.Profile <= colorprofile.ASCII
		a.c.st = newStyles(a.c.dark, a.c.mono)
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
			a.setStatus(st)
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
		a.setStatus(openedStatus(msg))
		return nil
	case statusMsg:
		a.setStatus(msg)
		return nil
	case pushMsg:
		if msg.from != 0 && msg.from != a.top().ID() {
			return nil // asked for by a screen that is no longer on top
		}
		a.stack = append(a.stack, msg.s)
		a.fullHelp = false
		a.status = statusMsg{} // a status belongs to the screen it came from
		return msg.s.Init()
	case popMsg:
		return a.back()
	case tea.KeyPressMsg:
		return a.key(msg)
	case tea.MouseClickMsg:
		return a.click(msg.Mouse())
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

func (a *App) back() tea.Cmd {
	if len(a.stack) <= 1 {
		return nil
	}
	left := a.top()
	// Leaving stops the screen's loads; its downloads go on in the
	// background (esc anywhere cancels them).
	if l, ok := left.(interface{ Leave() }); ok {
		l.Leave()
	} else {
		left.Cancel()
	}
	a.stack = a.stack[:len(a.stack)-1]
	a.status = statusMsg{} // a status belongs to the screen it came from
	// A screen that changed something in Azure has the one below read
	// again, so it does not show what was true before.
	if c, ok := left.(interface{ Changed() bool }); ok && c.Changed() {
		if r, ok := a.top().(interface{ reload() tea.Cmd }); ok {
			return r.reload()
		}
	}
	return nil
}

func (a *App) key(msg tea.KeyPressMsg) tea.Cmd {
	k := a.c.keys
	if a.confirm != nil {
		return a.confirmKey(msg)
	}
	if msg.String() == "ctrl+c" {
		return a.askQuit()
	}
	if a.tooSmall() {
		// Nothing the person cannot see may act: only quit works here.
		if key.Matches(msg, k.Quit) {
			return a.askQuit()
		}
		return nil
	}
	if a.ask != nil {
		return a.answerExists(msg)
	}
	if a.fullHelp {
		// Help covers the screen: no key reaches the rows hidden below it.
		switch {
		case key.Matches(msg, k.Help), key.Matches(msg, k.Back):
			a.fullHelp = false
		case key.Matches(msg, k.Lang):
			a.setLanguage(i18n.Next()) // the help redraws in the other language
		case key.Matches(msg, k.Quit):
			return a.askQuit()
		}
		return nil
	}
	if a.top().Capturing() {
		return fromScreen(a.top().ID(), a.top().Update(msg))
	}
	if a.status.url == "" {
		a.status = statusMsg{} // a link to copy stays until its screen is left
	}
	switch {
	case key.Matches(msg, k.Copy) && a.status.url != "":
		return a.copy(a.status.url)
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
		return a.askQuit()
	case key.Matches(msg, k.Help):
		a.fullHelp = true
		return nil
	case key.Matches(msg, k.Lang):
		a.setLanguage(i18n.Next())
		return nil
	case msg.String() == "esc" && a.top().Busy():
		a.top().Cancel()
		return nil
	case msg.String() == "esc" && a.c.dl.active(0):
		a.c.dl.cancelOwned(0) // esc cancels work in flight; backspace still goes back
		return nil
	case msg.String() == "esc" && a.clearFilter():
		return nil
	case key.Matches(msg, k.Back):
		return a.askBack()
	}
	if cmd, ok := a.globalKey(msg); ok {
		return cmd
	}
	return fromScreen(a.top().ID(), a.top().Update(msg))
}

// clearFilter clears a kept filter on the screen on top: esc does that
// before it goes back.
func (a *App) clearFilter() bool {
	if f, ok := a.top().(interface{ clearFilter() bool }); ok {
		return f.clearFilter()
	}
	return false
}

// tooSmall: below the minimum size the app shows only a notice.
func (a *App) tooSmall() bool { return a.c.width < minWidth || a.c.height < minHeight }

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
