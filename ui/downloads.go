package ui

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"charm.land/bubbles/v2/progress"
	tea "charm.land/bubbletea/v2"

	"github.com/azinvoice/azinvoice/client"
	"github.com/azinvoice/azinvoice/ui/i18n"
)

// downloadTimeout bounds one download, preparing included.
const downloadTimeout = 30 * time.Minute

type dlState int

const (
	dlRunning dlState = iota
	dlDone
	dlFailed
	dlCanceled
)

// dlJob is one download the person started; several run at once while
// they keep browsing.
type dlJob struct {
	id      int
	owner   int // the screen that started it: esc there cancels it
	job     client.Job
	name    string
	state   dlState
	prog    client.JobProgress
	started time.Time
	path    string
	err     error
	cancel  context.CancelFunc
	// canceling: cancel was asked; the job runs until its goroutine has
	// removed the temporary file and said so.
	canceling bool
}

// dlEvent is a job's progress or end, sent from its goroutine.
type dlEvent struct {
	id   int
	prog *client.JobProgress
	path string
	err  error
	end  bool
}

// askExistsMsg asks what to do with a file that is already there.
type askExistsMsg struct {
	owner int
	job   client.Job
	path  string
}

// downloads runs jobs in the background and feeds their events to the root
// through one channel, read by listen().
type downloads struct {
	c      *common
	jobs   []*dlJob
	nextID int
	events chan dlEvent
	bar    progress.Model
	// pump is set by tests, which read events themselves instead of
	// leaving a blocking listen() to the runtime.
	pump bool
	// running counts job goroutines, so quitting can wait for them to
	// remove their temporary files.
	running sync.WaitGroup
}

func newDownloads(c *common) *downloads {
	return &downloads{c: c, events: make(chan dlEvent, 256),
		bar: progress.New(progress.WithWidth(20), progress.WithoutPercentage(), progress.WithDefaultBlend())}
}

// listen waits for the next event of any job.
func (d *downloads) listen() tea.Cmd {
	if d.pump {
		return nil
	}
	return func() tea.Msg { return <-d.events }
}

// start begins a job, or asks first when its file already exists.
func (d *downloads) start(owner int, j client.Job, existing client.Existing) tea.Cmd {
	dir := d.c.cfg.DownloadDir
	if dir == "" {
		dir = "."
	}
	name := j.FileName()
	for _, r := range d.jobs {
		if r.state == dlRunning && r.name == name {
			return func() tea.Msg { return statusMsg{text: i18n.T("dl.already", map[string]any{"Name": name})} }
		}
	}
	if existing == client.ExistingFail {
		if _, err := os.Lstat(filepath.Join(dir, name)); err == nil {
			return func() tea.Msg { return askExistsMsg{owner: owner, job: j, path: filepath.Join(dir, name)} }
		}
	}
	d.nextID++
	ctx, cancel := context.WithTimeout(d.c.ctx, downloadTimeout)
	job := &dlJob{id: d.nextID, owner: owner, job: j, name: name, started: d.c.now(), cancel: cancel,
		prog: client.JobProgress{Preparing: true, Size: -1}}
	d.jobs = append(d.jobs, job) // kept for the session: the downloads panel lists them all
	id, events, billing := job.id, d.events, d.c.cfg.Billing
	d.running.Add(1)
	go func() {
		defer d.running.Done()
		defer cancel()
		var last client.JobProgress // the end carries it: a period with no usage says so
		path, err := client.Save(ctx, billing, dir, j, existing, func(p client.JobProgress) {
			last = p
			select { // progress may be dropped when the UI is behind; the end never is
			case events <- dlEvent{id: id, prog: &p}:
			default:
			}
		})
		select { // the buffer has room; only a program torn down may not listen
		case events <- dlEvent{id: id, path: path, err: err, end: true, prog: &last}:
		case <-d.c.ctx.Done():
		}
	}()
	return nil
}

// runningCount is how many downloads run now.
func (d *downloads) runningCount() int {
	n := 0
	for _, j := range d.jobs {
		if j.state == dlRunning {
			n++
		}
	}
	return n
}

// handle applies an event; it returns a status line when a job ended.
func (d *downloads) handle(ev dlEvent) (statusMsg, bool) {
	for _, j := range d.jobs {
		if j.id != ev.id {
			continue
		}
		if !ev.end {
			if j.state == dlRunning && ev.prog != nil {
				j.prog = *ev.prog
			}
			return statusMsg{}, false
		}
		j.cancel()
		j.path, j.err = ev.path, ev.err
		switch {
		case ev.err == nil:
			j.state = dlDone
			return savedStatus(j.path, ev.prog), true
		case errors.Is(ev.err, context.Canceled) || j.canceling:
			j.state = dlCanceled
			return statusMsg{text: i18n.T("dl.canceled", map[string]any{"Name": j.name})}, true
		default:
			j.state = dlFailed
			info := describeOn(ev.err, onDownload)
			text := i18n.T("dl.failed", map[string]any{"Name": j.name, "Why": info.Why})
			if info.Did != "" {
				text += " " + info.Did
			}
			return statusMsg{text: text + " " + info.Do, isErr: true}, true
		}
	}
	return statusMsg{}, false
}

// wait blocks until every job goroutine has finished (after cancel, that
// is when its temporary file is gone), or timeout passes.
func (d *downloads) wait(timeout time.Duration) {
	done := make(chan struct{})
	go func() { d.running.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(timeout):
	}
}

// active reports whether owner (0: anyone) has a download running.
func (d *downloads) active(owner int) bool {
	for _, j := range d.jobs {
		if j.state == dlRunning && (owner == 0 || j.owner == owner) {
			return true
		}
	}
	return false
}

// cancelOwned cancels owner's running downloads (0: all of them).
func (d *downloads) cancelOwned(owner int) {
	for _, j := range d.jobs {
		if j.state == dlRunning && (owner == 0 || j.owner == owner) {
			j.canceling = true
			j.cancel()
		}
	}
}

// view is the status lines of running downloads: per file, then the batch.
func (d *downloads) view(width int) string {
	st := d.c.st
	var lines []string
	var done, size int64
	running, unknown := 0, false
	for _, j := range d.jobs {
		if j.state != dlRunning {
			continue
		}
		running++
		el := d.c.now().Sub(j.started)
		var line string
		if j.canceling {
			line = d.c.spin + " " + i18n.T("dl.canceling", map[string]any{"Name": j.name})
		} else if j.prog.Preparing {
			line = d.c.spin + " " + i18n.T("dl.preparing", map[string]any{"Name": j.name, "Seconds": int(el.Seconds())})
		} else {
			line = "↓ " + j.name + " " + d.progressText(j.prog, el)
		}
		if running <= 3 {
			lines = append(lines, truncate(line, width))
		}
		done += j.prog.Done
		if j.prog.Size > 0 {
			size += j.prog.Size
		} else {
			unknown = true
		}
	}
	if running > 1 {
		// A total is given only when every file's size is known; otherwise
		// "57 KiB of 0 B" would be a sum of guesses.
		id := "dl.batch"
		if unknown {
			id = "dl.batch.sofar"
		}
		lines = append(lines, st.Dim.Render(truncate(i18n.T(id, map[string]any{"Count": running,
			"Done": bytesText(done), "Size": bytesText(size)}), width)))
	}
	return strings.Join(lines, "\n")
}

func (d *downloads) progressText(p client.JobProgress, el time.Duration) string {
	rate := 0.0
	if el > 0 {
		rate = float64(p.Done) / el.Seconds()
	}
	out := ""
	if p.Size > 0 {
		out = d.bar.ViewAs(float64(p.Done)/float64(p.Size)) + fmt.Sprintf(" %3.0f%% ", 100*float64(p.Done)/float64(p.Size))
	}
	out += bytesText(p.Done)
	if p.Size > 0 {
		out += "/" + bytesText(p.Size)
	}
	if rate > 0 {
		out += "  " + bytesText(int64(rate)) + "/s"
		if p.Size > 0 && p.Done < p.Size {
			out += "  " + i18n.T("dl.eta", map[string]any{"Seconds": int(float64(p.Size-p.Done) / rate)})
		}
	}
	if p.Rows > 0 {
		out += "  " + i18n.T("dl.rows", map[string]any{"Count": p.Rows})
	}
	return out
}

func bytesText(n int64) string { return i18n.Bytes(n) }

// savedStatus is the line for a saved file; a usage file of a period with
// no usage, or with records left out, says so.
func savedStatus(path string, p *client.JobProgress) statusMsg {
	text := i18n.T("dl.saved", map[string]any{"Path": path})
	if p != nil && p.NoUsage {
		text = i18n.T("shapes.dl.nousage", map[string]any{"Path": path})
	}
	if p != nil && p.Unreadable > 0 {
		return statusMsg{text: text + " " + i18n.T("shapes.dl.unreadable", map[string]any{"Count": p.Unreadable}), isErr: true}
	}
	return statusMsg{text: text}
}
