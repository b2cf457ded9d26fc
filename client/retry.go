package client

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
)

// The retry policy, stated once. Every call azinvoice makes goes through it.
//
//   - Reads (GET, and the POSTs that only ask: checkAccess, starting a
//     download or a usage report) and status polls are retried on 408, 429,
//     500, 502, 503, 504 and on a connection reset or timeout: at most
//     MaxRetries more tries, waiting BaseDelay·2ⁿ (±20 %) between them, or
//     what Azure's Retry-After asks when it says. A 429 holds back every
//     call of the same client for that wait, not only the one refused.
//   - A Retry-After longer than Ceiling is not waited on: the call fails at
//     once with Error.RetryAfter set, so the person is told the wait and can
//     choose to wait (the UI's retry key waits it out, then tries again).
//   - A status poll that keeps answering 408/429/5xx (the SDK counts those
//     as "not finished") gives up after PollGiveUp, or after three such
//     polls in a row, and says why.
//   - The blob GET of a download link is retried the same way. A 403 from
//     the blob host means the short-lived link expired: Save runs the
//     download operation again for a fresh link, never the same link twice.
//   - A write (the billing profile PUT of the email change) is never
//     retried: the client reads the profile back and says what it holds.
//
// Every Error says what was done: Tries, Spent, RetryAfter.
type RetryPolicy struct {
	MaxRetries int           // retries after the first try (default 4)
	BaseDelay  time.Duration // first backoff (default 1 s)
	Ceiling    time.Duration // longest wait taken without asking (default 30 s)
	PollGiveUp time.Duration // how long polls may keep failing (default 2 min)
	TryTimeout time.Duration // one try (default 1 min)
}

// DefaultRetry is the policy with every default filled in.
func DefaultRetry() RetryPolicy { return RetryPolicy{}.withDefaults() }

func (p RetryPolicy) withDefaults() RetryPolicy {
	if p.MaxRetries == 0 {
		p.MaxRetries = 4
	}
	if p.MaxRetries < 0 {
		p.MaxRetries = 0
	}
	if p.BaseDelay <= 0 {
		p.BaseDelay = time.Second
	}
	if p.Ceiling <= 0 {
		p.Ceiling = 30 * time.Second
	}
	if p.PollGiveUp <= 0 {
		p.PollGiveUp = 2 * time.Minute
	}
	if p.TryTimeout <= 0 {
		p.TryTimeout = time.Minute
	}
	return p
}

// backoff is the wait before retry n (1-based) when Azure named none.
func (p RetryPolicy) backoff(n int) time.Duration {
	d := p.BaseDelay << min(n-1, 10)
	d = time.Duration(float64(d) * (0.8 + 0.4*rand.Float64()))
	return min(d, p.Ceiling)
}

// retryStatus: the answers worth another try.
func retryStatus(code int) bool {
	switch code {
	case http.StatusRequestTimeout, http.StatusTooManyRequests, http.StatusInternalServerError,
		http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return true
	}
	return false
}

// retryMethod: writes are never retried blindly.
func retryMethod(m string) bool {
	return m == http.MethodGet || m == http.MethodHead || m == http.MethodPost
}

// retryTransport: a transport error worth another try (a reset, a timeout,
// a cut-off body), as opposed to one that would fail the same way again.
func retryTransport(err error) bool {
	var ce *tls.CertificateVerificationError
	var ue x509.UnknownAuthorityError
	var he x509.HostnameError
	switch {
	case err == nil, errors.As(err, &ce), errors.As(err, &ue), errors.As(err, &he),
		errors.Is(err, errBodyTooLarge), errors.Is(err, context.Canceled):
		return false
	}
	if strings.Contains(err.Error(), "refusing to send") {
		return false
	}
	// azcore marks a POST whose body was cut off as not to be retried; the
	// POSTs this client makes change nothing (checkAccess, starting a
	// download or a report), so a cut-off answer is asked for again.
	if strings.HasPrefix(err.Error(), "body download policy:") {
		return true
	}
	var nr interface{ NonRetriable() }
	return !errors.As(err, &nr)
}

// askedWait is how long the answer asks us to wait (retry-after-ms,
// x-ms-retry-after-ms, or Retry-After in seconds or as a date), 0 if none.
func askedWait(resp *http.Response) time.Duration {
	if resp == nil {
		return 0
	}
	h := resp.Header
	if v := firstHeader(h, "Retry-After-Ms", "X-Ms-Retry-After-Ms"); v != "" {
		if ms, err := strconv.ParseInt(v, 10, 64); err == nil && ms > 0 {
			return time.Duration(ms) * time.Millisecond
		}
	}
	if v := strings.TrimSpace(h.Get("Retry-After")); v != "" {
		if s, err := strconv.ParseInt(v, 10, 64); err == nil && s > 0 {
			return time.Duration(min(s, 86400)) * time.Second
		}
		if at, err := http.ParseTime(v); err == nil {
			return max(0, time.Until(at))
		}
	}
	return 0
}

// Headers the policy puts on the answer it hands back, so wrap can say
// what was done; they never leave the process.
const (
	hdrTries = "X-Azinvoice-Tries"
	hdrSpent = "X-Azinvoice-Spent-Ms"
)

// retryPolicy is RetryPolicy as an azcore pipeline policy (per call, so it
// wraps token acquisition and every try; azcore's own retry is off).
type retryPolicy struct {
	p    RetryPolicy
	log  func(msg string, args ...any)
	hold *hold
}

// hold is a pause shared by every call of one client: when Azure answers
// 429 with Retry-After, the calls in flight beside it wait too instead of
// each spending a try on the same refusal (ARM's budget is per identity,
// not per request).
type hold struct {
	mu    sync.Mutex
	until time.Time
}

func (h *hold) wait(ctx context.Context) error {
	if h == nil {
		return nil
	}
	h.mu.Lock()
	d := time.Until(h.until)
	h.mu.Unlock()
	return sleep(ctx, d)
}

func (h *hold) extend(d time.Duration) {
	if h == nil || d <= 0 {
		return
	}
	h.mu.Lock()
	if t := time.Now().Add(d); t.After(h.until) {
		h.until = t
	}
	h.mu.Unlock()
}

func (r retryPolicy) Do(req *policy.Request) (*http.Response, error) {
	start := time.Now()
	ctx := req.Raw().Context()
	canRetry := retryMethod(req.Raw().Method)
	for try := 1; ; try++ {
		if err := r.hold.wait(ctx); err != nil {
			return nil, err
		}
		if err := req.RewindBody(); err != nil {
			return nil, err
		}
		// azcore's own retry policy, set to one try, applies TryTimeout.
		resp, err := req.Clone(ctx).Next()
		if ctx.Err() != nil {
			if resp != nil && resp.Body != nil {
				resp.Body.Close()
			}
			return nil, ctx.Err()
		}
		retriable := canRetry && ((err != nil && retryTransport(err)) || (err == nil && retryStatus(resp.StatusCode)))
		wait := askedWait(resp)
		if !retriable || try > r.p.MaxRetries || wait > r.p.Ceiling {
			return r.stamp(resp, err, try, time.Since(start))
		}
		if wait == 0 {
			wait = r.p.backoff(try)
		}
		if resp != nil && resp.StatusCode == http.StatusTooManyRequests {
			r.hold.extend(wait)
		}
		if resp != nil && resp.Body != nil {
			resp.Body.Close()
		}
		if r.log != nil {
			r.log("retrying", "method", req.Raw().Method, "url", RedactURL(req.Raw().URL.String()), "try", try, "status", statusText(resp), "err", errText(err), "wait", wait)
		}
		if err := sleep(ctx, wait); err != nil {
			return nil, err
		}
	}
}

// stamp records on the answer (or the error) how many tries were made and
// how long they took.
func (r retryPolicy) stamp(resp *http.Response, err error, tries int, spent time.Duration) (*http.Response, error) {
	if err != nil {
		return resp, &triedErr{err: err, tries: tries, spent: spent}
	}
	if resp != nil {
		resp.Header.Set(hdrTries, strconv.Itoa(tries))
		resp.Header.Set(hdrSpent, strconv.FormatInt(spent.Milliseconds(), 10))
	}
	return resp, nil
}

// triedErr is a transport error after the policy gave up on it.
type triedErr struct {
	err   error
	tries int
	spent time.Duration
}

func (t *triedErr) Error() string { return t.err.Error() }
func (t *triedErr) Unwrap() error { return t.err }

func statusText(resp *http.Response) int {
	if resp == nil {
		return 0
	}
	return resp.StatusCode
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return RedactText(err.Error())
}

// triesOf reads what the policy stamped on resp.
func triesOf(resp *http.Response) (int, time.Duration) {
	if resp == nil {
		return 0, 0
	}
	n, _ := strconv.Atoi(resp.Header.Get(hdrTries))
	ms, _ := strconv.ParseInt(resp.Header.Get(hdrSpent), 10, 64)
	return n, time.Duration(ms) * time.Millisecond
}
