package cli

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/azinvoice/azinvoice/client"
	"github.com/azinvoice/azinvoice/model"
	"github.com/azinvoice/azinvoice/ui/i18n"
)

// progress shows a bulk download on stderr: on a terminal, a bar for each
// file in flight and one for the total, redrawn in place; otherwise one
// plain line per file as it ends.
type progress struct {
	w     io.Writer
	tty   bool
	total int

	mu      sync.Mutex
	nextID  int
	active  map[int]*fileState
	order   []int
	ended   int
	drawn   int // lines of the live area on screen
	tick    *time.Ticker
	stopped chan struct{}
	once    sync.Once
}

type fileState struct {
	name string
	p    client.JobProgress
}

func newProgress(o *IO, total int) *progress {
	pr := &progress{w: o.Err, tty: o.ErrTTY && o.getenv("TERM") != "dumb", total: total, active: map[int]*fileState{}, stopped: make(chan struct{})}
	if pr.tty && total > 0 {
		pr.tick = time.NewTicker(120 * time.Millisecond)
		go func() {
			for {
				select {
				case <-pr.tick.C:
					pr.mu.Lock()
					pr.redraw()
					pr.mu.Unlock()
				case <-pr.stopped:
					return
				}
			}
		}()
	}
	return pr
}

func (pr *progress) start(name string) int {
	pr.mu.Lock()
	defer pr.mu.Unlock()
	pr.nextID++
	pr.active[pr.nextID] = &fileState{name: model.Clean(name), p: client.JobProgress{Preparing: true, Size: -1}}
	pr.order = append(pr.order, pr.nextID)
	return pr.nextID
}

func (pr *progress) update(id int, p client.JobProgress) {
	pr.mu.Lock()
	if st := pr.active[id]; st != nil {
		st.p = p
	}
	pr.mu.Unlock()
}

func (pr *progress) finish(id int, r FileJSON) {
	pr.mu.Lock()
	defer pr.mu.Unlock()
	delete(pr.active, id)
	for i, v := range pr.order {
		if v == id {
			pr.order = append(pr.order[:i], pr.order[i+1:]...)
			break
		}
	}
	pr.ended++
	line := i18n.T("cli.dl.line."+r.Outcome, map[string]any{"File": model.Clean(r.File), "Reason": r.Reason,
		"N": pr.ended, "Total": pr.total})
	if pr.tty {
		pr.clear()
		fmt.Fprintln(pr.w, line)
		pr.redraw()
		return
	}
	fmt.Fprintln(pr.w, line)
}

func (pr *progress) stop() {
	pr.once.Do(func() {
		close(pr.stopped)
		if pr.tick != nil {
			pr.tick.Stop()
		}
		pr.mu.Lock()
		pr.clear()
		pr.mu.Unlock()
	})
}

// clear erases the live area (cursor up over it, then clear to the end).
func (pr *progress) clear() {
	if pr.drawn > 0 {
		fmt.Fprintf(pr.w, "\x1b[%dA\r\x1b[J", pr.drawn)
		pr.drawn = 0
	}
}

const barWidth = 16

func bar(frac float64) string {
	n := int(frac * barWidth)
	n = min(max(n, 0), barWidth)
	return "[" + strings.Repeat("█", n) + strings.Repeat("░", barWidth-n) + "]"
}

func (pr *progress) redraw() {
	pr.clear()
	var b strings.Builder
	lines := 0
	for _, id := range pr.order {
		st := pr.active[id]
		name := ansi.Truncate(st.name, 30, "…")
		var state string
		switch {
		case st.p.Preparing:
			state = i18n.T("cli.dl.preparing", map[string]any{"Seconds": int(st.p.Elapsed.Seconds())})
			state = bar(0) + " " + state
		case st.p.Size > 0:
			state = bar(float64(st.p.Done)/float64(st.p.Size)) + " " + bytesText(st.p.Done) + " / " + bytesText(st.p.Size)
		default:
			state = bar(0) + " " + bytesText(st.p.Done)
		}
		// A wrapped line would throw off the cursor-up count: stay in 79 columns.
		b.WriteString(ansi.Truncate("  "+name+strings.Repeat(" ", 31-ansi.StringWidth(name))+state, 79, "…") + "\n")
		lines++
	}
	frac := 0.0
	if pr.total > 0 {
		frac = float64(pr.ended) / float64(pr.total)
	}
	fmt.Fprintf(&b, "%s %s\n", bar(frac), i18n.T("cli.dl.total", map[string]any{"N": pr.ended, "Total": pr.total}))
	lines++
	io.WriteString(pr.w, b.String())
	pr.drawn = lines
}

func bytesText(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f kB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
