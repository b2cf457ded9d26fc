package client

import (
	"bytes"
	"context"
	"encoding/json"
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

// Every list is read by one pager of our own over the SDK's pipeline (the
// same token, retry, host guard and body limit as every SDK call), because
// the SDK's pagers fail on what Azure really sends: a relative nextLink
// ("no Host in request URL"), a nextLink with unescaped spaces, a 204 with
// no body, or one item its strict types cannot hold. Each item is handed
// on as raw JSON, for the lenient decoding of lenient.go.

// listPage is one page of a list as Azure sends it.
type listPage struct {
	Value    []json.RawMessage `json:"value"`
	NextLink Text              `json:"nextLink"`
}

// listRequest names the first page of a list: a path below the endpoint
// (no leading slash needed) and its query, api-version included.
type listRequest struct {
	op    string
	path  string
	query url.Values
}

// eachItem pages through a list and calls item with each entry's raw JSON
// (null entries are skipped). A 204 answer, or a page without "value", is
// an empty page. It returns the number of pages read.
func (l *Live) eachItem(ctx context.Context, lr listRequest, item func(raw []byte)) (int, error) {
	next := l.endpoint + "/" + strings.TrimLeft(lr.path, "/")
	if len(lr.query) > 0 {
		next += "?" + lr.query.Encode()
	}
	seen := map[string]bool{}
	pages := 0
	for next != "" {
		if pages >= maxPages {
			return pages, &Error{Op: lr.op, Message: fmt.Sprintf("more than %d pages", maxPages)}
		}
		if seen[next] {
			// A service that hands back a page it already gave is looping.
			return pages, &Error{Op: lr.op, Message: "the service returned the same page twice"}
		}
		seen[next] = true
		body, status, err := l.getPage(ctx, next)
		if err != nil {
			return pages, wrap(lr.op, ctxErr(ctx, err))
		}
		pages++
		if status == http.StatusNoContent || len(bytes.TrimSpace(body)) == 0 {
			return pages, nil
		}
		var page listPage
		if err := json.Unmarshal(body, &page); err != nil {
			return pages, &Error{Op: lr.op, Message: "a page of the list could not be read: " + safeText(err.Error(), 200), Err: ErrUnreadable}
		}
		for _, raw := range page.Value {
			if t := bytes.TrimSpace(raw); len(t) == 0 || string(t) == "null" {
				continue
			}
			item(raw)
		}
		next = ""
		if link := page.NextLink.V; page.NextLink.OK() && strings.TrimSpace(link) != "" {
			u, err := l.resolveNextLink(link, lr.query.Get("api-version"))
			if err != nil {
				return pages, &Error{Op: lr.op, Message: err.Error()}
			}
			next = u
		}
	}
	return pages, nil
}

// getPage GETs one page, bounded by CallTimeout, and reads its body.
func (l *Live) getPage(ctx context.Context, rawURL string) ([]byte, int, error) {
	body, resp, err := l.getRaw(ctx, rawURL, http.StatusNoContent)
	if resp == nil {
		return body, 0, err
	}
	return body, resp.StatusCode, err
}

// getRaw GETs rawURL through the pipeline, bounded by CallTimeout, and
// reads its body. 200 (and any status in also) is success; another is a
// ResponseError, as the SDK reports it.
func (l *Live) getRaw(ctx context.Context, rawURL string, also ...int) ([]byte, *http.Response, error) {
	pctx, cancel := l.call(ctx)
	defer cancel()
	req, err := runtime.NewRequest(pctx, http.MethodGet, rawURL)
	if err != nil {
		return nil, nil, err
	}
	req.Raw().Header.Set("Accept", "application/json")
	resp, err := l.pl.Do(req)
	if err != nil {
		return nil, nil, err
	}
	if !runtime.HasStatusCode(resp, append([]int{http.StatusOK}, also...)...) {
		return nil, resp, runtime.NewResponseError(resp)
	}
	body, err := runtime.Payload(resp)
	if err != nil {
		return nil, resp, err
	}
	return body, resp, nil
}

// getOne GETs a single resource and decodes it leniently into v.
func (l *Live) getOne(ctx context.Context, op, path string, query url.Values, v any) (*http.Response, error) {
	u := l.endpoint + "/" + strings.TrimLeft(path, "/") + "?" + query.Encode()
	body, resp, err := l.getRaw(ctx, u)
	if err != nil {
		return resp, wrap(op, ctxErr(ctx, err))
	}
	bad, ok := decodeLenient(body, v)
	if !ok {
		return resp, &Error{Op: op, Message: "the answer could not be read", Err: ErrUnreadable}
	}
	l.unreadable(op, path, bad)
	return resp, nil
}

// unreadable logs the fields of an item that could not be read (they are
// shown as unknown). Field paths only: never values, which may be personal.
func (l *Live) unreadable(op, item string, fields []string) {
	if len(fields) > 0 {
		l.log.Warn("fields Azure sent could not be read; shown as unknown", "op", op, "item", safeText(item, 120), "fields", fields)
	}
}

// decodeItems decodes each raw item into a fresh T and converts it; an
// item that is not an object is skipped and counted.
func decodeItems[T, M any](l *Live, op string, conv func(*T) M) (func(raw []byte), func() ([]M, int)) {
	var out []M
	skipped := 0
	each := func(raw []byte) {
		var w T
		bad, ok := decodeLenient(raw, &w)
		if !ok {
			skipped++
			return
		}
		l.unreadable(op, "", bad)
		out = append(out, conv(&w))
	}
	return each, func() ([]M, int) { return out, skipped }
}

// list reads every page of lr and converts each item. Items that are not
// JSON objects are logged and left out; they never fail the list.
func list[T, M any](ctx context.Context, l *Live, lr listRequest, conv func(*T) M) ([]M, error) {
	each, result := decodeItems(l, lr.op, conv)
	_, err := l.eachItem(ctx, lr, each)
	out, skipped := result()
	if skipped > 0 {
		l.log.Warn("list items that are not objects were left out", "op", lr.op, "count", skipped)
	}
	return out, err
}

// resolveNextLink turns a nextLink as Azure sends it into a URL to GET:
// absolute, or relative to the Resource Manager endpoint, with characters
// a URL may not hold (Azure has sent unescaped spaces) escaped. A link to
// any other host or scheme is refused, so the token never follows it.
func (l *Live) resolveNextLink(link, apiVersion string) (string, error) {
	base, err := url.Parse(l.endpoint + "/")
	if err != nil {
		return "", err
	}
	u, err := url.Parse(escapeLoose(strings.TrimSpace(link)))
	if err != nil {
		return "", fmt.Errorf("the next page's link could not be read: %s", safeText(RedactURL(link), 200))
	}
	if u.IsAbs() || u.Host != "" {
		if u.Scheme == "" {
			u.Scheme = base.Scheme
		}
		if !strings.EqualFold(u.Scheme, base.Scheme) || hostPort(u) != hostPort(base) || u.User != nil {
			return "", fmt.Errorf("refusing to follow a next-page link to another host (%s)", safeText(RedactURL(u.Scheme+"://"+u.Host), 200))
		}
	} else {
		// Relative to the endpoint, as Azure means it (ARM has no path prefix).
		if !strings.HasPrefix(u.Path, "/") {
			u.Path = "/" + u.Path
		}
		u = base.ResolveReference(u)
	}
	// A relative nextLink has been seen without the api-version it needs;
	// the first request's is the right one (a guess: ARM ignores no other).
	if apiVersion != "" && !u.Query().Has("api-version") {
		q := u.RawQuery
		if q != "" {
			q += "&"
		}
		u.RawQuery = q + "api-version=" + url.QueryEscape(apiVersion)
	}
	return u.String(), nil
}

// escapeLoose percent-encodes the bytes a URL may not contain (space,
// quotes, angle brackets, controls, non-ASCII) and leaves everything
// else, including existing escapes, as sent.
func escapeLoose(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c <= ' ' || c >= 0x7f || strings.IndexByte("\"<>\\^`{|}", c) >= 0:
			fmt.Fprintf(&b, "%%%02X", c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
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
