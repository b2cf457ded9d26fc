package client

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/runtime"
)

// maxPollDelay caps a service's Retry-After so a hostile or mistaken
// value cannot park the app for hours; the user can still cancel.
const maxPollDelay = time.Minute

// maxPollFailures is how many status polls in a row may answer 5xx before
// the operation is reported as failed.
const maxPollFailures = 3

// waitLRO drives a long-running operation to its end: it polls every
// PollEvery unless the service's Retry-After says otherwise, tells poll
// how long it has been, and bounds each poll by CallTimeout and the whole
// operation by LROTimeout.
func waitLRO[T any](ctx context.Context, l *Live, op string, p *runtime.Poller[T], poll PollFunc) (T, error) {
	var zero T
	ctx, cancel := context.WithTimeout(ctx, l.lroTO)
	defer cancel()
	start := time.Now()
	delay := l.pollEvery
	failures := 0
	for !p.Done() {
		if poll != nil {
			poll(time.Since(start))
		}
		if err := sleep(ctx, delay); err != nil {
			return zero, wrap(op, err)
		}
		pctx, pcancel := l.call(ctx)
		resp, err := p.Poll(pctx)
		pcancel()
		if err != nil {
			return zero, wrap(op, ctxErr(ctx, err))
		}
		// The SDK keeps polling through 5xx answers (after its own retries);
		// a service that keeps failing is reported, not waited on for the
		// whole LRO timeout.
		if resp != nil && resp.StatusCode >= 500 {
			if failures++; failures >= maxPollFailures {
				return zero, &Error{Op: op, Status: resp.StatusCode, Message: "the operation's status kept failing"}
			}
		} else {
			failures = 0
		}
		delay = retryAfter(resp, l.pollEvery)
	}
	if poll != nil {
		poll(time.Since(start))
	}
	rctx, rcancel := l.call(ctx)
	defer rcancel()
	res, err := p.Result(rctx)
	if err != nil {
		return zero, wrap(op, ctxErr(ctx, err))
	}
	return res, nil
}

func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// retryAfter reads how long the service asked us to wait (retry-after-ms,
// x-ms-retry-after-ms, or Retry-After in seconds or as an HTTP date),
// falling back to def and capped at maxPollDelay.
func retryAfter(resp *http.Response, def time.Duration) time.Duration {
	if resp == nil {
		return def
	}
	d := def
	h := resp.Header
	if v := firstHeader(h, "Retry-After-Ms", "X-Ms-Retry-After-Ms"); v != "" {
		if ms, err := strconv.ParseInt(v, 10, 64); err == nil && ms >= 0 {
			d = time.Duration(ms) * time.Millisecond
		}
	} else if v := strings.TrimSpace(h.Get("Retry-After")); v != "" {
		if s, err := strconv.ParseInt(v, 10, 64); err == nil && s >= 0 {
			d = time.Duration(s) * time.Second
		} else if at, err := http.ParseTime(v); err == nil {
			d = time.Until(at)
		}
	}
	if d < 0 {
		d = 0
	}
	if d > maxPollDelay {
		d = maxPollDelay
	}
	return d
}

func firstHeader(h http.Header, names ...string) string {
	for _, n := range names {
		if v := strings.TrimSpace(h.Get(n)); v != "" {
			return v
		}
	}
	return ""
}
