package emulator

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/arm"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/cloud"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
)

// testNow is a fixed "today" so date assertions are exact; the 31st
// exercises month-end arithmetic in the placeholders.
var testNow = time.Date(2025, 3, 31, 10, 30, 0, 0, time.UTC)

// clock is a settable Now for tests that move time (SAS expiry).
type clock struct{ ns atomic.Int64 }

func newClock(t time.Time) *clock    { c := &clock{}; c.ns.Store(t.UnixNano()); return c }
func (c *clock) Now() time.Time      { return time.Unix(0, c.ns.Load()).UTC() }
func (c *clock) Add(d time.Duration) { c.ns.Add(int64(d)) }

func start(t testing.TB, o Options) *Server {
	t.Helper()
	if o.Now == nil {
		o.Now = func() time.Time { return testNow }
	}
	s, err := Start(o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// armOptions is exactly how the live client points the SDK at the emulator.
func armOptions(s *Server) *arm.ClientOptions {
	return &arm.ClientOptions{ClientOptions: azcore.ClientOptions{
		Cloud: cloud.Configuration{Services: map[cloud.ServiceName]cloud.ServiceConfiguration{
			cloud.ResourceManager: {Endpoint: s.URL(), Audience: "https://management.azure.com"}}},
		Transport: s.HTTPClient(),
		Retry:     policy.RetryOptions{RetryDelay: 10 * time.Millisecond, MaxRetryDelay: 50 * time.Millisecond},
	}}
}

// listAll pages through a list as a plain HTTP client would, following
// every nextLink form the emulator sends (absolute, or relative with
// unescaped spaces, which the SDK's own pagers cannot follow), and decodes
// each item into T. It returns the items, the pages read and the nextLinks seen.
func listAll[T any](t testing.TB, s *Server, pathAndQuery string) ([]*T, int, []string, error) {
	t.Helper()
	next := s.URL() + pathAndQuery
	var out []*T
	var links []string
	pages := 0
	for next != "" && pages < 1000 {
		req, _ := http.NewRequest("GET", next, nil)
		req.Header.Set("Authorization", "Bearer "+s.token)
		resp, err := s.HTTPClient().Do(req)
		if err != nil {
			return out, pages, links, err
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		pages++
		if resp.StatusCode == http.StatusNoContent {
			break
		}
		if resp.StatusCode != 200 {
			return out, pages, links, fmt.Errorf("status %d: %s", resp.StatusCode, body)
		}
		var page struct {
			Value    []json.RawMessage `json:"value"`
			NextLink string            `json:"nextLink"`
		}
		if err := json.Unmarshal(body, &page); err != nil {
			return out, pages, links, err
		}
		for _, raw := range page.Value {
			v := new(T)
			if err := json.Unmarshal(raw, v); err != nil {
				return out, pages, links, err
			}
			out = append(out, v)
		}
		next = page.NextLink
		if next != "" {
			links = append(links, next)
			if strings.HasPrefix(next, "/") {
				next = s.URL() + strings.ReplaceAll(next, " ", "%20")
			}
		}
	}
	return out, pages, links, nil
}
