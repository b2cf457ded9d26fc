package client

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/runtime"
)

// maxPages stops a service that keeps returning a nextLink forever.
const maxPages = 10000

// collect follows every page of pager (nextLink by nextLink), bounding each
// page by CallTimeout, and appends what items takes from each page.
func collect[R, T any](ctx context.Context, l *Live, op string, pager *runtime.Pager[R], items func(R) []T) ([]T, error) {
	return collectRaw(ctx, l, op, pager, func(page R, _ []byte) []T { return items(page) })
}

// collectRaw is collect for conversions that also need the page as Azure
// sent it (amounts the SDK narrows to float32, say).
func collectRaw[R, T any](ctx context.Context, l *Live, op string, pager *runtime.Pager[R], items func(R, []byte) []T) ([]T, error) {
	var out []T
	seen := map[string]bool{}
	for pages := 0; pager.More(); pages++ {
		if pages >= maxPages {
			return out, &Error{Op: op, Message: fmt.Sprintf("more than %d pages", maxPages)}
		}
		var raw *http.Response
		pctx, cancel := l.call(runtime.WithCaptureResponse(ctx, &raw))
		page, err := pager.NextPage(pctx)
		cancel()
		if err != nil {
			return out, wrap(op, ctxErr(ctx, err))
		}
		// A service that hands back a page it already gave is looping.
		if raw != nil && raw.Request != nil {
			u := raw.Request.URL.String()
			if seen[u] {
				return out, &Error{Op: op, Message: "the service returned the same page twice"}
			}
			seen[u] = true
		}
		var body []byte
		if raw != nil {
			body, _ = runtime.Payload(raw) // already read and cached by the SDK
		}
		out = append(out, items(page, body)...)
	}
	return out, nil
}

// ctxErr prefers the caller's own cancellation over whatever error the
// transport made of it, so errors.Is(err, context.Canceled) holds.
func ctxErr(ctx context.Context, err error) error {
	if cerr := ctx.Err(); cerr != nil && !errors.Is(err, cerr) {
		return fmt.Errorf("%w (%s)", cerr, RedactText(err.Error()))
	}
	return err
}

// hostGuard refuses any ARM request (a nextLink, an LRO Location) whose
// host is not the configured endpoint's, so the bearer token is never sent
// elsewhere, whatever a response says.
type hostGuard struct{ host string }

func newHostGuard(endpoint string) *hostGuard {
	u, err := url.Parse(endpoint)
	if err != nil {
		return &hostGuard{}
	}
	return &hostGuard{host: hostPort(u)}
}

// hostPort is "host:port" with the https default made explicit, so
// management.azure.com and management.azure.com:443 are the same host.
func hostPort(u *url.URL) string {
	port := u.Port()
	if port == "" {
		port = "443"
	}
	return strings.ToLower(u.Hostname()) + ":" + port
}

func (g *hostGuard) Do(req *policy.Request) (*http.Response, error) {
	u := req.Raw().URL
	if g.host == "" || hostPort(u) != g.host || u.Scheme != "https" {
		return nil, fmt.Errorf("refusing to send a Resource Manager request to %s", RedactURL(u.String()))
	}
	return req.Next()
}

// maxARMBody bounds one Resource Manager response body: a page or an error
// larger than this is refused instead of read into memory.
const maxARMBody = 64 << 20

// bodyLimit makes a response body fail once it has given more than max bytes.
type bodyLimit struct{ max int64 }

func (b bodyLimit) Do(req *policy.Request) (*http.Response, error) {
	resp, err := req.Next()
	if err != nil || resp == nil || resp.Body == nil {
		return resp, err
	}
	resp.Body = &limitedBody{ReadCloser: resp.Body, left: b.max}
	return resp, nil
}

type limitedBody struct {
	io.ReadCloser
	left int64
}

var errBodyTooLarge = errors.New("response body too large")

func (l *limitedBody) Read(p []byte) (int, error) {
	if l.left <= 0 {
		return 0, errBodyTooLarge
	}
	if int64(len(p)) > l.left {
		p = p[:l.left]
	}
	n, err := l.ReadCloser.Read(p)
	l.left -= int64(n)
	return n, err
}
