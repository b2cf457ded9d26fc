package client

import (
	"context"
	"encoding/base64"
	"testing"
	"time"

	"github.com/azinvoice/azinvoice/client/emulator"
	"github.com/azinvoice/azinvoice/model"
)

// TestGatherFactsForTheNewReasons reads, through the live client and the
// emulator, the facts the new reasons weigh: an EA month's balance, an
// account's subscriptions, the caller's identity kind, a non-admin's
// refused invoice list.
func TestGatherFactsForTheNewReasons(t *testing.T) {
	now := time.Date(2026, 11, 26, 9, 30, 0, 0, time.UTC)
	_, l := startEmu(t, emulator.Options{Now: func() time.Time { return now }})
	d := loadDemo(t, l)
	ctx := context.Background()
	verdict := func(f model.Facts, r model.Reason) (model.Verdict, string) {
		for _, fd := range model.Explain(f) {
			if fd.Reason == r {
				return fd.Verdict, fd.Evidence.ID
			}
		}
		return 0, ""
	}

	ea := d.accounts[model.AgreementEA]
	f := GatherFacts(ctx, l, FactsRequest{Scope: d.scope(model.AgreementEA), Account: &ea, Now: now})
	if f.Balance == nil || f.Balance.Billed() != 0 || !f.Balance.Utilized.Known || f.Balance.Utilized.Currency != "USD" {
		t.Fatalf("EA balance %+v (%v)", f.Balance, f.BalanceErr)
	}
	if v, ev := verdict(f, model.ReasonEAPrepayment); v != model.Applies {
		t.Errorf("EA prepayment: %v %s", v, ev)
	}
	if len(f.Subscriptions) == 0 || f.Window == nil {
		t.Errorf("account facts: %d subscriptions, window %v", len(f.Subscriptions), f.Window)
	}
	if f.CallerKind != model.IdentityWork || f.CallerName == "" {
		t.Errorf("caller %q %q", f.CallerKind, f.CallerName)
	}

	subs, err := l.Subscriptions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for i := range subs {
		s := subs[i]
		if s.DisplayName != "Fabrikam Agency" {
			continue
		}
		f := GatherFacts(ctx, l, FactsRequest{Scope: s.BillingScope(), Subscription: &s, Now: now})
		if !model.IsForbidden(f.InvoicesErr) {
			t.Errorf("agency invoices: %v", f.InvoicesErr)
		}
		if v, ev := verdict(f, model.ReasonAllowOthers); v != model.Applies {
			t.Errorf("allow others: %v %s", v, ev)
		}
		return
	}
	t.Error("Fabrikam Agency not in the demo")
}

func TestIdentityFromJWT(t *testing.T) {
	enc := func(claims string) string {
		return "e30." + base64url(claims) + ".sig"
	}
	for tok, want := range map[string]model.IdentityKind{
		enc(`{"tid":"t1","upn":"jana@contoso.com"}`):                            model.IdentityWork,
		enc(`{"tid":"9188040d-6c67-4c5b-b112-36a304b66dad","email":"j@x.com"}`): model.IdentityMicrosoft,
		enc(`{"tid":"t1","idp":"live.com","unique_name":"live.com#j@x.com"}`):   model.IdentityMicrosoft,
		enc(`{}`): model.IdentityUnknown,
		"garbage": model.IdentityUnknown,
	} {
		if got, _ := identityFromJWT(tok); got != want {
			t.Errorf("%s: %q, want %q", tok, got, want)
		}
	}
}

func base64url(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }
