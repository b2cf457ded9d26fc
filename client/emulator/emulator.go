// Package emulator is a loopback HTTPS server that answers the Azure Resource
// Manager calls azinvoice makes (Microsoft.Billing 2024-04-01, Microsoft.Resources
// subscriptions, Cost Management cost-details reports, legacy Consumption
// usageDetails) with the same routes and JSON shapes, plus a second listener
// playing the blob host that SAS download links point at. The real Azure SDK
// clients run against it unchanged: that is what --demo and the tests use.
package emulator

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"sync"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/azinvoice/azinvoice/assets"
)

// Options configure a Server. The zero value serves the embedded demo.
type Options struct {
	Data      fs.FS            // ARM-shaped JSON; nil means assets.Demo()
	Now       func() time.Time // dates in the data are relative to this; nil = time.Now
	PageSize  int              // items per list page before nextLink; 0 = 5 so paging is always exercised
	Latency   time.Duration    // added to every ARM request
	PollAfter time.Duration    // how long a long-running operation stays running
	Scale     Scale            // synthetic extra data for benchmarks
	UsageRows int              // rows of generated usage per file or usageDetails query; 0 = 300
	// UsageBytes, when set, makes every usage CSV blob exactly this many bytes
	// (for benchmarks); it wins over UsageRows for blobs.
	UsageBytes int64
	Throttle   *Throttle // token bucket per caller: 429 + Retry-After when empty
	Faults     []Fault   // set at start (the demo's AZINVOICE_DEMO_FAULTS); SetFault adds more
	// TokenLimit, when set, makes Credential fail after that many tokens,
	// as a sign-in that expires or is revoked mid-session does (an AADSTS
	// error on refresh). Tokens then live TokenLife (default 2 s), so the
	// client asks again and meets the refusal once the last one expires.
	TokenLimit int
	TokenLife  time.Duration
	Log        io.Writer // optional request log; never holds Authorization or a SAS query
}

// Scale adds synthetic data on top of the demo set.
type Scale struct {
	Invoices      int // extra invoices on the MCA Finance profile
	Subscriptions int // extra pay-as-you-go subscriptions in GET /subscriptions
	Accounts      int // extra (empty) MCA billing accounts
}

// Throttle is an ARM-style token bucket: Rate tokens per second, Burst at most.
type Throttle struct {
	Rate  float64
	Burst int
}

// Request is one request either listener received.
type Request struct {
	Host    string // host:port it was sent to
	Method  string
	Path    string
	Query   url.Values // the SAS signature, if any, is replaced by "REDACTED"
	HasAuth bool       // it carried an Authorization header
	Body    []byte
}

// Server is a running emulator. Close it when done.
type Server struct {
	opts    Options
	now     func() time.Time
	armURL  string
	blobURL string
	cert    *certPair
	token   string
	secret  []byte // signs SAS links
	caller  caller

	arm, blob *http.Server
	client    *http.Client

	mu       sync.Mutex
	data     *dataset
	requests []Request
	faults   []*Fault
	ops      map[string]*operation
	zips     map[string][]docRef
	buckets  map[string]*bucket
	sizes    map[usageSpec]int64
	tokens   int // tokens handed out by Credential
	wg       sync.WaitGroup
}

// Start loads the data and listens on two loopback ports: ARM and the blob host.
func Start(opts Options) (*Server, error) {
	if opts.Data == nil {
		opts.Data = assets.Demo()
	}
	now := opts.Now
	if now == nil {
		now = time.Now
	}
	if opts.PageSize <= 0 {
		opts.PageSize = 5
	}
	if opts.UsageRows <= 0 {
		opts.UsageRows = 300
	}
	data, err := loadData(opts.Data, now())
	if err != nil {
		return nil, err
	}
	s := &Server{opts: opts, now: now, data: data, caller: data.Caller,
		ops: map[string]*operation{}, zips: map[string][]docRef{}, buckets: map[string]*bucket{}, sizes: map[usageSpec]int64{}}
	s.secret = make([]byte, 32)
	if _, err := rand.Read(s.secret); err != nil {
		return nil, err
	}
	s.applyScale()
	for _, f := range opts.Faults {
		s.SetFault(f)
	}
	if s.cert, err = newCert(); err != nil {
		return nil, err
	}
	s.token = fakeToken(s.caller, now())
	armLn, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	blobLn, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		armLn.Close()
		return nil, err
	}
	s.armURL = "https://" + armLn.Addr().String()
	s.blobURL = "https://" + blobLn.Addr().String()
	s.data.bindARM(s.armURL)
	s.arm = s.newHTTPServer(http.HandlerFunc(s.serveARM))
	s.blob = s.newHTTPServer(http.HandlerFunc(s.serveBlob))
	s.client = s.cert.client()
	for _, p := range []struct {
		srv *http.Server
		ln  net.Listener
	}{{s.arm, armLn}, {s.blob, blobLn}} {
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			_ = p.srv.ServeTLS(p.ln, "", "")
		}()
	}
	return s, nil
}

func (s *Server) newHTTPServer(h http.Handler) *http.Server {
	return &http.Server{
		Handler:   h,
		TLSConfig: s.cert.serverConfig(),
		// HTTP/1.1 only: the reset fault needs to hijack the connection.
		TLSNextProto:      map[string]func(*http.Server, *tlsConn, http.Handler){},
		ReadHeaderTimeout: 10 * time.Second,
		ErrorLog:          discardLog,
	}
}

// URL is the ARM endpoint, https://127.0.0.1:PORT.
func (s *Server) URL() string { return s.armURL }

// BlobURL is the blob host, a different port and so a different host.
func (s *Server) BlobURL() string { return s.blobURL }

// HTTPClient trusts only this server's certificate.
func (s *Server) HTTPClient() *http.Client { return s.client }

// Credential returns a fake credential whose token this server accepts.
func (s *Server) Credential() azcore.TokenCredential { return fakeCredential{s: s} }

// Requests returns a copy of every request received so far.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// Close stops both listeners.
func (s *Server) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	err := errors.Join(s.arm.Shutdown(ctx), s.blob.Shutdown(ctx))
	if err != nil {
		err = errors.Join(s.arm.Close(), s.blob.Close())
	}
	s.wg.Wait()
	return err
}

func (s *Server) logf(format string, args ...any) {
	if s.opts.Log == nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	fmt.Fprintf(s.opts.Log, format+"\n", args...)
}

func newID() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
