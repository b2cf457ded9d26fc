package ui

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"

	"github.com/azinvoice/azinvoice/client"
	"github.com/azinvoice/azinvoice/client/emulator"
	"github.com/azinvoice/azinvoice/model"
	"github.com/azinvoice/azinvoice/ui/i18n"
)

// Bad weather as the person sees it: each fault on each surface (listing,
// download through the operation and the blob, the email change, the why
// screen) ends in words naming the cause, what azinvoice did, and the
// right key; nothing partial is saved and nothing is invented.

// weatherHarness is newHarness with the retry policy at test speed.
func weatherHarness(t *testing.T, w, h int, faults ...emulator.Fault) *harness {
	t.Helper()
	return weatherHarnessOpts(t, w, h, emulator.Options{Faults: faults})
}

func weatherHarnessOpts(t *testing.T, w, h int, eo emulator.Options) *harness {
	t.Helper()
	eo.Now, eo.PollAfter = func() time.Time { return testNow }, 20*time.Millisecond
	srv, err := emulator.Start(eo)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	live, err := client.NewLive(client.Options{
		Credential: srv.Credential(), Endpoint: srv.URL(), Transport: srv.HTTPClient(),
		BlobClient: srv.HTTPClient(), PollEvery: 10 * time.Millisecond, Now: func() time.Time { return testNow },
		Retry:      policy.RetryOptions{MaxRetries: 3, RetryDelay: 5 * time.Millisecond, MaxRetryDelay: 2 * time.Second, TryTimeout: 2 * time.Second},
		PollGiveUp: time.Second,
	})
	if err != nil {
		t.Fatal(err)
	}
	cfg := Config{Now: func() time.Time { return testNow }, DownloadDir: t.TempDir(), Billing: live, Cloud: "AzureCloud"}
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	hs := &harness{t: t, app: New(ctx, cfg), srv: srv}
	hs.app.c.dl.pump = true
	hs.send(tea.WindowSizeMsg{Width: w, Height: h})
	hs.run(hs.app.Init())
	return hs
}

func flat(h *harness) string { return strings.Join(strings.Fields(h.screen()), " ") }

func TestWeatherListingWords(t *testing.T) {
	const accounts = "/providers/Microsoft.Billing/billingAccounts"
	tests := []struct {
		name  string
		fault emulator.Fault
		wants []string
		not   []string
	}{
		{"503 for good", emulator.Fault{Method: "GET", PathContains: accounts, Status: 503},
			[]string{"server error 503", "azinvoice retried 3 times over", "Press r"}, []string{"already retried"}},
		{"429 asking 120 s", emulator.Fault{Method: "GET", PathContains: accounts, Status: 429, RetryAfter: 120 * time.Second},
			[]string{"asked to wait 120 s", "Press r to wait 120 s"}, []string{"already retried", "retried 3"}},
		{"malformed JSON", emulator.Fault{Method: "GET", PathContains: accounts, Kind: emulator.FaultMalformedJSON},
			[]string{"could not be read"}, nil},
		{"403", emulator.Fault{Method: "GET", PathContains: accounts, Status: 403},
			[]string{"don't have access"}, []string{"retried"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := weatherHarness(t, 120, 30, tt.fault)
			scr := flat(h)
			for _, w := range tt.wants {
				if !strings.Contains(scr, w) {
					t.Errorf("%q missing:\n%s", w, h.screen())
				}
			}
			for _, n := range tt.not {
				if strings.Contains(scr, n) {
					t.Errorf("%q shown:\n%s", n, h.screen())
				}
			}
			if strings.Contains(scr, "Contoso") || strings.Contains(scr, "Fabrikam") {
				t.Errorf("rows shown despite the failure:\n%s", h.screen())
			}
		})
	}
}

// r after "Azure asked to wait 120 s" sits the wait out, saying so, and
// esc stops it.
func TestWeatherRetryKeyWaitsAsked(t *testing.T) {
	h := weatherHarness(t, 120, 30, emulator.Fault{Method: "GET", PathContains: "/providers/Microsoft.Billing/billingAccounts", Status: 429, RetryAfter: 120 * time.Second})
	l := h.app.top().(*home).accounts
	cmd := l.reload() // what r does; not run, so the test does not wait
	if cmd == nil {
		t.Fatal("no load started")
	}
	if v := l.View(120, 20); !strings.Contains(v, "Waiting 120 s more, as Azure asked") {
		t.Errorf("the wait is not said:\n%s", v)
	}
	l.cancel()
	if msg, ok := cmd().(loadedMsg); !ok || !errors.Is(msg.err, context.Canceled) {
		t.Errorf("cancelled wait answered %#v", msg)
	}
}

func TestWeatherListingRecovers(t *testing.T) {
	h := weatherHarness(t, 120, 30, emulator.Fault{Method: "GET", PathContains: "/providers/Microsoft.Billing/billingAccounts", Status: 503, Times: 2})
	mustShow(t, h, "Contoso Ltd")
}

// downloadStatus runs key on the Finance invoices and returns the status
// line and the folder's files.
func downloadStatus(t *testing.T, h *harness, key string) (string, []string) {
	t.Helper()
	h.selectRow("Contoso Ltd")
	h.keys("enter")
	h.selectRow("Finance")
	h.keys("enter")
	h.keys(key)
	h.waitDownloads()
	return h.app.status.text, dirFiles(t, h.app.c.cfg.DownloadDir)
}

func TestWeatherDownloadWords(t *testing.T) {
	tests := []struct {
		name  string
		key   string
		fault emulator.Fault
		wants []string
	}{
		{"blob link refused", "d", emulator.Fault{Host: "blob", PathContains: "/invoices/", Status: 403, Code: "AuthenticationFailed"},
			[]string{"refused the download link", "Start the download again"}},
		{"blob cut off", "d", emulator.Fault{Host: "blob", PathContains: "/invoices/", Kind: emulator.FaultTruncate},
			[]string{"before the whole file arrived", "retried 3 times", "Start the download again"}},
		{"blob 503", "D", emulator.Fault{Host: "blob", PathContains: "/documents/", Status: 503},
			[]string{"server error 503", "retried 3 times", "Start the download again"}},
		{"operation status failing", "d", emulator.Fault{Method: "GET", PathContains: "/operationResults/", Status: 503},
			[]string{"its status kept answering 503", "stopped waiting", "retried", "Start the download again"}},
		{"usage body is JSON", "u", emulator.Fault{Host: "blob", PathContains: "/usage/", Kind: emulator.FaultMalformedJSON},
			[]string{"not the kind of file expected", `it starts "{`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := weatherHarness(t, 160, 30, tt.fault)
			status, files := downloadStatus(t, h, tt.key)
			for _, w := range tt.wants {
				if !strings.Contains(status, w) {
					t.Errorf("%q missing from %q", w, status)
				}
			}
			if strings.Contains(status, "press r") || strings.Contains(status, "Press r") {
				t.Errorf("a download failure points at r (which refreshes): %q", status)
			}
			if strings.Contains(status, "billing role") || strings.Contains(status, "az login") {
				t.Errorf("a blob failure blamed on roles or sign-in: %q", status)
			}
			if len(files) != 0 {
				t.Errorf("left in the folder: %v", files)
			}
		})
	}
}

func TestWeatherDownloadLocalFolder(t *testing.T) {
	h := weatherHarness(t, 160, 30)
	h.app.c.cfg.DownloadDir = filepath.Join(t.TempDir(), "missing")
	h.selectRow("Contoso Ltd")
	h.keys("enter")
	h.selectRow("Finance")
	h.keys("enter", "d")
	h.waitDownloads()
	status := h.app.status.text
	if !strings.Contains(status, "Nothing could be written on this computer") {
		t.Errorf("status %q", status)
	}
	if strings.Contains(status, "Azure could not be reached") {
		t.Errorf("a local folder blamed on the network: %q", status)
	}
	if _, err := os.Stat(h.app.c.cfg.DownloadDir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the folder was made: %v", err)
	}
}

func TestWeatherEmailThrottledWrite(t *testing.T) {
	h := weatherHarness(t, 100, 30)
	s := openEmail(t, h, "Contoso Ltd", "Finance")
	h.srv.SetFault(emulator.Fault{Method: "PUT", PathContains: "/billingProfiles/", Status: 429, RetryAfter: 120 * time.Second})
	h.keys("t", "y")
	if n := writes(h); n != 1 {
		t.Errorf("%d writes: a write is never retried blindly", n)
	}
	mustShow(t, h, "The change could not be confirmed", "asked to wait 120 s", "Email invoices: Off")
	if serverProfile(t, h, s).Email.Enabled() {
		t.Error("the change was applied")
	}
}

func TestWeatherWhyScreen(t *testing.T) {
	// A list that could not be read is said so; it is never taken for
	// "no access" (a 403 is) or for "no invoices".
	for _, f := range []emulator.Fault{
		{Method: "GET", PathContains: "/invoices", Status: 503},
		{Method: "GET", PathContains: "/invoices", Kind: emulator.FaultReset},
		{Method: "GET", PathContains: "/invoices", Status: 429, RetryAfter: 120 * time.Second},
		{Method: "GET", PathContains: "/invoices", Kind: emulator.FaultMalformedJSON},
	} {
		h := weatherHarness(t, 120, 60)
		h.selectRow("Contoso Ltd")
		h.keys("enter")
		h.selectRow("Finance")
		h.srv.SetFault(f)
		h.keys("w")
		scr := flat(h)
		if !strings.Contains(scr, "The invoice list could not be read") {
			t.Errorf("fault %+v: the unread list is not said:\n%s", f, h.screen())
		}
		if strings.Contains(scr, "Applies · You have no access") || strings.Contains(scr, "Something went wrong") {
			t.Errorf("fault %+v: invented or wordless:\n%s", f, h.screen())
		}
	}
}

// The Subscriptions tab shows rows before their billing details, says how
// far it is, and keeps what arrived when the list completes.
func TestWeatherSubscriptionsFillIn(t *testing.T) {
	c := New(context.Background(), Config{Now: func() time.Time { return testNow }}).c
	l := azureSubsList(c)
	l.spec.stream = func(ctx context.Context, emit func([]model.Subscription)) ([]model.Subscription, error) {
		return nil, nil
	}
	_ = l.reload()
	pending := []model.Subscription{
		{SubscriptionID: "s1", DisplayName: "One", PropertyErr: client.ErrPending},
		{SubscriptionID: "s2", DisplayName: "Two", Agreement: model.AgreementMCA},
	}
	next := func() tea.Msg { return nil }
	l.Update(loadedMsg{screen: l.id, seq: l.seq, value: pending, partial: true, next: next})
	view := l.View(120, 20)
	for _, w := range []string{"One", "Two", i18n.T("subs.filling", map[string]any{"Done": 1, "Total": 2}), "…"} {
		if !strings.Contains(view, w) {
			t.Errorf("%q missing:\n%s", w, view)
		}
	}
	if l.Current() == nil {
		t.Error("rows cannot be chosen while the rest fills in")
	}
	// enter on a row still pending does nothing rather than a wrong notice.
	if cmd := subscriptionInvoices(c, pending[0]); cmd != nil {
		t.Error("a pending row opened something")
	}
	done := []model.Subscription{pending[1], {SubscriptionID: "s1", DisplayName: "One", Agreement: model.AgreementMOSP}}
	l.Update(loadedMsg{screen: l.id, seq: l.seq, value: done})
	if view := l.View(120, 20); strings.Contains(view, "billing details read") {
		t.Errorf("still filling after the end:\n%s", view)
	}
}

// A sign-in that expires mid-session (Entra ID refuses the refresh with
// an AADSTS code) is said as such, not as "something went wrong".
func TestWeatherSignInExpiresMidSession(t *testing.T) {
	h := weatherHarnessOpts(t, 120, 30, emulator.Options{TokenLimit: 1, TokenLife: 100 * time.Millisecond})
	mustShow(t, h, "Contoso Ltd")      // the first token served the accounts
	time.Sleep(200 * time.Millisecond) // it expires; Entra ID refuses the refresh
	h.keys("tab")
	mustShow(t, h, "Your sign-in has expired or was revoked", "az login")
	if strings.Contains(flat(h), "Something went wrong") {
		t.Errorf("generic words:\n%s", h.screen())
	}
}

var _ = spinner.TickMsg{}
