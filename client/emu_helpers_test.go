package client

import (
	"context"
	"net/url"
	"testing"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"

	"github.com/azinvoice/azinvoice/client/emulator"
	"github.com/azinvoice/azinvoice/model"
)

// Helpers for the integration tests: an emulator with a Live pointed at
// it, and the demo's accounts and profiles found by what they are.

func startEmu(t testing.TB, opts emulator.Options) (*emulator.Server, *Live) {
	t.Helper()
	if opts.PollAfter == 0 {
		opts.PollAfter = 30 * time.Millisecond
	}
	emu, err := emulator.Start(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { emu.Close() })
	l, err := NewLive(Options{
		Credential: emu.Credential(),
		Endpoint:   emu.URL(),
		Transport:  emu.HTTPClient(),
		BlobClient: emu.HTTPClient(),
		PollEvery:  10 * time.Millisecond,
		Retry:      policy.RetryOptions{MaxRetries: 3, RetryDelay: 5 * time.Millisecond, MaxRetryDelay: 2 * time.Second},
	})
	if err != nil {
		t.Fatal(err)
	}
	return emu, l
}

// demo finds the demo's accounts by agreement and the MCA profiles by the
// caller's role, so tests do not hard-code generated names.
type demo struct {
	accounts map[model.Agreement]model.Account
	profiles []model.Profile
	owner    model.Profile // a profile where the caller is Owner
	reader   model.Profile // where the caller is Reader
}

func loadDemo(t testing.TB, l *Live) demo {
	t.Helper()
	ctx := context.Background()
	accs, err := l.Accounts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	d := demo{accounts: map[model.Agreement]model.Account{}}
	for _, a := range accs {
		if _, ok := d.accounts[a.Agreement]; !ok {
			d.accounts[a.Agreement] = a
		}
	}
	for _, ag := range []model.Agreement{model.AgreementMOSP, model.AgreementMCA, model.AgreementEA} {
		if _, ok := d.accounts[ag]; !ok {
			t.Fatalf("demo has no %s account: %+v", ag, accs)
		}
	}
	mca := d.accounts[model.AgreementMCA]
	if d.profiles, err = l.Profiles(ctx, mca.Name); err != nil {
		t.Fatal(err)
	}
	for _, p := range d.profiles {
		acc, err := l.Access(ctx, model.Scope{Kind: model.ScopeProfile, Agreement: model.AgreementMCA, AccountName: mca.Name, ProfileName: p.Name})
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case acc.Role == model.RoleOwner && d.owner.Name == "":
			d.owner = p
		case acc.Role == model.RoleReader && d.reader.Name == "":
			d.reader = p
		}
	}
	if d.owner.Name == "" || d.reader.Name == "" {
		t.Fatalf("no owner/reader profile found among %d", len(d.profiles))
	}
	return d
}

func (d demo) scope(a model.Agreement) model.Scope {
	acc := d.accounts[a]
	sc := model.Scope{Kind: a.InvoiceScope(), Agreement: a, AccountName: acc.Name}
	if a == model.AgreementMCA {
		sc.ProfileName = d.owner.Name
	}
	return sc
}

// mospScope picks a billing subscription of the MOSP account that has invoices.
func mospScope(t testing.TB, l *Live, d demo) (model.Scope, []model.Invoice) {
	t.Helper()
	ctx := context.Background()
	acc := d.accounts[model.AgreementMOSP]
	subs, err := l.BillingSubscriptions(ctx, model.Scope{Kind: model.ScopeAccount, Agreement: model.AgreementMOSP, AccountName: acc.Name})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range subs {
		sc := model.Scope{Kind: model.ScopeBillingSubscription, Agreement: model.AgreementMOSP, AccountName: acc.Name, SubscriptionID: s.SubscriptionID}
		invs, err := l.Invoices(ctx, sc, model.Period{})
		if err == nil && len(invs) > 0 {
			return sc, invs
		}
	}
	t.Fatalf("no MOSP subscription with invoices among %d", len(subs))
	return model.Scope{}, nil
}

func assertTokenOnlyToARM(t *testing.T, emu *emulator.Server) {
	t.Helper()
	blob, _ := url.Parse(emu.BlobURL())
	arm, _ := url.Parse(emu.URL())
	var blobs int
	for _, r := range emu.Requests() {
		switch r.Host {
		case blob.Host:
			blobs++
			if r.HasAuth {
				t.Errorf("blob request %s carried Authorization", r.Path)
			}
		case arm.Host:
			if !r.HasAuth {
				t.Errorf("ARM request %s without Authorization", r.Path)
			}
		}
	}
	if blobs == 0 {
		t.Error("no blob requests seen")
	}
}
