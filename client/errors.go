package client

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/runtime"

	"github.com/azinvoice/azinvoice/model"
)

// Error is every failure Live returns (besides plain sentinels wrapped in
// it). The UI turns Status and Code into words through its catalogue, so
// they are kept exactly as Azure sent them; Message is Azure's own text,
// cleaned and with URLs redacted, for logs and "details".
type Error struct {
	Op      string // what was being done, e.g. "list invoices"
	Status  int    // HTTP status, 0 when no response arrived
	Code    string // Azure error code (AuthorizationFailed, …), "" when none
	Message string // Azure's message or the network error, safe to show
	Err     error  // the cause; errors.Is/As see through Error

	// What the client did before giving up, so the words can say it:
	Tries      int           // requests made (1 = no retry), 0 when unknown
	Spent      time.Duration // time across those tries
	RetryAfter time.Duration // how long Azure asked to wait, 0 when it did not
	Blob       bool          // the answer came from the blob host (a download link), not Resource Manager
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Op)
	if e.Status != 0 {
		fmt.Fprintf(&b, ": HTTP %d", e.Status)
	}
	if e.Code != "" {
		b.WriteString(" ")
		b.WriteString(e.Code)
	}
	if e.Message != "" {
		b.WriteString(": ")
		b.WriteString(e.Message)
	}
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// Sentinels the UI can test with errors.Is.
var (
	// ErrNoUsage: Microsoft gives no usage file for this scope (CSP
	// customer, unknown agreement); the wrapping Error says why.
	ErrNoUsage = errors.New("no usage data from Microsoft for this scope")
	// ErrExists: SaveAtomic will not overwrite a file that is already there.
	ErrExists = errors.New("file already exists")
	// ErrTruncated: a download ended before Content-Length bytes arrived.
	ErrTruncated = errors.New("download truncated")
	// ErrUnsupported: the scope's agreement has no such operation.
	ErrUnsupported = errors.New("not supported for this agreement")
	// ErrInvalidEmail: a recipient is not a plausible email address.
	ErrInvalidEmail = errors.New("not a valid email address")
	// ErrBadContent: a downloaded file failed its content check.
	ErrBadContent = errors.New("downloaded content is not what was expected")
	// ErrPollGaveUp: a long-running operation's status kept answering
	// 408/429/5xx, and the client stopped waiting (the retry policy's bound).
	ErrPollGaveUp = errors.New("stopped waiting: the operation's status kept failing")
)

// maxMessage bounds Azure's message so a hostile body cannot flood a screen.
const maxMessage = 600

// wrap turns any error from the SDK, the network or the context into an
// *Error with op. nil stays nil; an *Error passes through unchanged.
func wrap(op string, err error) error {
	if err == nil {
		return nil
	}
	var ours *Error
	if errors.As(err, &ours) {
		return err
	}
	e := &Error{Op: op, Err: redactChain(err)}
	var re *azcore.ResponseError
	switch {
	case errors.Is(err, context.Canceled):
		e.Message = "cancelled"
	case errors.Is(err, context.DeadlineExceeded):
		e.Message = "timed out"
	case errors.As(err, &re):
		e.Status = re.StatusCode
		e.Tries, e.Spent = triesOf(re.RawResponse)
		e.RetryAfter = askedWait(re.RawResponse)
		e.Code = safeText(re.ErrorCode, 100)
		e.Message = armMessage(re)
		// The SDK's own text quotes the request URL; keep only our fields.
		e.Err = &redactedErr{msg: safeText(re.ErrorCode, 100), cause: re}
	default:
		e.Message = safeText(err.Error(), maxMessage)
	}
	var te *triedErr
	if errors.As(err, &te) {
		e.Tries, e.Spent = te.tries, te.spent
	}
	return e
}

// redactChain keeps an error's meaning (errors.Is and As still see
// context.Canceled, *url.Error and the rest) while every text in it that
// could quote a URL — net/http's errors quote the SAS query — is redacted.
func redactChain(err error) error {
	var ue *url.Error
	if !errors.As(err, &ue) && RedactText(err.Error()) == err.Error() {
		return err
	}
	return &redactedText{text: RedactText(err.Error()), cause: err, url: ue}
}

// redactedText prints a redacted text. Unwrap gives errors.Is/As the
// cause's sentinels (context.Canceled, ErrTruncated…) but a *url.Error only
// with its URL redacted, so no caller can reach the query by unwrapping.
type redactedText struct {
	text  string
	cause error
	url   *url.Error
}

func (r *redactedText) Error() string { return r.text }

func (r *redactedText) Unwrap() []error {
	out := []error{}
	for _, s := range []error{context.Canceled, context.DeadlineExceeded, ErrTruncated, ErrNoUsage, ErrExists, ErrUnsupported, ErrBadContent, ErrInvalidEmail, ErrPollGaveUp} {
		if errors.Is(r.cause, s) {
			out = append(out, s)
		}
	}
	if r.url != nil {
		out = append(out, &url.Error{Op: r.url.Op, URL: RedactURL(r.url.URL), Err: redactChain(r.url.Err)})
	}
	return out
}

// redactedErr keeps a ResponseError reachable for errors.As while its
// Error() text (which names the request URL) is not printed.
type redactedErr struct {
	msg   string
	cause error
}

func (r *redactedErr) Error() string { return "azure response error " + r.msg }
func (r *redactedErr) Unwrap() error { return r.cause }

// armMessage reads the ARM error body {"error":{"code","message"}}.
func armMessage(re *azcore.ResponseError) string {
	if re.RawResponse == nil {
		return ""
	}
	body, err := runtime.Payload(re.RawResponse)
	if err != nil || len(body) == 0 {
		return ""
	}
	var env struct {
		Error *struct {
			Code    string `json:"code"`
			Message string `json:"message"`
		} `json:"error"`
		Code    string `json:"code"`
		Message string `json:"message"`
	}
	if json.Unmarshal(body, &env) != nil {
		return ""
	}
	msg := env.Message
	if env.Error != nil && env.Error.Message != "" {
		msg = env.Error.Message
	}
	return safeText(msg, maxMessage)
}

// safeText is untrusted text made fit for a log or a screen: control
// characters out, URLs without their query, at most n bytes (UTF-8 safe).
func safeText(s string, n int) string {
	s = RedactText(model.Clean(s))
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

func statusOf(err error) int {
	var e *Error
	if errors.As(err, &e) && e.Status != 0 {
		return e.Status
	}
	var re *azcore.ResponseError
	if errors.As(err, &re) {
		return re.StatusCode
	}
	return 0
}

// IsForbidden: the caller lacks a role or permission (HTTP 403, or 401).
func IsForbidden(err error) bool {
	s := statusOf(err)
	return s == http.StatusForbidden || s == http.StatusUnauthorized
}

// IsNotFound: the scope or object does not exist (or is hidden from the caller).
func IsNotFound(err error) bool { return statusOf(err) == http.StatusNotFound }

// IsThrottled: Azure asked us to slow down and the retries ran out.
func IsThrottled(err error) bool { return statusOf(err) == http.StatusTooManyRequests }

// IsCanceled: the user (or a deadline) stopped the call.
func IsCanceled(err error) bool {
	return errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}
