package ui

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"
)

// loadedMsg carries one answer back to the screen that asked for it.
// The root routes it by screen; the screen drops it if seq is stale.
type loadedMsg struct {
	screen int
	seq    int
	value  any
	err    error
}

// pushMsg puts a screen on top of the stack; popMsg takes the top one off.
type (
	pushMsg struct {
		s    screen
		from int // the screen that asked; 0 until the root tags it
	}
	popMsg struct{}
)

func push(s screen) tea.Cmd { return func() tea.Msg { return pushMsg{s: s} } }

// fromScreen tags the screens a command pushes with the screen that asked,
// so a push that arrives after the person went back is dropped instead of
// landing on the wrong parent.
func fromScreen(id int, cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() tea.Msg {
		switch m := cmd().(type) {
		case pushMsg:
			m.from = id
			return m
		case tea.BatchMsg:
			for i := range m {
				m[i] = fromScreen(id, m[i])
			}
			return m
		default:
			return m
		}
	}
}
func pop() tea.Msg { return popMsg{} }

// requestTimeout bounds every load a screen starts.
const requestTimeout = 3 * time.Minute

// loader is the part of a screen that fetches: one request at a time,
// cancellable with Esc, its answer tagged so a late one is dropped.
type loader struct {
	c       *common
	id      int
	seq     int
	loading bool
	started time.Time
	cancelF context.CancelFunc
	err     error
	// canceled is set when the person cancelled the last load.
	canceled bool
}

func newLoader(c *common) loader { return loader{c: c, id: c.newID()} }

// start cancels any load in flight and runs fn in a Cmd.
func (l *loader) start(fn func(ctx context.Context) (any, error)) tea.Cmd {
	l.cancel()
	l.canceled = false
	l.seq++
	l.loading, l.err, l.started = true, nil, l.c.now()
	ctx, cancel := context.WithTimeout(l.c.ctx, requestTimeout)
	l.cancelF = cancel
	id, seq := l.id, l.seq
	return func() tea.Msg {
		v, err := fn(ctx)
		cancel()
		return loadedMsg{screen: id, seq: seq, value: v, err: err}
	}
}

// cancel stops the load in flight, if any.
func (l *loader) cancel() {
	if l.cancelF != nil {
		l.cancelF()
		l.cancelF = nil
	}
	if l.loading {
		l.loading, l.canceled = false, true
	}
}

// accept reports whether msg answers this loader's latest request, and
// records its error.
func (l *loader) accept(msg loadedMsg) bool {
	if msg.screen != l.id || msg.seq != l.seq || !l.loading {
		return false
	}
	l.loading, l.cancelF = false, nil
	l.err = msg.err
	return true
}
