package client

import (
	"bytes"
	"context"
	"errors"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/azinvoice/azinvoice/client/emulator"
	"github.com/azinvoice/azinvoice/model"
)

// Integration tests: the real SDK path (retry policy, pagers, pollers)
// against the loopback emulator serving the demo data set.

func TestLiveAccountsProfiles(t *testing.T) {
	_, l := startEmu(t, emulator.Options{})
	d := loadDemo(t, l)
	if len(d.profiles) < 2 {
		t.Fatalf("profiles = %d", len(d.profiles))
	}
	p, err := l.Profile(context.Background(), d.accounts[model.AgreementMCA].Name, d.owner.Name)
	if err != nil {
		t.Fatal(err)
	}
	if p.ETag == "" || p.Title() == model.None {
		t.Errorf("profile = %+v", p)
	}
	ea := d.accounts[model.AgreementEA]
	if _, err := l.Policies(context.Background(), ea.Name); err != nil {
		t.Errorf("policies: %v", err)
	}
}

func TestLiveInvoicesEachAgreement(t *testing.T) {
	_, l := startEmu(t, emulator.Options{})
	d := loadDemo(t, l)
	for _, a := range []model.Agreement{model.AgreementMCA, model.AgreementEA} {
		invs, err := l.Invoices(context.Background(), d.scope(a), model.Period{})
		if err != nil {
			t.Fatalf("%s: %v", a.Badge(), err)
		}
		if len(invs) == 0 {
			t.Errorf("%s: no invoices", a.Badge())
		}
		for i := 1; i < len(invs); i++ {
			if invs[i].Date.After(invs[i-1].Date) {
				t.Errorf("%s: not newest first at %d", a.Badge(), i)
			}
		}
	}
	mospScope(t, l, d)
}

func TestLiveSubscriptions(t *testing.T) {
	_, l := startEmu(t, emulator.Options{})
	subs, err := l.Subscriptions(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var known int
	for _, s := range subs {
		if s.SubscriptionID == "" {
			t.Errorf("subscription without ID: %+v", s)
		}
		if s.PropertyErr == nil && s.Agreement != model.AgreementUnknown {
			known++
		}
	}
	if len(subs) == 0 || known == 0 {
		t.Fatalf("%d subscriptions, %d with a billing property", len(subs), known)
	}
}

func TestLiveDownloadsNeverSendToken(t *testing.T) {
	emu, l := startEmu(t, emulator.Options{})
	d := loadDemo(t, l)
	ctx := context.Background()
	mosp, mospInvs := mospScope(t, l, d)
	cases := []struct {
		scope model.Scope
		invs  []model.Invoice
	}{{scope: mosp, invs: mospInvs}}
	for _, a := range []model.Agreement{model.AgreementMCA, model.AgreementEA} {
		invs, err := l.Invoices(ctx, d.scope(a), model.Period{})
		if err != nil {
			t.Fatal(err)
		}
		cases = append(cases, struct {
			scope model.Scope
			invs  []model.Invoice
		}{d.scope(a), invs})
	}
	kinds := map[model.DocumentKind]bool{}
	for _, c := range cases {
		for _, inv := range c.invs {
			for _, doc := range inv.Documents {
				if kinds[doc.Kind] {
					continue
				}
				link, err := l.DocumentLink(ctx, c.scope, inv.Name, &doc, nil)
				if err != nil {
					t.Fatalf("%s %s %s: %v", c.scope.Agreement.Badge(), inv.Name, doc.Name, err)
				}
				var buf bytes.Buffer
				if _, err := l.Fetch(ctx, link, &buf, nil); err != nil {
					t.Fatalf("fetch %s: %v", link, err)
				}
				if doc.Kind == model.DocTransactions {
					// EA transactions come through transactionsDownload as a CSV.
					if !strings.HasPrefix(buf.String(), "InvoiceName,") || !strings.Contains(buf.String(), inv.Name) {
						t.Errorf("%s transactions = %q", inv.Name, buf.String())
					}
				} else if CheckPDF(buf.Bytes(), int64(buf.Len())) != nil {
					t.Errorf("%s %s is not a PDF", inv.Name, doc.Kind)
				} else if !strings.Contains(buf.String(), "Microsoft Azure - "+string(doc.Kind)) {
					// Never one file for another: the Summary is the summary.
					t.Errorf("%s %s: the file is another document", inv.Name, doc.Kind)
				}
				kinds[doc.Kind] = true
			}
		}
	}
	if !kinds[model.DocInvoice] {
		t.Errorf("no invoice PDF downloaded; kinds = %v", kinds)
	}
	// One zip of several documents.
	for _, inv := range cases[1].invs {
		if len(inv.Documents) > 1 {
			link, err := l.DocumentsLink(ctx, cases[1].scope, inv.Name, inv.Documents, nil)
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if _, err := l.Fetch(ctx, link, &buf, nil); err != nil {
				t.Fatal(err)
			}
			if CheckZip(buf.Bytes(), int64(buf.Len())) != nil {
				t.Errorf("documents download is not a zip")
			}
			break
		}
	}
	assertTokenOnlyToARM(t, emu)
}

func TestLiveUsage(t *testing.T) {
	emu, l := startEmu(t, emulator.Options{UsageRows: 250})
	d := loadDemo(t, l)
	ctx := context.Background()
	mosp, mospInvs := mospScope(t, l, d)
	type tc struct {
		name  string
		scope model.Scope
		inv   model.Invoice
	}
	var cases []tc
	for _, a := range []model.Agreement{model.AgreementMCA, model.AgreementEA} {
		invs, err := l.Invoices(ctx, d.scope(a), model.Period{})
		if err != nil || len(invs) == 0 {
			t.Fatalf("%s invoices: %v", a.Badge(), err)
		}
		cases = append(cases, tc{a.Badge(), d.scope(a), invs[len(invs)-1]})
	}
	cases = append(cases, tc{"MOSP", mosp, mospInvs[len(mospInvs)-1]})
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var buf bytes.Buffer
			var last UsageProgress
			var preparing bool
			err := l.Usage(ctx, c.scope, c.inv, &buf, func(p UsageProgress) {
				preparing = preparing || p.Preparing
				last = p
			})
			if err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(strings.TrimRight(buf.String(), "\r\n"), "\n")
			if len(lines) < 2 {
				t.Fatalf("usage has %d lines", len(lines))
			}
			header := strings.TrimRight(lines[0], "\r")
			for i, ln := range lines[1:] {
				if strings.TrimRight(ln, "\r") == header {
					t.Fatalf("header repeated at line %d", i+2)
				}
			}
			if last.Rows != int64(len(lines)-1) || last.Bytes != int64(buf.Len()) {
				t.Errorf("progress rows %d bytes %d, file has %d rows %d bytes", last.Rows, last.Bytes, len(lines)-1, buf.Len())
			}
			if c.name != "MOSP" && !preparing {
				t.Errorf("no Preparing progress")
			}
		})
	}
	assertTokenOnlyToARM(t, emu)
	// A CSP customer's view: partner agreement without a profile.
	err := l.Usage(ctx, model.Scope{Kind: model.ScopeProfile, Agreement: model.AgreementMPA, AccountName: "p"}, model.Invoice{Name: "x"}, &bytes.Buffer{}, nil)
	if !errors.Is(err, ErrNoUsage) {
		t.Errorf("CSP customer: err = %v", err)
	}
	if err := l.Usage(ctx, model.Scope{}, model.Invoice{}, &bytes.Buffer{}, nil); !errors.Is(err, ErrNoUsage) {
		t.Errorf("unknown agreement: err = %v", err)
	}
}

func TestLiveSetEmailRoundTrip(t *testing.T) {
	_, l := startEmu(t, emulator.Options{})
	d := loadDemo(t, l)
	ctx := context.Background()
	acc := d.accounts[model.AgreementMCA].Name
	before, err := l.Profile(ctx, acc, d.owner.Name)
	if err != nil {
		t.Fatal(err)
	}
	want := !before.Email.Enabled()
	var polled bool
	after, err := l.SetEmail(ctx, acc, d.owner.Name, model.EmailPreference{OptIn: &want, Recipients: []string{"ap@contoso.com", " ap@contoso.com "}},
		func(time.Duration) { polled = true })
	if err != nil {
		t.Fatal(err)
	}
	if after.Email.Enabled() != want || len(after.Email.Recipients) != 1 || after.ETag == before.ETag || !polled {
		t.Errorf("after = %+v (before ETag %s), polled %v", after.Email, before.ETag, polled)
	}
	// A reader may not change it, and nothing changes.
	r0, _ := l.Profile(ctx, acc, d.reader.Name)
	flip := !r0.Email.Enabled()
	_, err = l.SetEmail(ctx, acc, d.reader.Name, model.EmailPreference{OptIn: &flip}, nil)
	if !IsForbidden(err) {
		t.Errorf("reader: err = %v, want forbidden", err)
	}
	if r1, _ := l.Profile(ctx, acc, d.reader.Name); r1.Email.Enabled() != r0.Email.Enabled() {
		t.Errorf("reader's profile changed")
	}
	if _, err := l.SetEmail(ctx, acc, d.owner.Name, model.EmailPreference{OptIn: &want, Recipients: []string{"not an email"}}, nil); !errors.Is(err, ErrInvalidEmail) {
		t.Errorf("bad recipient: err = %v", err)
	}
}

func TestLiveAccess(t *testing.T) {
	_, l := startEmu(t, emulator.Options{})
	d := loadDemo(t, l)
	ctx := context.Background()
	acc := d.accounts[model.AgreementMCA].Name
	owner, err := l.Access(ctx, model.Scope{Kind: model.ScopeProfile, AccountName: acc, ProfileName: d.owner.Name})
	if err != nil || !owner.CanWriteProfile || !owner.CanReadInvoices || owner.Err != nil {
		t.Errorf("owner access = %+v, %v", owner, err)
	}
	reader, err := l.Access(ctx, model.Scope{Kind: model.ScopeProfile, AccountName: acc, ProfileName: d.reader.Name})
	if err != nil || reader.CanWriteProfile || !reader.CanReadInvoices {
		t.Errorf("reader access = %+v, %v", reader, err)
	}
	ras, err := l.RoleAssignments(ctx, acc, d.owner.Name)
	if err != nil || len(ras) == 0 {
		t.Errorf("role assignments = %v, %v", ras, err)
	}
}

func TestLiveFaults(t *testing.T) {
	emu, l := startEmu(t, emulator.Options{})
	d := loadDemo(t, l)
	ctx := context.Background()
	sc := d.scope(model.AgreementMCA)
	invs, err := l.Invoices(ctx, sc, model.Period{})
	if err != nil || len(invs) == 0 {
		t.Fatal(err)
	}
	link, err := l.DocumentLink(ctx, sc, invs[0].Name, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	blob, _ := url.Parse(link.URL)
	for _, k := range []emulator.FaultKind{emulator.FaultTruncate, emulator.FaultReset} {
		emu.ClearFaults()
		emu.SetFault(emulator.Fault{PathContains: blob.Path, Kind: k, Times: 1})
		_, err := l.Fetch(ctx, link, &bytes.Buffer{}, nil)
		if err == nil || strings.Contains(err.Error(), blob.RawQuery) {
			t.Errorf("fault %d: err = %v", k, err)
		}
	}
	emu.ClearFaults()
	emu.SetFault(emulator.Fault{PathContains: "/invoices", Status: 403, Code: "AuthorizationFailed"})
	_, err = l.Invoices(ctx, sc, model.Period{})
	var e *Error
	if !errors.As(err, &e) || e.Status != 403 || e.Code != "AuthorizationFailed" {
		t.Errorf("403 fault: %v", err)
	}
	emu.ClearFaults()
	emu.SetFault(emulator.Fault{PathContains: "/invoices", Status: 429, Code: "TooManyRequests", Times: 2})
	if _, err := l.Invoices(ctx, sc, model.Period{}); err != nil {
		t.Errorf("429 twice then OK: %v", err)
	}
	emu.ClearFaults()
	emu.SetFault(emulator.Fault{PathContains: "/billingAccounts", Kind: emulator.FaultMalformedJSON, Times: 1})
	if _, err := l.Accounts(ctx); err == nil {
		t.Errorf("malformed JSON accepted")
	}
}

// Under ARM-style throttling (429 + Retry-After) the bounded retries still
// get every subscription's property, or mark just that row.
func TestLiveThrottled(t *testing.T) {
	emu, l := startEmu(t, emulator.Options{Throttle: &emulator.Throttle{Rate: 40, Burst: 4}})
	subs, err := l.Subscriptions(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var read int
	for _, s := range subs {
		switch {
		case s.PropertyErr == nil:
			read++
		case !IsThrottled(s.PropertyErr) && !IsForbidden(s.PropertyErr): // the demo denies one on purpose
			t.Errorf("%s: %v", s.SubscriptionID, s.PropertyErr)
		}
	}
	var props int
	for _, r := range emu.Requests() {
		if strings.Contains(r.Path, "billingProperty") {
			props++
		}
	}
	// More property requests than subscriptions means some were retried.
	if read == 0 || props <= len(subs) {
		t.Errorf("%d subscriptions, %d properties read, %d property requests", len(subs), read, props)
	}
}

// A service whose operation status keeps answering 5xx is reported after a
// few polls, not waited on until the LRO timeout.
func TestLiveSetEmailPollKeepsFailing(t *testing.T) {
	emu, l := startEmu(t, emulator.Options{})
	d := loadDemo(t, l)
	acc := d.accounts[model.AgreementMCA].Name
	emu.SetFault(emulator.Fault{Method: "PUT", PathContains: "/billingProfiles/" + d.owner.Name, Status: 503, Code: "ServiceUnavailable", Kind: emulator.FaultAfterAccept})
	on := true
	start := time.Now()
	_, err := l.SetEmail(context.Background(), acc, d.owner.Name, model.EmailPreference{OptIn: &on}, nil)
	var ce *Error
	if !errors.As(err, &ce) || ce.Status < 500 {
		t.Fatalf("err = %v, want a 5xx *Error", err)
	}
	if el := time.Since(start); el > 30*time.Second {
		t.Errorf("took %v to give up", el)
	}
}
