package emulator

import (
	"math"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// FaultKind is how a Fault breaks a response.
type FaultKind int

const (
	// FaultStatus answers Status with an ARM error body {"error":{"code":Code,...}}.
	FaultStatus FaultKind = iota
	// FaultTruncate declares a Content-Length larger than the body it sends.
	FaultTruncate
	// FaultReset sends half the body, then resets the connection.
	FaultReset
	// FaultMalformedJSON answers 200 with a body that is not valid JSON.
	FaultMalformedJSON
	// FaultAfterAccept lets a long-running operation start (202), then the
	// operation fails: polls answer Status with an ARM error if Status is
	// set, else 200 with provisioningState Failed and the error.
	FaultAfterAccept
	// FaultSlow waits Delay, then answers as it would have.
	FaultSlow
	// FaultHang never answers: it waits until the client gives up.
	FaultHang
)

// Fault breaks the requests whose method matches (empty: any) and whose path
// contains PathContains, on the listener Host names ("arm", "blob"; empty:
// either).
type Fault struct {
	Method, PathContains string
	Host                 string
	Status               int    // e.g. 403/404/409/429/500/503
	Code                 string // ARM error code for the body
	Kind                 FaultKind
	Times                int           // 0 = forever, else how many requests it breaks
	RetryAfter           time.Duration // FaultStatus: sent as Retry-After (whole seconds) when set
	Delay                time.Duration // FaultSlow: how long to wait before answering
}

// SetFault adds a fault.
func (s *Server) SetFault(f Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := f
	s.faults = append(s.faults, &c)
}

// ClearFaults removes every fault.
func (s *Server) ClearFaults() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = nil
}

// takeFault returns the first fault matching r and counts it used.
func (s *Server) takeFault(r *http.Request, host string) *Fault {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, f := range s.faults {
		if f.Method != "" && !strings.EqualFold(f.Method, r.Method) {
			continue
		}
		if f.Host != "" && !strings.EqualFold(f.Host, host) {
			continue
		}
		if !strings.Contains(strings.ToLower(r.URL.Path), strings.ToLower(f.PathContains)) {
			continue
		}
		c := *f
		if f.Times > 0 {
			f.Times--
			if f.Times == 0 {
				s.faults = append(s.faults[:i:i], s.faults[i+1:]...)
			}
		}
		return &c
	}
	return nil
}

// serveFault answers with fault f; real produces the genuine response for
// the kinds that damage a real body.
func (s *Server) serveFault(w http.ResponseWriter, r *http.Request, f *Fault, real func(http.ResponseWriter)) {
	s.logf("FAULT %d %s %s", f.Kind, r.Method, r.URL.Path)
	switch f.Kind {
	case FaultSlow:
		select {
		case <-time.After(f.Delay):
			real(w)
		case <-r.Context().Done():
		}
	case FaultHang:
		<-r.Context().Done()
	case FaultTruncate, FaultReset:
		dw := &damagedWriter{ResponseWriter: w, reset: f.Kind == FaultReset}
		real(dw)
		if !dw.reset {
			// Outside the handler, so no lock is held: net/http closes the
			// connection short of the Content-Length it announced.
			panic(http.ErrAbortHandler)
		}
	case FaultMalformedJSON:
		b := []byte(`{"value":[{"id":"/providers/Microsoft.Billing/billingAccounts/x","properties":{"displayName":`)
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Length", strconv.Itoa(len(b)))
		w.WriteHeader(http.StatusOK)
		_, _ = w.Write(b)
	default:
		status, code := f.Status, f.Code
		if status == 0 {
			status = http.StatusInternalServerError
		}
		if code == "" {
			code = http.StatusText(status)
			code = strings.ReplaceAll(code, " ", "")
		}
		if f.RetryAfter > 0 {
			w.Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(f.RetryAfter.Seconds()))))
		}
		if status == http.StatusForbidden && f.Code == "" {
			code = "AuthorizationFailed"
		}
		if s.isBlob(r) {
			storageError(w, status, code, "Injected fault: "+code+".")
			return
		}
		writeError(w, status, code, "Injected fault: "+code+".")
	}
}

// damagedWriter passes headers through (Content-Length included) but lets
// only half the declared body out; with reset it then hard-closes the TCP
// connection (RST), otherwise the server closes it on a short body.
type damagedWriter struct {
	http.ResponseWriter
	limit, sent int64
	started     bool
	reset       bool
	done        bool
}

func (d *damagedWriter) WriteHeader(code int) {
	if d.started {
		return
	}
	d.started = true
	n, err := strconv.ParseInt(d.Header().Get("Content-Length"), 10, 64)
	if err != nil || n <= 0 {
		n = 64
		d.Header().Set("Content-Length", "1024")
	}
	d.limit = n / 2
	d.ResponseWriter.WriteHeader(code)
}

func (d *damagedWriter) Write(p []byte) (int, error) {
	if !d.started {
		d.WriteHeader(http.StatusOK)
	}
	if d.done {
		return 0, net.ErrClosed
	}
	room := d.limit - d.sent
	if int64(len(p)) <= room {
		n, err := d.ResponseWriter.Write(p)
		d.sent += int64(n)
		return n, err
	}
	n, _ := d.ResponseWriter.Write(p[:room])
	d.sent += int64(n)
	d.cut()
	return n, net.ErrClosed
}

func (d *damagedWriter) cut() {
	d.done = true
	if f, ok := d.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
	if !d.reset {
		return
	}
	hj, ok := d.ResponseWriter.(http.Hijacker)
	if !ok {
		return
	}
	conn, _, err := hj.Hijack()
	if err != nil {
		return
	}
	if tc, ok := conn.(*tlsConn); ok {
		if tcp, ok := tc.NetConn().(*net.TCPConn); ok {
			_ = tcp.SetLinger(0)
			_ = tcp.Close()
			return
		}
	}
	_ = conn.SetDeadline(time.Now())
	_ = conn.Close()
}

// isBlob: r came to the blob host, not to Resource Manager.
func (s *Server) isBlob(r *http.Request) bool {
	return strings.EqualFold(r.Host, strings.TrimPrefix(s.blobURL, "https://"))
}
