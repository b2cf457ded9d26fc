package client

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/billing/armbilling"

	"github.com/azinvoice/azinvoice/model"
)

const sas = "sv=2024&sig=SECRETSIG"

func blobHandler(body []byte) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/blob/ok":
			w.Header().Set("Content-Type", "application/pdf")
			w.Header().Set("Content-Length", strconv.Itoa(len(body)))
			w.Write(body)
		case "/blob/short":
			w.Header().Set("Content-Length", strconv.Itoa(len(body)+100))
			w.Write(body)
		case "/blob/reset":
			w.Header().Set("Content-Length", strconv.Itoa(len(body)*2))
			w.Write(body)
			if hj, ok := w.(http.Hijacker); ok {
				conn, _, _ := hj.Hijack()
				if tc, ok := conn.(*net.TCPConn); ok {
					tc.SetLinger(0)
				}
				conn.Close()
			}
		case "/blob/denied":
			w.Header().Set("x-ms-error-code", "AuthenticationFailed")
			w.WriteHeader(403)
		default:
			w.WriteHeader(404)
		}
	}
}

func TestFetch(t *testing.T) {
	body := bytes.Repeat([]byte("%PDF0123456789"), 10000)
	l, srv, rec := newTestLive(t, blobHandler(body))
	tests := []struct {
		path    string
		wantErr error
		status  int
	}{
		{path: "/blob/ok"},
		{path: "/blob/short", wantErr: ErrTruncated},
		{path: "/blob/reset", wantErr: ErrTruncated},
		{path: "/blob/denied", status: 403},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			var buf bytes.Buffer
			var calls int
			var lastDone int64
			link := Link{URL: srv.URL + tt.path + "?" + sas}
			ctype, err := l.Fetch(context.Background(), link, &buf, func(done, size int64) { calls++; lastDone = done })
			if tt.wantErr == nil && tt.status == 0 {
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(buf.Bytes(), body) || ctype != "application/pdf" || lastDone != int64(len(body)) || calls == 0 {
					t.Errorf("got %d bytes, type %q, last progress %d, %d calls", buf.Len(), ctype, lastDone, calls)
				}
				return
			}
			if err == nil {
				t.Fatal("want an error")
			}
			if tt.wantErr != nil && !errors.Is(err, tt.wantErr) {
				t.Errorf("err = %v, want %v", err, tt.wantErr)
			}
			if tt.status != 0 && statusOf(err) != tt.status {
				t.Errorf("status = %d", statusOf(err))
			}
			if strings.Contains(err.Error(), "SECRETSIG") {
				t.Errorf("SAS in error: %v", err)
			}
		})
	}
	for _, r := range rec.all() {
		if r.Header.Get("Authorization") != "" {
			t.Errorf("blob request carried Authorization")
		}
	}
}

func TestFetchCancel(t *testing.T) {
	release := make(chan struct{})
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "1000000")
		w.Write(make([]byte, 1000))
		w.(http.Flusher).Flush()
		select {
		case <-release:
		case <-r.Context().Done():
		}
	})
	l, srv, _ := newTestLive(t, h)
	defer close(release)
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	_, err := l.Fetch(ctx, Link{URL: srv.URL + "/x?" + sas}, io.Discard, nil)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v", err)
	}
	if strings.Contains(err.Error(), "SECRETSIG") {
		t.Errorf("SAS in error: %v", err)
	}
}

// Download LRO: 202 + Location, polled until 200 with the link; the
// service's Retry-After is honoured and poll sees the elapsed time.
func TestDocumentLinkLRO(t *testing.T) {
	var polls atomic.Int32
	var srvURL string
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.Method == http.MethodPost && strings.HasSuffix(r.URL.Path, "/invoices/G1/download"):
			if r.URL.Query().Get("documentName") != "G1-doc" {
				writeJSON(w, 400, `{"error":{"code":"BadDoc","message":"bad"}}`)
				return
			}
			w.Header().Set("Location", srvURL+"/ops/1")
			w.Header().Set("Retry-After", "0")
			w.WriteHeader(http.StatusAccepted)
		case r.URL.Path == "/ops/1":
			if polls.Add(1) < 3 {
				w.Header().Set("Location", srvURL+"/ops/1")
				w.Header().Set("Retry-After", "0")
				w.WriteHeader(http.StatusAccepted)
				return
			}
			writeJSON(w, 200, `{"url":"https://blob.example/x.pdf?`+sas+`","expiryTime":"2030-01-01T00:00:00Z"}`)
		default:
			writeJSON(w, 404, `{"error":{"code":"NotFound","message":"`+r.URL.Path+`"}}`)
		}
	})
	l, srv, rec := newTestLive(t, h)
	srvURL = srv.URL
	scopes := []model.Scope{
		{Kind: model.ScopeProfile, Agreement: model.AgreementMCA, AccountName: "acc", ProfileName: "bp"},
		{Kind: model.ScopeBillingSubscription, Agreement: model.AgreementMOSP, AccountName: "m", SubscriptionID: "sub1"},
	}
	for _, sc := range scopes {
		polls.Store(0)
		var seen []time.Duration
		link, err := l.DocumentLink(context.Background(), sc, "G1", &model.Document{Name: "G1-doc", Kind: model.DocInvoice}, func(d time.Duration) { seen = append(seen, d) })
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(link.URL, "https://blob.example/x.pdf?") || link.Expires.Year() != 2030 || len(seen) < 3 {
			t.Errorf("link = %v expires %v, %d poll calls", link, link.Expires, len(seen))
		}
		if strings.Contains(link.String(), "SECRETSIG") {
			t.Errorf("Link.String shows the SAS")
		}
	}
	reqs := rec.all()
	if reqs[0].URL.Path != "/providers/Microsoft.Billing/billingAccounts/acc/invoices/G1/download" {
		t.Errorf("MCA route = %s", reqs[0].URL.Path)
	}
	var mosp bool
	for _, r := range reqs {
		mosp = mosp || r.URL.Path == "/providers/Microsoft.Billing/billingAccounts/default/billingSubscriptions/sub1/invoices/G1/download"
	}
	if !mosp {
		t.Error("MOSP route not used")
	}
}

func TestToLinkRejects(t *testing.T) {
	for _, u := range []string{"", "http://x/y", "file:///etc/passwd", "https:///nohost", "https://x/\x1b[2J"} {
		if _, err := toLink("t", docResult(u)); err == nil {
			t.Errorf("accepted %q", u)
		}
	}
}

func TestRetryAfter(t *testing.T) {
	tests := []struct {
		hdr  map[string]string
		want time.Duration
	}{
		{nil, time.Second},
		{map[string]string{"Retry-After": "3"}, 3 * time.Second},
		{map[string]string{"Retry-After": "99999"}, maxPollDelay},
		{map[string]string{"Retry-After": "-5"}, time.Second},
		{map[string]string{"Retry-After-Ms": "250", "Retry-After": "9"}, 250 * time.Millisecond},
		{map[string]string{"Retry-After": "soon"}, time.Second},
	}
	for _, tt := range tests {
		resp := &http.Response{Header: http.Header{}}
		for k, v := range tt.hdr {
			resp.Header.Set(k, v)
		}
		if got := retryAfter(resp, time.Second); got != tt.want {
			t.Errorf("retryAfter(%v) = %v, want %v", tt.hdr, got, tt.want)
		}
	}
}

func docResult(u string) armbilling.DocumentDownloadResult {
	return armbilling.DocumentDownloadResult{URL: &u}
}
