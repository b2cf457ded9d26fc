package client

import (
	"bytes"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Small tests of the retry policy's parts, and helpers the bad-weather tests share.

// countingTransport records the most requests in flight at once.
type countingTransport struct {
	next     http.RoundTripper
	now, max atomic.Int64
}

func (c *countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	n := c.now.Add(1)
	defer c.now.Add(-1)
	for {
		m := c.max.Load()
		if n <= m || c.max.CompareAndSwap(m, n) {
			break
		}
	}
	return c.next.RoundTrip(r)
}

func TestIsNetErrNotErrno(t *testing.T) {
	_, err := os.Open(filepath.Join(t.TempDir(), "missing"))
	if IsNetErr(err) {
		t.Error("a file error (syscall.Errno inside) counted as network")
	}
	if Classify(wrap("save file", err)) != CauseLocalFile {
		t.Errorf("cause %q", Classify(wrap("save file", err)))
	}
}

func TestCheckCSV(t *testing.T) {
	for _, tt := range []struct {
		body string
		ok   bool
	}{
		{"date,meterCategory,cost\n2026-01-01,VM,1\n", true},
		{"\uFEFFInvoiceId,BillingPeriodStartDate,Cost\n", true},
		{`{"error":{"code":"InternalServerError"}}`, false},
		{"<?xml version=\"1.0\"?><Error/>", false},
		{"", false},
		{"hello world", false},
		{"a,b,c\n1,2,3\n", false},
	} {
		err := CheckCSV([]byte(tt.body), int64(len(tt.body)))
		if (err == nil) != tt.ok {
			t.Errorf("%q: err %v, want ok=%v", tt.body, err, tt.ok)
		}
	}
}

func TestRetryAfterParsed(t *testing.T) {
	resp := &http.Response{Header: http.Header{"Retry-After": {"120"}}}
	if d := askedWait(resp); d != 120*time.Second {
		t.Errorf("%v", d)
	}
	resp = &http.Response{Header: http.Header{"Retry-After-Ms": {"1500"}}}
	if d := askedWait(resp); d != 1500*time.Millisecond {
		t.Errorf("%v", d)
	}
}

// syncBuffer is a log sink safe for concurrent writers.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func newTextLogger(w io.Writer) *slog.Logger {
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: slog.LevelDebug}))
}
