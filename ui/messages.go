package ui

import (
	"context"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/azinvoice/azinvoice/client"
	"github.com/azinvoice/azinvoice/ui/i18n"
)

// loadedMsg carries one answer back to the screen that asked for it.
// The root routes it by screen; the screen drops it if seq is stale.
type loadedMsg struct {
	screen int
	seq    int
	value  any
	err    error
	// partial: value is what has arrived so far; next waits for more.
	partial bool
	next    tea.Cmd
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
	// waitFirst is the wait Azure asked for that this load sits out first.
	waitFirst time.Duration
}

func newLoader(c *common) loader { return loader{c: c, id: c.newID()} }

// start cancels any load in flight and runs fn in a Cmd.
func (l *loader) start(fn func(ctx context.Context) (any, error)) tea.Cmd {
	ctx, cancel, wait := l.arm()
	id, seq := l.id, l.seq
	return func() tea.Msg {
		if err := waitOut(ctx, wait); err != nil {
			cancel()
			return loadedMsg{screen: id, seq: seq, err: err}
		}
		v, err := fn(ctx)
		cancel()
		return loadedMsg{screen: id, seq: seq, value: v, err: err}
	}
}

// arm cancels the load in flight and sets up the next: its context and
// how long to wait first. When the last load failed because Azure asked
// for a wait longer than the client waits unasked, starting again (the
// person's choice: r) first waits that out, cancellable like the load.
func (l *loader) arm() (context.Context, context.CancelFunc, time.Duration) {
	var wait time.Duration
	if l.err != nil {
		_, _, wait = client.Retries(l.err)
	}
	l.cancel()
	l.canceled = false
	l.seq++
	l.loading, l.err, l.started, l.waitFirst = true, nil, l.c.now(), wait
	ctx, cancel := context.WithTimeout(l.c.ctx, requestTimeout+wait)
	l.cancelF = cancel
	return ctx, cancel, wait
}

func waitOut(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// startStream is start for a load that reports what it has so far: each
// emit becomes a partial loadedMsg (the newest snapshot wins; none queues
// behind a slow screen), and the final answer a whole one.
func (l *loader) startStream(fn func(ctx context.Context, emit func(any)) (any, error)) tea.Cmd {
	ctx, cancel, wait := l.arm()
	id, seq := l.id, l.seq
	box := &mailbox{ready: make(chan struct{}, 1)}
	go func() {
		defer cancel()
		if err := waitOut(ctx, wait); err != nil {
			box.finish(loadedMsg{screen: id, seq: seq, err: err})
			return
		}
		v, err := fn(ctx, box.put)
		box.finish(loadedMsg{screen: id, seq: seq, value: v, err: err})
	}()
	var next tea.Cmd
	next = func() tea.Msg {
		m := box.take()
		if m.partial {
			m.screen, m.seq, m.next = id, seq, next
		}
		return m
	}
	return next
}

// mailbox holds the newest partial value and, at the end, the answer.
type mailbox struct {
	mu    sync.Mutex
	value any
	has   bool
	final *loadedMsg
	ready chan struct{}
}

func (b *mailbox) put(v any) {
	b.mu.Lock()
	b.value, b.has = v, true
	b.mu.Unlock()
	select {
	case b.ready <- struct{}{}:
	default:
	}
}

func (b *mailbox) finish(m loadedMsg) {
	b.mu.Lock()
	b.final = &m
	b.mu.Unlock()
	select {
	case b.ready <- struct{}{}:
	default:
	}
}

func (b *mailbox) take() loadedMsg {
	for {
		b.mu.Lock()
		switch {
		case b.final != nil:
			m := *b.final
			b.mu.Unlock()
			return m
		case b.has:
			v := b.value
			b.has = false
			b.mu.Unlock()
			return loadedMsg{value: v, partial: true}
		}
		b.mu.Unlock()
		<-b.ready // the producer ends with ctx, and finish wakes us
	}
}

// view is the loading state: the wait Azure asked for while it is sat
// out, then the usual spinner.
func (l *loader) view(whatID string) string {
	if left := l.waitFirst - l.c.now().Sub(l.started); l.waitFirst > 0 && left > 0 {
		return l.c.spin + " " + i18n.T("state.waiting", map[string]any{"Seconds": int(left.Seconds() + 0.999)}) +
			"\n" + l.c.st.Dim.Render(i18n.T("state.loading.hint"))
	}
	return loadingView(l.c, whatID, l.started)
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
