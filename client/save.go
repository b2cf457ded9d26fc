package client

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/azinvoice/azinvoice/model"
)

// JobKind is what a download job fetches.
type JobKind int

const (
	JobInvoicePDF JobKind = iota // the invoice PDF (or one chosen document)
	JobDocuments                 // every document, as one zip
	JobUsage                     // the billing period's daily usage, as CSV
)

// Job is one file to save: the same for the UI and for scripted bulk runs.
type Job struct {
	Kind     JobKind
	Scope    model.Scope
	Invoice  model.Invoice
	Document *model.Document // JobInvoicePDF: a chosen document; nil = the invoice PDF
}

// Existing says what to do when the file is already there.
type Existing int

const (
	ExistingFail     Existing = iota // return ErrExists (the UI then asks)
	ExistingReplace                  // replace it, atomically
	ExistingKeepBoth                 // save as "name (2).ext"
	ExistingSkip                     // leave it; Save returns its path and ErrSkipped
)

// ErrSkipped: the file existed and the job was told to skip it.
var ErrSkipped = errors.New("file exists; skipped")

// JobProgress reports a job: first the service preparing (the download
// operation or the usage report), then bytes arriving.
type JobProgress struct {
	Preparing bool
	Elapsed   time.Duration
	Done      int64
	Size      int64 // -1 when unknown
	Rows      int64
	// NoUsage and Unreadable pass on UsageProgress's: the period had no
	// usage (the file is the header only); records left out, unreadable.
	NoUsage    bool
	Unreadable int64
}

// FileName is the job's file name, built only from the invoice name, its
// period and the document kind, and made safe whatever Azure sent.
func (j Job) FileName() string {
	period := ""
	if !j.Invoice.Period.Start.IsZero() {
		period = j.Invoice.Period.Start.Format("2006-01")
	}
	name := j.Invoice.Name
	if name == "" {
		name = "invoice"
	}
	switch j.Kind {
	case JobDocuments:
		return SafeName(name, period, "documents", ".zip")
	case JobUsage:
		return SafeName(name, period, "usage", ".csv")
	}
	if j.Document != nil {
		return docFileName(name, period, j.Scope.Agreement, j.Document)
	}
	return SafeName(name, period, ".pdf")
}

// Save runs a job into dir: the long-running operation, then the stream,
// written through SaveAtomic so a failed or cancelled job leaves nothing
// under the final name. It returns the path written.
func Save(ctx context.Context, b Billing, dir string, j Job, existing Existing, progress func(JobProgress)) (string, error) {
	if progress == nil {
		progress = func(JobProgress) {}
	}
	cleanOnce(dir)
	name := j.FileName()
	final := filepath.Join(dir, name)
	target := name
	if _, err := os.Lstat(final); err == nil {
		switch existing {
		case ExistingFail:
			return final, &Error{Op: "save file", Message: name, Err: ErrExists}
		case ExistingSkip:
			return final, ErrSkipped
		case ExistingKeepBoth:
			target = UniqueName(dir, name)
		case ExistingReplace:
			// A hidden name of its own, renamed over the old file once whole:
			// no visible copy is left if anything stops half-way.
			target = fmt.Sprintf(".%s.%d.new", name, time.Now().UnixNano())
		}
	}
	start := time.Now()
	poll := func(el time.Duration) { progress(JobProgress{Preparing: true, Elapsed: el, Size: -1}) }
	fetch := func(link Link) func(io.Writer) error {
		return func(w io.Writer) error {
			_, err := b.Fetch(ctx, link, w, func(done, size int64) {
				progress(JobProgress{Elapsed: time.Since(start), Done: done, Size: size})
			})
			return err
		}
	}
	// The retry policy at the level of a whole file: a body cut off
	// part-way starts the file again (a fresh temp file), and a link the
	// blob host refuses (expired) is replaced by running the download
	// operation again, never by asking with the same link.
	rp := DefaultRetry()
	if r, ok := b.(interface{ Retry() RetryPolicy }); ok {
		rp = r.Retry()
	}
	var (
		path             string
		err              error
		link             Link
		restarts, renews int
		tries            int
	)
	for {
		switch j.Kind {
		case JobUsage:
			path, err = SaveAtomic(ctx, dir, target, 0o600, CheckCSV, func(w io.Writer) error {
				return b.Usage(ctx, j.Scope, j.Invoice, w, func(p UsageProgress) {
					progress(JobProgress{Preparing: p.Preparing, Elapsed: p.Elapsed, Done: p.Bytes, Size: -1, Rows: p.Rows,
						NoUsage: p.NoUsage, Unreadable: p.Unreadable})
				})
			})
		default:
			if link.URL == "" || (!link.Expires.IsZero() && time.Until(link.Expires) < 5*time.Second) {
				var lerr error
				if j.Kind == JobDocuments {
					link, lerr = b.DocumentsLink(ctx, j.Scope, j.Invoice.Name, j.Invoice.Documents, poll)
				} else {
					link, lerr = b.DocumentLink(ctx, j.Scope, j.Invoice.Name, j.Document, poll)
				}
				if lerr != nil {
					return "", lerr
				}
			}
			check := j.check()
			if j.Kind == JobDocuments {
				check = CheckZip
			}
			path, err = SaveAtomic(ctx, dir, target, 0o600, check, fetch(link))
		}
		if err == nil {
			break
		}
		var e *Error
		if errors.As(err, &e) {
			tries += max(e.Tries, 1)
		}
		if ctx.Err() != nil {
			return "", err
		}
		switch {
		case Classify(err) == CauseLink && renews < 1:
			renews++
			link = Link{} // a new operation, a new link
			continue
		case errors.Is(err, ErrTruncated) && restarts < rp.MaxRetries:
			restarts++
			if serr := sleep(ctx, rp.backoff(restarts)); serr != nil {
				return "", wrap("save file", serr)
			}
			continue
		}
		if e != nil && (restarts > 0 || renews > 0) {
			c := *e
			c.Tries, c.Spent = tries, time.Since(start)
			if renews > 0 && Classify(err) == CauseLink {
				c.Message = "the blob host refused a fresh download link too: " + c.Message
			}
			return "", &c
		}
		return "", err
	}
	if existing == ExistingReplace && target != name {
		if err := os.Rename(path, final); err != nil {
			_ = os.Remove(path)
			return "", fileErr("replace file", err)
		}
		syncDir(dir)
		path = final
	}
	return path, nil
}

// leftoverAge is how old a hidden temp file must be before it counts as
// left by a killed process: a live download writes to its file at least
// every stallTimeout.
const leftoverAge = 15 * time.Minute

var cleaned sync.Map // dir -> struct{}: each folder is swept once a run

// cleanOnce sweeps dir of a killed run's temp files the first time this
// process saves there.
func cleanOnce(dir string) {
	if _, done := cleaned.LoadOrStore(dir, struct{}{}); !done {
		CleanLeftovers(dir, leftoverAge)
	}
}
