package client

import (
	"context"
	"errors"
	"fmt"
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
	var out []T
	for pages := 0; pager.More(); pages++ {
		if pages >= maxPages {
			return out, &Error{Op: op, Message: fmt.Sprintf("more than %d pages", maxPages)}
		}
		pctx, cancel := l.call(ctx)
		page, err := pager.NextPage(pctx)
		cancel()
		if err != nil {
			return out, wrap(op, ctxErr(ctx, err))
		}
		out = append(out, items(page)...)
	}
	return out, nil
}

// ctxErr prefers the caller's own cancellation over whatever error the
// transport made of it, so errors.Is(err, context.Canceled) holds.
func ctxErr(ctx context.Context, err error) error {
	if cerr := ctx.Err(); cerr != nil && !errors.Is(err, cerr) {
		return fmt.Errorf("%w (%v)", cerr, err)
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
	return &hostGuard{host: strings.ToLower(u.Host)}
}

func (g *hostGuard) Do(req *policy.Request) (*http.Response, error) {
	u := req.Raw().URL
	if g.host == "" || strings.ToLower(u.Host) != g.host || u.Scheme != "https" {
		return nil, fmt.Errorf("refusing to send a Resource Manager request to %s", RedactURL(u.String()))
	}
	return req.Next()
}
