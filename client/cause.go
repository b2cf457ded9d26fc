package client

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"
	"syscall"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azidentity"
)

// Cause is why a call failed, in the terms a person can act on. The one
// error classifier: the UI and the commands both put a Cause into words.
type Cause string

const (
	CauseCanceled  Cause = "canceled"  // the person (or a deadline they set) stopped it
	CauseLocalFile Cause = "local"     // this computer's disk or folder: missing, read-only, full
	CauseNetwork   Cause = "network"   // no answer, or an answer cut off: DNS, connect, reset, TLS, timeout
	CauseThrottled Cause = "throttled" // Azure asked us to slow down (429)
	CauseSignIn    Cause = "signin"    // not signed in, or the sign-in expired or was revoked (401, AADSTS…)
	CauseForbidden Cause = "forbidden" // signed in, but no role allows it (403 from Resource Manager)
	CauseNotFound  Cause = "notfound"  // 404
	CauseConflict  Cause = "conflict"  // 409/412: changed by someone else meanwhile
	CauseService   Cause = "service"   // Azure failing: 5xx, 408, a status that never settles
	CauseBadData   Cause = "baddata"   // an answer we cannot read: malformed JSON, wrong kind of file
	CauseLink      Cause = "link"      // the blob host refused the download link (expired or revoked)
	CauseRefused   Cause = "refused"   // another 4xx: the request itself was refused
	CauseOther     Cause = "other"
)

// Classify names the cause of err. It looks at what happened, not at
// how the message reads, except for Entra ID's AADSTS codes, which
// arrive only as text.
func Classify(err error) Cause {
	if err == nil {
		return ""
	}
	if errors.Is(err, context.Canceled) {
		return CauseCanceled
	}
	if errors.Is(err, ErrBadContent) || errors.Is(err, ErrUnreadable) {
		return CauseBadData
	}
	if errors.Is(err, ErrTruncated) {
		return CauseNetwork
	}
	if signInErr(err) {
		return CauseSignIn
	}
	var e *Error
	status, blob := 0, false
	if errors.As(err, &e) {
		status, blob = e.Status, e.Blob
		if e.Code == "DiskFull" {
			return CauseLocalFile
		}
	}
	if status == 0 {
		status = statusOf(err)
	}
	switch {
	case blob && (status == http.StatusForbidden || status == http.StatusUnauthorized):
		return CauseLink
	case status == http.StatusUnauthorized:
		return CauseSignIn
	case status == http.StatusForbidden:
		return CauseForbidden
	case status == http.StatusNotFound:
		return CauseNotFound
	case status == http.StatusTooManyRequests:
		return CauseThrottled
	case status == http.StatusConflict || status == http.StatusPreconditionFailed:
		return CauseConflict
	case status == http.StatusRequestTimeout || status >= 500:
		return CauseService
	case status >= 400:
		return CauseRefused
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return CauseNetwork
	}
	switch {
	case IsNetErr(err):
		return CauseNetwork
	case IsLocalErr(err):
		return CauseLocalFile
	case badData(err):
		return CauseBadData
	}
	return CauseOther
}

// IsNetErr: err came from the network (no HTTP answer, or one cut off).
// It names the network's own error types: a bare syscall.Errno from a
// file operation is not one, though it satisfies net.Error.
func IsNetErr(err error) bool {
	var oe *net.OpError
	var de *net.DNSError
	var ae *net.AddrError
	var ue *url.Error
	var ce *tls.CertificateVerificationError
	var ua x509.UnknownAuthorityError
	var he x509.HostnameError
	var re tls.RecordHeaderError
	return errors.As(err, &oe) || errors.As(err, &de) || errors.As(err, &ae) || errors.As(err, &ue) ||
		errors.As(err, &ce) || errors.As(err, &ua) || errors.As(err, &he) || errors.As(err, &re) ||
		errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, errStalled) ||
		errors.Is(err, io.ErrUnexpectedEOF) || cutOff(err)
}

// cutOff: an answer that ended early, as the SDK words it once it has lost
// the error's type ("body download policy: unexpected EOF").
func cutOff(err error) bool {
	msg := err.Error()
	return strings.HasSuffix(msg, "unexpected EOF") || strings.Contains(msg, "connection reset by peer")
}

// IsLocalErr: err came from this computer's file system.
func IsLocalErr(err error) bool {
	if IsNetErr(err) {
		return false
	}
	var pe *fs.PathError
	var le *os.LinkError
	var se *os.SyscallError
	return errors.As(err, &pe) || errors.As(err, &le) || errors.As(err, &se) ||
		errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EROFS) || errors.Is(err, syscall.EACCES) ||
		errors.Is(err, fs.ErrPermission) || errors.Is(err, fs.ErrNotExist)
}

// signInErr: the credential could not give a token (AADSTS codes on
// refresh, az login needed, no credential in the chain).
func signInErr(err error) bool {
	var af *azidentity.AuthenticationFailedError
	if errors.As(err, &af) {
		return true
	}
	msg := err.Error()
	return strings.Contains(msg, "AADSTS") || strings.Contains(msg, "DefaultAzureCredential") ||
		strings.Contains(msg, "CredentialUnavailable") || strings.Contains(msg, "az login")
}

// badData: the SDK could not read what Azure sent.
func badData(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "unmarshalling type") || strings.Contains(msg, "invalid character") ||
		strings.Contains(msg, "unexpected end of JSON input")
}

// Retries says what the client did, for words such as "retried 3 times
// over 40 s" and "Azure asked to wait 120 s": retries after the first
// try, the time they took, and the wait Azure last asked for.
func Retries(err error) (retries int, spent, asked time.Duration) {
	var e *Error
	if !errors.As(err, &e) {
		return 0, 0, 0
	}
	return max(0, e.Tries-1), e.Spent, e.RetryAfter
}
