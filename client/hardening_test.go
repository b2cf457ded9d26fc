package client

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// A server that stops sending mid-body is given up on, not waited for.
func TestFetchStallIsCut(t *testing.T) {
	old := stallTimeout
	stallTimeout = 300 * time.Millisecond
	t.Cleanup(func() { stallTimeout = old })
	release := make(chan struct{})
	l, srv, _ := newTestLive(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "1000")
		w.Write([]byte("%PDF"))
		w.(http.Flusher).Flush()
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	t.Cleanup(func() { close(release) }) // before the server's Close, which waits for handlers
	start := time.Now()
	_, err := l.Fetch(context.Background(), Link{URL: srv.URL + "/doc.pdf?sig=SECRET"}, io.Discard, nil)
	if !errors.Is(err, ErrTruncated) {
		t.Errorf("err = %v, want ErrTruncated", err)
	}
	if el := time.Since(start); el > 5*time.Second {
		t.Errorf("took %v", el)
	}
	if strings.Contains(fmt.Sprintf("%v %+v", err, errors.Unwrap(err)), "SECRET") {
		t.Errorf("SAS signature in the error: %v", err)
	}
}

// A cancelled download's error chain holds no SAS signature at any depth.
func TestCancelledFetchChainIsRedacted(t *testing.T) {
	l, srv, _ := newTestLive(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(2 * time.Second):
		case <-r.Context().Done():
		}
	}))
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	_, err := l.Fetch(ctx, Link{URL: srv.URL + "/blob?sv=1&sig=SECRETSIG"}, io.Discard, nil)
	if err == nil {
		t.Fatal("no error")
	}
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("lost the cause: %v", err)
	}
	for e := err; e != nil; {
		if strings.Contains(e.Error(), "SECRETSIG") {
			t.Fatalf("signature in %T: %v", e, e)
		}
		switch u := e.(type) {
		case interface{ Unwrap() []error }:
			for _, x := range u.Unwrap() {
				if strings.Contains(x.Error(), "SECRETSIG") {
					t.Fatalf("signature in %T: %v", x, x)
				}
			}
			e = nil
		default:
			e = errors.Unwrap(e)
		}
	}
}

// A redirect is not followed with the SAS link.
func TestFetchRefusesRedirect(t *testing.T) {
	l, srv, rec := newTestLive(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/doc" {
			http.Redirect(w, r, "/elsewhere", http.StatusFound)
			return
		}
		w.Write([]byte("%PDF-1.4"))
	}))
	if _, err := l.Fetch(context.Background(), Link{URL: srv.URL + "/doc?sig=S"}, io.Discard, nil); err == nil {
		t.Error("a redirect was followed")
	}
	for _, r := range rec.all() {
		if r.URL.Path == "/elsewhere" {
			t.Error("the redirect target was fetched")
		}
	}
}

// A page larger than the limit is refused, not read into memory.
func TestHugePageRefused(t *testing.T) {
	l, _, _ := newTestLive(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"value":[`))
		chunk := bytes.Repeat([]byte(`null,`), 1<<16)
		for written := 0; written < maxARMBody+(1<<20); written += len(chunk) {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
		w.Write([]byte(`null]}`))
	}))
	if _, err := l.Accounts(context.Background()); err == nil {
		t.Error("a page over the limit was accepted")
	}
}

// A service that hands back the same nextLink is stopped at once.
func TestRepeatedNextLinkStops(t *testing.T) {
	var calls int
	l, srv, _ := newTestLive(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls++
		writeJSON(w, 200, `{"value":[{"name":"a","properties":{"displayName":"A"}}],"nextLink":"`+"https://"+r.Host+`/providers/Microsoft.Billing/billingAccounts?api-version=2024-04-01&skip=1"}`)
	}))
	_ = srv
	if _, err := l.Accounts(context.Background()); err == nil {
		t.Error("a looping nextLink was followed without end")
	}
	if calls > 3 {
		t.Errorf("%d requests before stopping", calls)
	}
}

func TestHostGuardDefaultPort(t *testing.T) {
	g := newHostGuard("https://management.azure.com")
	for _, tt := range []struct {
		url string
		ok  bool
	}{
		{"https://management.azure.com/x", true},
		{"https://management.azure.com:443/x", true},
		{"https://MANAGEMENT.azure.com/x", true},
		{"https://management.azure.com:8443/x", false},
		{"http://management.azure.com/x", false},
		{"https://management.azure.com.evil.example/x", false},
	} {
		req, _ := http.NewRequest("GET", tt.url, nil)
		u := req.URL
		ok := g.host == hostPort(u) && u.Scheme == "https"
		if ok != tt.ok {
			t.Errorf("%s: allowed=%v, want %v", tt.url, ok, tt.ok)
		}
	}
}
