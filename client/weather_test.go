package client

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"

	"github.com/azinvoice/azinvoice/client/emulator"
	"github.com/azinvoice/azinvoice/model"
)

// Bad weather: each fault the emulator can inject, on each surface the
// client serves (listing, download operation, blob, email change), ends in
// a retry that works or in an error naming its cause and what was done,
// quickly, with nothing partial saved.

// fastRetry is the policy with test-sized waits: 3 retries, 5 ms backoff,
// a 2 s ceiling.
var fastRetry = policy.RetryOptions{MaxRetries: 3, RetryDelay: 5 * time.Millisecond, MaxRetryDelay: 2 * time.Second, TryTimeout: 2 * time.Second}

func weatherEmu(t *testing.T, opts emulator.Options, faults ...emulator.Fault) (*emulator.Server, *Live) {
	t.Helper()
	opts.Faults = append(opts.Faults, faults...)
	if opts.PollAfter == 0 {
		// Done at the first poll: a running operation answers whole-second
		// Retry-Afters, which would make every case here take a second.
		opts.PollAfter = -time.Millisecond
	}
	emu, err := emulator.Start(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { emu.Close() })
	l, err := NewLive(Options{Credential: emu.Credential(), Endpoint: emu.URL(), Transport: emu.HTTPClient(),
		BlobClient: emu.HTTPClient(), PollEvery: 10 * time.Millisecond, Retry: fastRetry, PollGiveUp: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	return emu, l
}

func countReqs(emu *emulator.Server, method, pathPart string) int {
	n := 0
	for _, r := range emu.Requests() {
		if (method == "" || r.Method == method) && strings.Contains(r.Path, pathPart) {
			n++
		}
	}
	return n
}

func TestWeatherListing(t *testing.T) {
	const path = "/providers/Microsoft.Billing/billingAccounts"
	tests := []struct {
		name      string
		fault     emulator.Fault
		ok        bool
		cause     Cause
		tries     int
		asked     time.Duration
		maxTime   time.Duration
		extraOpts func(*emulator.Options)
	}{
		{name: "503 burst then fine", fault: emulator.Fault{Method: "GET", PathContains: path, Status: 503, Times: 2}, ok: true},
		{name: "429 burst with short Retry-After", fault: emulator.Fault{Method: "GET", PathContains: path, Status: 429, Times: 1, RetryAfter: time.Second}, ok: true},
		{name: "reset once", fault: emulator.Fault{Method: "GET", PathContains: path, Kind: emulator.FaultReset, Times: 1}, ok: true},
		{name: "cut-off body once", fault: emulator.Fault{Method: "GET", PathContains: path, Kind: emulator.FaultTruncate, Times: 1}, ok: true},
		{name: "hang once", fault: emulator.Fault{Method: "GET", PathContains: path, Kind: emulator.FaultHang, Times: 1}, ok: true, maxTime: 5 * time.Second},
		{name: "slow but in time", fault: emulator.Fault{Method: "GET", PathContains: path, Kind: emulator.FaultSlow, Delay: 300 * time.Millisecond, Times: 1}, ok: true},
		{name: "503 for good", fault: emulator.Fault{Method: "GET", PathContains: path, Status: 503}, cause: CauseService, tries: 4},
		{name: "429 asking 120 s", fault: emulator.Fault{Method: "GET", PathContains: path, Status: 429, RetryAfter: 120 * time.Second}, cause: CauseThrottled, tries: 1, asked: 120 * time.Second},
		{name: "malformed JSON", fault: emulator.Fault{Method: "GET", PathContains: path, Kind: emulator.FaultMalformedJSON}, cause: CauseBadData},
		{name: "403", fault: emulator.Fault{Method: "GET", PathContains: path, Status: 403}, cause: CauseForbidden, tries: 1},
		{name: "404", fault: emulator.Fault{Method: "GET", PathContains: path, Status: 404}, cause: CauseNotFound, tries: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			emu, l := weatherEmu(t, emulator.Options{}, tt.fault)
			start := time.Now()
			accs, err := l.Accounts(context.Background())
			took := time.Since(start)
			max := tt.maxTime
			if max == 0 {
				max = 3 * time.Second
			}
			if took > max {
				t.Errorf("took %v, want under %v", took, max)
			}
			if tt.ok {
				if err != nil {
					t.Fatalf("Accounts: %v (requests %d)", err, countReqs(emu, "GET", path))
				}
				if len(accs) == 0 {
					t.Fatal("no accounts after the retry")
				}
				return
			}
			if err == nil {
				t.Fatalf("no error; got %d accounts (invented?)", len(accs))
			}
			if len(accs) != 0 {
				t.Errorf("%d accounts returned with the error", len(accs))
			}
			if c := Classify(err); c != tt.cause {
				t.Errorf("cause %q, want %q (%v)", c, tt.cause, err)
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("not an *Error: %T", err)
			}
			if tt.tries != 0 && e.Tries != tt.tries {
				t.Errorf("tries %d, want %d", e.Tries, tt.tries)
			}
			if e.RetryAfter != tt.asked {
				t.Errorf("RetryAfter %v, want %v", e.RetryAfter, tt.asked)
			}
		})
	}
}

func TestWeatherThrottledBudget(t *testing.T) {
	// ARM's budget, shrunk: 5 reads then 20 a second. Paging through the
	// accounts with retries honouring Retry-After gets there.
	_, l := weatherEmu(t, emulator.Options{Throttle: &emulator.Throttle{Rate: 20, Burst: 5}, PageSize: 1})
	accs, err := l.Accounts(context.Background())
	if err != nil || len(accs) == 0 {
		t.Fatalf("Accounts under throttling: %d, %v", len(accs), err)
	}
}

func TestWeatherSignInExpires(t *testing.T) {
	_, l := weatherEmu(t, emulator.Options{TokenLimit: 1, TokenLife: 200 * time.Millisecond})
	ctx := context.Background()
	if _, err := l.Accounts(ctx); err != nil {
		t.Fatalf("first call, with the one token: %v", err)
	}
	time.Sleep(300 * time.Millisecond) // the token expires; Entra ID refuses a new one
	_, err := l.Accounts(ctx)
	if err == nil {
		t.Fatal("no error after the sign-in expired")
	}
	if c := Classify(err); c != CauseSignIn {
		t.Errorf("cause %q, want signin: %v", c, err)
	}
}

func TestWeatherSubscriptionsFillIn(t *testing.T) {
	emu, err := emulator.Start(emulator.Options{Latency: 20 * time.Millisecond, Scale: emulator.Scale{Subscriptions: 80}})
	if err != nil {
		t.Fatal(err)
	}
	defer emu.Close()
	ct := &countingTransport{next: emu.HTTPClient().Transport}
	l, err := NewLive(Options{Credential: emu.Credential(), Endpoint: emu.URL(), Transport: &http.Client{Transport: ct},
		BlobClient: emu.HTTPClient(), Retry: fastRetry})
	if err != nil {
		t.Fatal(err)
	}
	var emits [][]model.Subscription
	subs, err := l.SubscriptionsProgress(context.Background(), func(s []model.Subscription) { emits = append(emits, s) })
	if err != nil {
		t.Fatal(err)
	}
	if len(emits) < 2 {
		t.Fatalf("%d reports, want the rows first and then more", len(emits))
	}
	first := emits[0]
	if len(first) != len(subs) {
		t.Errorf("first report has %d rows, want all %d", len(first), len(subs))
	}
	for _, s := range first {
		if !errors.Is(s.PropertyErr, ErrPending) {
			t.Errorf("%s: first report already has its property (%v)", s.SubscriptionID, s.PropertyErr)
			break
		}
	}
	for _, s := range subs {
		if errors.Is(s.PropertyErr, ErrPending) {
			t.Errorf("%s still pending at the end", s.SubscriptionID)
		}
	}
	if m := ct.max.Load(); m > propertyFanout+1 {
		t.Errorf("%d requests in flight, want at most %d", m, propertyFanout)
	}
	if m := ct.max.Load(); m < 4 {
		t.Errorf("only %d in flight: not concurrent", m)
	}
}

// Under ARM's budget (shrunk here) no 429 reaches a row: the calls in
// flight beside a throttled one hold back with it.
func TestWeatherSubscriptionsUnderBudget(t *testing.T) {
	emu, err := emulator.Start(emulator.Options{Throttle: &emulator.Throttle{Rate: 100, Burst: 30}, Scale: emulator.Scale{Subscriptions: 150}})
	if err != nil {
		t.Fatal(err)
	}
	defer emu.Close()
	l, err := NewLive(Options{Credential: emu.Credential(), Endpoint: emu.URL(), Transport: emu.HTTPClient(), BlobClient: emu.HTTPClient(),
		Retry: policy.RetryOptions{MaxRetries: 4, RetryDelay: 50 * time.Millisecond, MaxRetryDelay: 5 * time.Second}})
	if err != nil {
		t.Fatal(err)
	}
	subs, err := l.Subscriptions(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range subs {
		if IsThrottled(s.PropertyErr) {
			t.Errorf("%s: %v", s.SubscriptionID, s.PropertyErr)
		}
	}
}

// TestWeatherMatrix crosses each fault kind with each surface: it ends in
// success after retries, or in an error of the right cause, quickly, with
// nothing saved and nothing returned that Azure did not send.
func TestWeatherMatrix(t *testing.T) {
	old := stallTimeout
	stallTimeout = 300 * time.Millisecond // a hanging blob is cut sooner
	t.Cleanup(func() { stallTimeout = old })
	type surface struct {
		name   string
		fault  func(emulator.Fault) emulator.Fault // aims the fault at this surface
		run    func(t *testing.T, l *Live, dir string) error
		writes bool // a write: never retried, so a transient fault fails it
	}
	var d demo
	mca := func() model.Scope { return d.scope(model.AgreementMCA) }
	firstInvoice := func(t *testing.T, l *Live) model.Invoice {
		invs, err := l.Invoices(context.Background(), mca(), model.Period{})
		if err != nil || len(invs) == 0 {
			t.Fatalf("invoices: %v", err)
		}
		return invs[0]
	}
	surfaces := []surface{
		{name: "listing", fault: func(f emulator.Fault) emulator.Fault { f.Method, f.PathContains = "GET", "/invoices"; return f },
			run: func(t *testing.T, l *Live, _ string) error {
				invs, err := l.Invoices(context.Background(), mca(), model.Period{})
				if err != nil && len(invs) > 0 {
					t.Errorf("%d invoices returned with an error", len(invs))
				}
				return err
			}},
		{name: "download operation", fault: func(f emulator.Fault) emulator.Fault { f.Method, f.PathContains = "POST", "/download"; return f },
			run: func(t *testing.T, l *Live, dir string) error {
				_, err := Save(context.Background(), l, dir, Job{Kind: JobInvoicePDF, Scope: mca(), Invoice: firstInvoice(t, l)}, ExistingFail, nil)
				return err
			}},
		{name: "download blob", fault: func(f emulator.Fault) emulator.Fault { f.Host, f.PathContains = "blob", "/invoices/"; return f },
			run: func(t *testing.T, l *Live, dir string) error {
				_, err := Save(context.Background(), l, dir, Job{Kind: JobInvoicePDF, Scope: mca(), Invoice: firstInvoice(t, l)}, ExistingFail, nil)
				return err
			}},
		{name: "email change", writes: true, fault: func(f emulator.Fault) emulator.Fault { f.Method, f.PathContains = "PUT", "/billingProfiles/"; return f },
			run: func(t *testing.T, l *Live, _ string) error {
				on := !d.owner.Email.Enabled()
				_, err := l.SetEmail(context.Background(), d.accounts[model.AgreementMCA].Name, d.owner.Name, model.EmailPreference{OptIn: &on}, nil)
				return err
			}},
	}
	faults := []struct {
		name  string
		f     emulator.Fault
		cause Cause // "" = the retry works
	}{
		{"503 burst", emulator.Fault{Status: 503, Times: 2}, ""},
		{"503 for good", emulator.Fault{Status: 503}, CauseService},
		{"429 asking 120 s", emulator.Fault{Status: 429, RetryAfter: 120 * time.Second}, CauseThrottled},
		{"reset once", emulator.Fault{Kind: emulator.FaultReset, Times: 1}, ""},
		{"reset for good", emulator.Fault{Kind: emulator.FaultReset}, CauseNetwork},
		{"cut off for good", emulator.Fault{Kind: emulator.FaultTruncate}, CauseNetwork},
		{"malformed JSON", emulator.Fault{Kind: emulator.FaultMalformedJSON}, CauseBadData},
		{"403", emulator.Fault{Status: 403}, CauseForbidden},
		{"hang once", emulator.Fault{Kind: emulator.FaultHang, Times: 1}, ""},
		{"slow", emulator.Fault{Kind: emulator.FaultSlow, Delay: 200 * time.Millisecond}, ""},
	}
	for _, sf := range surfaces {
		for _, ft := range faults {
			t.Run(sf.name+"/"+ft.name, func(t *testing.T) {
				emu, l := weatherEmu(t, emulator.Options{})
				d = loadDemo(t, l)
				f := sf.fault(ft.f)
				want := ft.cause
				switch {
				case sf.name == "download blob" && f.Kind == emulator.FaultMalformedJSON:
					// 200 with a JSON body where a PDF belongs: refused by its content check.
					want = CauseBadData
				case sf.name == "download blob" && f.Status == 403:
					want = CauseLink // an expired link, not a missing role
				case sf.name == "download blob" && f.Kind == emulator.FaultTruncate:
					want = CauseNetwork
				case sf.writes && want == "" && f.Kind != emulator.FaultSlow:
					// A write is not retried: the transient fault fails it.
					want = "any"
				}
				if sf.writes && f.Kind == emulator.FaultMalformedJSON {
					want = "any" // the PUT's answer is unreadable; what Azure holds is read back by the screen
				}
				emu.SetFault(f)
				dir := t.TempDir()
				start := time.Now()
				err := sf.run(t, l, dir)
				if took := time.Since(start); took > 8*time.Second {
					t.Errorf("took %v", took)
				}
				switch want {
				case "":
					if err != nil {
						t.Fatalf("the retry did not work: %v", err)
					}
				case "any":
					if err == nil {
						t.Fatal("a write went through a fault without a word")
					}
					if n := countReqs(emu, "PUT", "/billingProfiles/"); n != 1 {
						t.Errorf("%d PUTs: a write must not be retried", n)
					}
				default:
					if err == nil {
						t.Fatal("no error")
					}
					if c := Classify(err); c != want {
						t.Errorf("cause %q, want %q: %v", c, want, err)
					}
				}
				if err != nil {
					assertNothingSaved(t, dir)
				}
			})
		}
	}
}
