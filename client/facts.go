package client

import (
	"context"
	"strings"
	"sync"
	"time"

	"github.com/azinvoice/azinvoice/model"
)

// HTTPStatus lets model.IsForbidden tell a 403 from other failures without
// model knowing this type.
func (e *Error) HTTPStatus() int { return e.Status }

// FactsRequest is what the caller already knows about the scope to explain.
// Anything left nil is read here.
type FactsRequest struct {
	Scope        model.Scope
	Account      *model.Account
	Subscription *model.Subscription
	Profile      *model.Profile
	Invoices     []model.Invoice // nil: read the Window (else the last thirteen months)
	// Window is the span of periods the person is looking at (the invoice
	// list's year window); nil: the year ending today.
	Window   *model.Period
	Now      time.Time
	TenantID string
	Cloud    string // the cloud signed in to: AzureCloud, AzureUSGovernment…
}

// GatherFacts reads, concurrently, every fact model.Explain weighs for a
// scope. A read that fails is recorded as that fact's error (so the
// reason it decides is "unknown"), never as an error of the whole.
func GatherFacts(ctx context.Context, b Billing, req FactsRequest) model.Facts {
	f := model.Facts{
		Now: req.Now, Scope: req.Scope, Agreement: req.Scope.Agreement,
		Account: req.Account, Subscription: req.Subscription, Profile: req.Profile,
		CallerTenantID: req.TenantID, Cloud: req.Cloud, Window: req.Window,
	}
	if f.Window == nil && !req.Now.IsZero() {
		// The year the invoice list shows by default.
		w := model.Period{Start: time.Date(req.Now.Year()-1, req.Now.Month(), 1, 0, 0, 0, 0, time.UTC), End: req.Now}
		f.Window = &w
	}
	if f.Agreement == model.AgreementUnknown && req.Subscription != nil {
		f.Agreement = req.Subscription.Agreement
	}
	if req.Subscription != nil && req.Subscription.PropertyErr != nil {
		f.SubscriptionErr = req.Subscription.PropertyErr
	}
	sc := req.Scope
	var (
		wg sync.WaitGroup
		mu sync.Mutex
	)
	do := func(fn func()) {
		wg.Add(1)
		go func() { defer wg.Done(); fn() }()
	}
	if sc.ProfileName != "" && req.Profile == nil {
		do(func() {
			p, err := b.Profile(ctx, sc.AccountName, sc.ProfileName)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				f.ProfileErr = err
				return
			}
			f.Profile = &p
		})
	}
	if sc.Kind == model.ScopeProfile || sc.Kind == model.ScopeAccount {
		do(func() {
			a, err := b.Access(ctx, sc)
			if err != nil {
				a = model.Access{Err: err}
			}
			mu.Lock()
			f.Access = &a
			mu.Unlock()
		})
	}
	if f.Agreement == model.AgreementEA && sc.AccountName != "" {
		do(func() {
			p, err := b.Policies(ctx, sc.AccountName)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				f.PoliciesErr = err
				return
			}
			f.Policies = &p
		})
	}
	if req.Subscription == nil && sc.SubscriptionID != "" {
		do(func() {
			subs, err := b.Subscriptions(ctx)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				f.SubscriptionErr = err
				return
			}
			for i := range subs {
				if strings.EqualFold(subs[i].SubscriptionID, sc.SubscriptionID) {
					f.Subscription = &subs[i]
					f.SubscriptionErr = subs[i].PropertyErr
				}
			}
		})
	}
	// On an account or a profile, the subscriptions it holds: the
	// subscription reasons are weighed for each of them.
	if req.Subscription == nil && sc.SubscriptionID == "" && (sc.Kind == model.ScopeAccount || sc.Kind == model.ScopeProfile) {
		do(func() {
			subs, err := b.BillingSubscriptions(ctx, sc)
			if err == nil {
				subs = joinProperties(ctx, b, subs)
			}
			mu.Lock()
			f.Subscriptions, f.SubscriptionsErr = subs, err
			mu.Unlock()
		})
	}
	if cr, ok := b.(callerReader); ok {
		do(func() {
			kind, name := cr.Caller(ctx)
			mu.Lock()
			f.CallerKind, f.CallerName = kind, name
			mu.Unlock()
		})
	}
	if req.Invoices != nil {
		f.Invoices, f.InvoicesRead = req.Invoices, true
	} else if sc.Kind != model.ScopeNone && sc.Agreement.InvoiceScope() != model.ScopeNone &&
		!(sc.Agreement == model.AgreementMOSP && sc.Kind == model.ScopeAccount) {
		// (A pay-as-you-go account lists no invoices of its own: they hang
		// off each subscription, whose reasons are weighed one by one.)
		do(func() {
			end := req.Now
			w := model.Period{Start: time.Date(end.Year()-1, end.Month(), 1, 0, 0, 0, 0, time.UTC), End: end}
			if f.Window != nil {
				w = *f.Window
			}
			inv, err := b.Invoices(ctx, sc, w)
			mu.Lock()
			f.Invoices, f.InvoicesErr, f.InvoicesRead = inv, err, true
			mu.Unlock()
		})
	}
	wg.Wait()
	readBalance(ctx, b, &f)
	return f
}

// readBalance reads, for an EA enrollment, the balance of the newest month
// in view that has no invoice: whether the prepayment covered it decides
// the prepayment reason.
func readBalance(ctx context.Context, b Billing, f *model.Facts) {
	br, ok := b.(balanceReader)
	if !ok || f.Agreement != model.AgreementEA || f.Scope.AccountName == "" || !f.InvoicesRead || f.InvoicesErr != nil {
		return
	}
	month, gap := model.UninvoicedMonth(f.Now, f.Window, f.Invoices)
	if f.Wanted != nil {
		month, gap = *f.Wanted, true
	}
	if !gap {
		return
	}
	bal, err := br.Balance(ctx, f.Scope.AccountName, month)
	if err != nil {
		f.BalanceErr = err
		return
	}
	f.Balance = &bal
}

// joinProperties adds what the subscriptions list knows (billing property:
// account admin, billing type, tenant) to the billing subscriptions of an
// account or profile, matched by subscription ID.
func joinProperties(ctx context.Context, b Billing, subs []model.Subscription) []model.Subscription {
	all, err := b.Subscriptions(ctx)
	if err != nil {
		return subs
	}
	out := make([]model.Subscription, 0, len(subs))
	for _, s := range subs {
		for _, a := range all {
			if strings.EqualFold(a.SubscriptionID, s.SubscriptionID) {
				joinBilling(&a, s)
				s = a
				break
			}
		}
		out = append(out, s)
	}
	return out
}
