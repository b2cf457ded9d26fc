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
func (l *Live) Fetch(ctx context.Context, link Link, w io.Writer, progress func(done, size int64)) (string, error) {
	const op = "download file"
	if link.URL == "" {
		return "", &Error{Op: op, Message: "no link"}
	}
	// A transfer that stops sending bytes is cancelled after stallTimeout:
	// the read itself would otherwise wait as long as the server likes.
	ctx, stop := context.WithCancelCause(ctx)
	defer stop(nil)
	watchdog := time.AfterFunc(stallTimeout, func() { stop(errStalled) })
	defer watchdog.Stop()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, link.URL, nil)
	if err != nil {
		return "", &Error{Op: op, Message: "bad link " + link.String()}
	}
	if req.URL.Scheme != "https" {
		return "", &Error{Op: op, Message: "refusing a non-https link " + link.String()}
	}
	req.Header.Del("Authorization")
	resp, err := l.blob.Do(req)
	if err != nil {
		return "", wrap(op, ctxErr(ctx, err))
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		// Blob storage names its error in a header; the body is XML we do not need.
		_, _ = io.CopyN(io.Discard, resp.Body, 4<<10)
		return "", &Error{Op: op, Status: resp.StatusCode, Code: safeText(resp.Header.Get("x-ms-error-code"), 100),
			Message: "from " + link.String()}
	}
	ctype := model.Clean(resp.Header.Get("Content-Type"))
	size := resp.ContentLength
	n, err := copyProgress(ctx, w, resp.Body, size, func(done, size int64) {
		watchdog.Reset(stallTimeout)
		if progress != nil {
			progress(done, size)
		}
	})
	if err != nil {
		if errors.Is(context.Cause(ctx), errStalled) {
			return ctype, &Error{Op: op, Message: fmt.Sprintf("no data for %v from %s", stallTimeout, link.String()), Err: ErrTruncated}
		}
		return ctype, wrap(op, ctxErr(ctx, err))
	}
	if size >= 0 && n != size {
		return ctype, &Error{Op: op, Message: fmt.Sprintf("got %d of %d bytes from %s", n, size, link.String()), Err: ErrTruncated}
	}
	return ctype, nil
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
