package client

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/runtime"
)

// maxPollDelay caps a service's Retry-After between polls of a running
// operation so a hostile or mistaken value cannot park the app for hours;
// the user can still cancel.
const maxPollDelay = time.Minute

// maxPollFailures is how many status polls in a row (each already retried
// by the policy) may answer 408/429/5xx before the operation is reported.
const maxPollFailures = 3

// waitLRO drives a long-running operation to its end: it polls every
// PollEvery unless the service's Retry-After says otherwise, tells poll
// how long it has been, and bounds each poll by CallTimeout and the whole
// operation by LROTimeout. Polls that keep answering 408, 429 or 5xx
// (which the SDK takes for "not finished") end it after maxPollFailures
// in a row or PollGiveUp, whichever comes first, and the error says what
// Azure answered and for how long.
func waitLRO[T any](ctx context.Context, l *Live, op string, p *runtime.Poller[T], poll PollFunc) (T, error) {
	var zero T
	ctx, cancel := context.WithTimeout(ctx, l.lroTO)
	defer cancel()
	start := time.Now()
	delay := l.pollEvery
	failures, tries := 0, 0
	var troubleSince time.Time
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
		n, _ := triesOf(resp)
		tries += max(n, 1)
		if resp != nil && retryStatus(resp.StatusCode) {
			if failures == 0 {
				troubleSince = time.Now()
			}
			failures++
			asked := askedWait(resp)
			switch {
			case asked > l.retry.Ceiling:
				return zero, &Error{Op: op, Status: resp.StatusCode, Code: safeText(resp.Header.Get("x-ms-error-code"), 100),
					Message: "the operation's status asked to wait longer than azinvoice waits unasked",
					Tries:   tries, Spent: time.Since(troubleSince), RetryAfter: asked}
			case failures >= maxPollFailures || time.Since(troubleSince) >= l.retry.PollGiveUp:
				return zero, &Error{Op: op, Status: resp.StatusCode, Code: safeText(resp.Header.Get("x-ms-error-code"), 100),
					Message: "the operation's status kept failing", Tries: tries, Spent: time.Since(troubleSince), RetryAfter: asked, Err: ErrPollGaveUp}
			}
		} else {
			failures, tries = 0, 0
		}
		delay = retryAfter(resp, l.pollEvery)
		if failures > 0 && delay == l.pollEvery {
			delay = l.retry.backoff(failures)
		}
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
