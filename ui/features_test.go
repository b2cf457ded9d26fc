package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/azinvoice/azinvoice/client"
	"github.com/azinvoice/azinvoice/client/emulator"
	"github.com/azinvoice/azinvoice/model"
)

var featureSizes = []struct{ w, h int }{{80, 24}, {200, 50}}

func demoReadOnly(_ *emulator.Options, c *Config) { c.Demo, c.ReadOnly = true, true }

// msgTypes names the messages cmd leads to (one level, batches opened).
func msgTypes(cmd tea.Cmd) string {
	var out []string
	for _, m := range flattenDeep(cmd) {
		out = append(out, fmt.Sprintf("%T", m))
	}
	return strings.Join(out, " ")
}

func TestStatusBar(t *testing.T) {
	for _, sz := range featureSizes {
		h := newHarness(t, sz.w, sz.h, demoReadOnly)
		bar := strings.Split(h.screen(), "\n")[1]
		for _, want := range []string{"DEMO", "READ-ONLY", "jana@contoso.com"} {
			if !strings.Contains(bar, want) {
				t.Errorf("%dx%d: %q missing from the bar %q", sz.w, sz.h, want, bar)
			}
		}
		if sz.w >= 200 && (!strings.Contains(bar, "<downloads>") || !strings.Contains(bar, "read 09:30:00 UTC")) {
			t.Errorf("the wide bar lacks the folder or the time read: %q", bar)
		}
		golden(t, fmt.Sprintf("statusbar_%dx%d", sz.w, sz.h), h.screen())
	}
}

func TestCopyAndInfo(t *testing.T) {
	for _, sz := range featureSizes {
		h := financeInvoices(t)
		h.send(tea.WindowSizeMsg{Width: sz.w, Height: sz.h})
		inv := h.app.top().(*invoicesScr).Current()
		var system string
		systemClipboard = func(s string) error { system = s; return nil }
		_, cmd := h.app.Update(keyMsg("y"))
		if !strings.Contains(msgTypes(cmd), "setClipboardMsg") || !strings.Contains(h.screen(), "Copied: "+inv.Name) {
			t.Fatalf("y did not copy %s (%s):\n%s", inv.Name, msgTypes(cmd), h.screen())
		}
		if system != inv.Name {
			t.Errorf("the system clipboard fallback got %q", system)
		}
		h.keys("i")
		scr := h.screen()
		for _, want := range []string{"Invoice ID", inv.Name, "Billing account ID", "Portal"} {
			if !strings.Contains(scr, want) {
				t.Errorf("%q missing from the info view:\n%s", want, scr)
			}
		}
		golden(t, fmt.Sprintf("info_%dx%d", sz.w, sz.h), scr)
		h.keys("esc")
	}
	// The subscription's GUID on the Subscriptions tab.
	h := newHarness(t, 120, 40)
	h.keys("tab")
	h.selectRow("Fabrikam Production")
	sub := h.app.top().(*home).subs.Current()
	h.keys("y")
	if !strings.Contains(h.screen(), sub.SubscriptionID) {
		t.Errorf("y did not copy the subscription ID:\n%s", h.screen())
	}
}

func TestSortRemembered(t *testing.T) {
	for _, sz := range featureSizes {
		h := financeInvoices(t)
		h.send(tea.WindowSizeMsg{Width: sz.w, Height: sz.h})
		h.keys(">", ">", ">", ">") // Billed
		s := h.app.top().(*invoicesScr)
		first := s.items[s.tbl.visible[0]]
		for _, vi := range s.tbl.visible {
			if s.items[vi].Billed.Amount < first.Billed.Amount {
				t.Fatalf("not sorted by billed: %v before %v", first.Billed, s.items[vi].Billed)
			}
		}
		if !strings.Contains(h.screen(), "Billed↑") {
			t.Errorf("no sort arrow:\n%s", h.screen())
		}
		golden(t, fmt.Sprintf("sorted_%dx%d", sz.w, sz.h), h.screen())
		h.keys("<")
		if !s.tbl.desc || !strings.Contains(h.screen(), "Billed↓") {
			t.Errorf("< did not reverse")
		}
		// Another invoices list opens sorted the same way.
		h.keys("esc", "esc", "esc")
		h.selectRow("Contoso Enterprise Enrollment")
		h.keys("enter")
		if e := h.app.top().(*invoicesScr); e.tbl.sortCol != 3 || !e.tbl.desc {
			t.Errorf("sort not remembered: col %d desc %v", e.tbl.sortCol, e.tbl.desc)
		}
	}
}

func TestMarkAndDownloadTogether(t *testing.T) {
	for _, sz := range featureSizes {
		h := financeInvoices(t)
		h.send(tea.WindowSizeMsg{Width: sz.w, Height: sz.h})
		h.keys("space", "space")
		scr := h.screen()
		if !strings.Contains(scr, "2 marked") || strings.Count(scr, "●") != 2 {
			t.Fatalf("two rows not marked:\n%s", scr)
		}
		golden(t, fmt.Sprintf("marked_%dx%d", sz.w, sz.h), scr)
		h.keys("d")
		if n := h.app.c.dl.runningCount(); n != 2 {
			t.Fatalf("%d downloads started, want 2:\n%s", n, h.screen())
		}
		h.waitDownloads()
		if pdfs, _ := filepath.Glob(filepath.Join(h.app.c.cfg.DownloadDir, "*.pdf")); len(pdfs) != 2 {
			t.Errorf("saved %v", pdfs)
		}
		// The downloads panel lists both, with path and status; enter opens one.
		var opened string
		old := openFile
		openFile = func(p string) error { opened = p; return nil }
		t.Cleanup(func() { openFile = old })
		h.send(tea.KeyPressMsg{Code: 'o', Mod: tea.ModCtrl})
		scr = h.screen()
		if strings.Count(scr, "Saved") < 2 || !strings.Contains(scr, ".pdf") {
			t.Fatalf("downloads panel:\n%s", scr)
		}
		golden(t, fmt.Sprintf("downloads_%dx%d", sz.w, sz.h), scr)
		h.keys("enter")
		if !strings.HasSuffix(opened, ".pdf") {
			t.Errorf("enter opened %q", opened)
		}
	}
}

// countingBilling counts the requests in flight.
type countingBilling struct {
	client.Billing
	now, most atomic.Int32
	calls     atomic.Int32
}

func (c *countingBilling) in() func() {
	n := c.now.Add(1)
	c.calls.Add(1)
	for {
		m := c.most.Load()
		if n <= m || c.most.CompareAndSwap(m, n) {
			break
		}
	}
	time.Sleep(5 * time.Millisecond) // hold the slot, as a slow ARM would
	return func() { c.now.Add(-1) }
}

func (c *countingBilling) Accounts(ctx context.Context) ([]model.Account, error) {
	defer c.in()()
	return c.Billing.Accounts(ctx)
}

func (c *countingBilling) Profiles(ctx context.Context, a string) ([]model.Profile, error) {
	defer c.in()()
	return c.Billing.Profiles(ctx, a)
}

func (c *countingBilling) BillingSubscriptions(ctx context.Context, sc model.Scope) ([]model.Subscription, error) {
	defer c.in()()
	return c.Billing.BillingSubscriptions(ctx, sc)
}

func (c *countingBilling) Invoices(ctx context.Context, sc model.Scope, p model.Period) ([]model.Invoice, error) {
	defer c.in()()
	return c.Billing.Invoices(ctx, sc, p)
}

func TestEveryInvoice(t *testing.T) {
	for _, sz := range featureSizes {
		h := newHarness(t, sz.w, sz.h)
		h.keys("A")
		e, ok := h.app.top().(*everyInvoice)
		if !ok {
			t.Fatalf("A did not open every invoice:\n%s", h.screen())
		}
		if e.running {
			t.Fatal("the crawl did not finish")
		}
		scr := h.screen()
		for _, want := range []string{"scopes read", "Due: ", "G1015081"} {
			if !strings.Contains(scr, want) {
				t.Errorf("%q missing:\n%s", want, scr)
			}
		}
		if st := e.items[e.tbl.visible[0]].inv.Status; dueRank(st) == 2 {
			t.Errorf("first row is %s, not due or past due:\n%s", st, scr)
		}
		golden(t, fmt.Sprintf("every_%dx%d", sz.w, sz.h), scr)
		h.keys("enter")
		if _, ok := h.app.top().(*detail); !ok {
			t.Errorf("enter did not open the invoice:\n%s", h.screen())
		}
	}
}

// The crawl keeps at most maxInFlight requests open, and the view can be
// used (filtered, moved) while scopes are still answering.
func TestEveryInvoiceBoundedAndUsableWhileLoading(t *testing.T) {
	h := newHarness(t, 120, 40, func(o *emulator.Options, _ *Config) { o.Scale.Accounts = 80 })
	cb := &countingBilling{Billing: h.app.c.cfg.Billing}
	h.app.c.cfg.Billing = cb
	_, cmd := h.app.Update(keyMsg("A"))
	var push pushMsg
	for _, m := range flattenDeep(cmd) {
		if p, ok := m.(pushMsg); ok {
			push = p
		}
	}
	_, listen := h.app.Update(push)
	e := h.app.top().(*everyInvoice)
	// Take a few answers, then use the screen before the rest.
	for i := 0; i < 5 && listen != nil; i++ {
		var next tea.Cmd
		for _, m := range flattenDeep(listen) {
			_, next = h.app.Update(m)
		}
		listen = next
	}
	if !e.running {
		t.Fatal("the crawl ended before the screen could be used while loading")
	}
	if !strings.Contains(h.screen(), " of ") {
		t.Errorf("no progress count while loading:\n%s", h.screen())
	}
	h.keys("/", "x", "esc", "j")
	var mu sync.Mutex
	mu.Lock()
	for listen != nil {
		var next tea.Cmd
		for _, m := range flattenDeep(listen) {
			_, next = h.app.Update(m)
		}
		listen = next
	}
	mu.Unlock()
	if e.running {
		t.Fatal("the crawl did not end")
	}
	if m := cb.most.Load(); m > maxInFlight || cb.calls.Load() < 80 {
		t.Errorf("%d requests in flight at most (limit %d), %d calls", m, maxInFlight, cb.calls.Load())
	}
	if !strings.Contains(h.screen(), "scopes read") {
		t.Errorf("no total:\n%s", h.screen())
	}
}

func TestPortalBlades(t *testing.T) {
	var opened []string
	old := openBrowser
	openBrowser = func(u string) error { opened = append(opened, u); return nil }
	t.Cleanup(func() { openBrowser = old })
	h := financeInvoices(t)
	acct := h.app.top().(*invoicesScr).scope.AccountName
	h.keys("o")
	h = newHarness(t, 120, 40)
	h.keys("tab")
	h.selectRow("Fabrikam Production")
	sub := h.app.top().(*home).subs.Current().SubscriptionID
	h.keys("o")
	if len(opened) != 2 || !strings.Contains(opened[0], "Invoices/billingAccountId/") || !strings.Contains(opened[0], acct) ||
		!strings.Contains(opened[1], "#@/resource/subscriptions/"+sub) {
		t.Errorf("opened %q", opened)
	}
}

func TestMouse(t *testing.T) {
	h := newHarness(t, 120, 40)
	click := func(x, y int) {
		h.screen() // clicks land on what was last drawn
		h.send(tea.MouseClickMsg{X: x, Y: y, Button: tea.MouseLeft})
	}
	// Rows start under the bar (line 2), the tabs (line 2) and the header (line 3).
	click(5, 5) // the second account
	if !strings.Contains(h.selected(), "Contoso Ltd") {
		t.Fatalf("click did not select: %q", h.selected())
	}
	click(5, 5)
	if _, ok := h.app.top().(*home); ok {
		t.Fatalf("double click did not open:\n%s", h.screen())
	}
	h.keys("esc")
	click(20, 2) // the Subscriptions tab
	if h.app.top().(*home).tab != 1 {
		t.Errorf("click on the tab did not switch:\n%s", h.screen())
	}
	h.keys("?")
	click(5, 5)
	if !h.app.fullHelp {
		t.Error("a click under help reached the screen")
	}
}

// The full help and the quit question, as drawn.
func TestHelpAndQuitGolden(t *testing.T) {
	for _, sz := range featureSizes {
		h := financeInvoices(t)
		h.send(tea.WindowSizeMsg{Width: sz.w, Height: sz.h})
		h.keys("?")
		golden(t, fmt.Sprintf("help_%dx%d", sz.w, sz.h), h.screen())
		h.keys("esc", "d")
		h.app.Update(keyMsg("q"))
		golden(t, fmt.Sprintf("quit_%dx%d", sz.w, sz.h), h.screen())
		h.keys("n")
		h.waitDownloads()
	}
}

// esc stops the crawl and says the list is partial; r reads every scope again.
func TestEveryInvoiceStopAndRefresh(t *testing.T) {
	h := newHarness(t, 120, 40)
	_, cmd := h.app.Update(keyMsg("A"))
	for _, m := range flattenDeep(cmd) {
		h.app.Update(m) // pushed; the crawl's answers are held
	}
	e := h.app.top().(*everyInvoice)
	h.keys("esc")
	if e.running || !strings.Contains(h.screen(), "stopped after") {
		t.Fatalf("esc did not stop the crawl:\n%s", h.screen())
	}
	h.keys("r")
	if e.running || !strings.Contains(h.screen(), "scopes read") || len(e.items) == 0 {
		t.Fatalf("r did not read again:\n%s", h.screen())
	}
}
