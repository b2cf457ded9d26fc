package client

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/azinvoice/azinvoice/model"
)

const (
	fetchBuffer   = 32 << 10               // bytes per read/write
	progressEvery = 100 * time.Millisecond // at most ~10 progress calls a second
)

// stallTimeout is how long a download may go without a byte; a var so
// tests can shorten it.
var stallTimeout = time.Minute

var errStalled = errors.New("download stalled")

// Fetch streams link's content to w with the plain blob client: no bearer
// token, no Authorization header, whatever the transport. It fails with
// ErrTruncated when fewer bytes than Content-Length arrive, and no error
// it returns contains the link's query string.
//
// Per the retry policy, an answer of 408, 429 or 5xx, or a connection that
// fails before the first byte, is tried again on the same link. Once bytes
// have reached w it is not (w cannot be rewound): the error is ErrTruncated
// and Save starts the file again. A 403 is never retried here: the link
// has expired, and only a new download operation gives a new one.
func (l *Live) Fetch(ctx context.Context, link Link, w io.Writer, progress func(done, size int64)) (string, error) {
	start := time.Now()
	for try := 1; ; try++ {
		ctype, wrote, resp, err := l.fetchOnce(ctx, link, w, progress)
		if err == nil {
			return ctype, nil
		}
		e := asError("download file", err)
		e.Tries, e.Spent = try, time.Since(start)
		e.RetryAfter = askedWait(resp)
		retriable := !wrote && ctx.Err() == nil &&
			((resp != nil && retryStatus(resp.StatusCode)) || (resp == nil && IsNetErr(err)))
		if !retriable || try > l.retry.MaxRetries || e.RetryAfter > l.retry.Ceiling {
			l.log.Warn("download failed", "link", link.String(), "status", e.Status, "code", e.Code,
				"tries", e.Tries, "spent", e.Spent.Round(time.Millisecond), "err", e.Message)
			return ctype, e
		}
		wait := e.RetryAfter
		if wait == 0 {
			wait = l.retry.backoff(try)
		}
		l.log.Debug("retrying download", "link", link.String(), "try", try, "status", e.Status, "err", e.Message, "wait", wait)
		if err := sleep(ctx, wait); err != nil {
			e.Err, e.Message = ctxErr(ctx, err), "cancelled"
			return ctype, e
		}
	}
}

// asError is err as an *Error of op (a copy, so the caller may add to it).
func asError(op string, err error) *Error {
	var e *Error
	if errors.As(wrap(op, err), &e) {
		c := *e
		return &c
	}
	return &Error{Op: op, Message: safeText(err.Error(), maxMessage), Err: err}
}

// fetchOnce is one GET of link. wrote says whether any byte reached w;
// resp is the answer when one came (its body already closed).
func (l *Live) fetchOnce(ctx context.Context, link Link, w io.Writer, progress func(done, size int64)) (string, bool, *http.Response, error) {
	const op = "download file"
	if link.URL == "" {
		return "", false, nil, &Error{Op: op, Message: "no link"}
	}
	// A transfer that stops sending bytes is cancelled after stallTimeout:
	// the read itself would otherwise wait as long as the server likes.
	ctx, stop := context.WithCancelCause(ctx)
	defer stop(nil)
	watchdog := time.AfterFunc(stallTimeout, func() { stop(errStalled) })
	defer watchdog.Stop()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, link.URL, nil)
	if err != nil {
		return "", false, nil, &Error{Op: op, Message: "bad link " + link.String()}
	}
	if req.URL.Scheme != "https" {
		return "", false, nil, &Error{Op: op, Message: "refusing a non-https link " + link.String()}
	}
	req.Header.Del("Authorization")
	resp, err := l.blob.Do(req)
	if err != nil {
		if errors.Is(context.Cause(ctx), errStalled) {
			return "", false, nil, &Error{Op: op, Message: fmt.Sprintf("no answer for %v from %s", stallTimeout, link.String()), Err: errStalled}
		}
		return "", false, nil, wrap(op, ctxErr(ctx, err))
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		// Blob storage names its error in a header; the body is XML we do not need.
		_, _ = io.CopyN(io.Discard, resp.Body, 4<<10)
		return "", false, resp, &Error{Op: op, Status: resp.StatusCode, Code: safeText(resp.Header.Get("x-ms-error-code"), 100),
			Message: "from " + link.String(), Blob: true}
	}
	ctype := model.Clean(resp.Header.Get("Content-Type"))
	size := resp.ContentLength
	n, err := copyProgress(ctx, w, resp.Body, size, func(done, size int64) {
		watchdog.Reset(stallTimeout)
		if progress != nil {
			progress(done, size)
		}
	})
	wrote := n > 0
	if err != nil {
		if errors.Is(context.Cause(ctx), errStalled) {
			return ctype, wrote, nil, &Error{Op: op, Message: fmt.Sprintf("no data for %v from %s", stallTimeout, link.String()), Err: ErrTruncated}
		}
		if ctx.Err() == nil && !wrote && !errors.Is(err, ErrTruncated) && IsNetErr(err) {
			return ctype, false, nil, wrap(op, err)
		}
		if ctx.Err() == nil && !errors.Is(err, ErrTruncated) && IsNetErr(err) {
			// A reset part-way: the file is cut off, whatever the transport calls it.
			return ctype, wrote, nil, &Error{Op: op, Message: fmt.Sprintf("connection lost after %d bytes from %s", n, link.String()), Err: ErrTruncated}
		}
		return ctype, wrote, nil, wrap(op, ctxErr(ctx, err))
	}
	if size >= 0 && n != size {
		return ctype, wrote, nil, &Error{Op: op, Message: fmt.Sprintf("got %d of %d bytes from %s", n, size, link.String()), Err: ErrTruncated}
	}
	return ctype, wrote, nil, nil
}

// copyProgress copies with a fixed buffer, reporting progress at most every
// progressEvery and once at the end, and stops when ctx is cancelled.
func copyProgress(ctx context.Context, w io.Writer, r io.Reader, size int64, progress func(done, size int64)) (int64, error) {
	buf := make([]byte, fetchBuffer)
	var n int64
	last := time.Now()
	for {
		if err := ctx.Err(); err != nil {
			return n, err
		}
		m, rerr := r.Read(buf)
		if m > 0 {
			wm, werr := w.Write(buf[:m])
			n += int64(wm)
			if werr != nil {
				return n, werr
			}
			if wm != m {
				return n, io.ErrShortWrite
			}
			if progress != nil && time.Since(last) >= progressEvery {
				last = time.Now()
				progress(n, size)
			}
		}
		if rerr == io.EOF {
			break
		}
		if rerr != nil {
			if errors.Is(rerr, io.ErrUnexpectedEOF) {
				return n, fmt.Errorf("%w: connection closed early (%v)", ErrTruncated, rerr)
			}
			return n, rerr
		}
	}
	if progress != nil {
		progress(n, size)
	}
	return n, nil
}
