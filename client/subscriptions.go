package client

import (
	"context"
	"errors"
	"net/url"
	"sync"
	"time"

	"github.com/azinvoice/azinvoice/model"
)

// propertyFanout is how many billing properties are read at once: enough
// to fill 500 rows in seconds, few enough to stay inside ARM's read budget
// (about 250, then 25 a second): at 64 in flight, 429s reached the person.
const propertyFanout = 16

// emitEvery bounds how often a filling list is reported.
const emitEvery = 100 * time.Millisecond

// ErrPending marks a subscription whose billing property has not been read
// yet (SubscriptionsProgress reports rows before their properties).
var ErrPending = errors.New("billing details not read yet")

// SubscriptionStreamer is Subscriptions that reports the list as it fills
// in: the rows after the one list call, then each billing property as it
// arrives. Live implements it; a Billing that does not is asked for the
// whole list at once.
type SubscriptionStreamer interface {
	SubscriptionsProgress(ctx context.Context, emit func([]model.Subscription)) ([]model.Subscription, error)
}

// Subscriptions lists the subscriptions the identity can see, each joined
// with its billing property (read concurrently, a few at a time). A
// property that fails sets that row's PropertyErr and nothing else.
func (l *Live) Subscriptions(ctx context.Context) ([]model.Subscription, error) {
	return l.SubscriptionsProgress(ctx, nil)
}

// SubscriptionsProgress is Subscriptions, calling emit (when not nil) with
// a copy of the list: first with every property pending (ErrPending), then
// at most every emitEvery as properties arrive. The final list is returned,
// not emitted.
func (l *Live) SubscriptionsProgress(ctx context.Context, emit func([]model.Subscription)) ([]model.Subscription, error) {
	const op = "list subscriptions"
	subs, err := list(ctx, l, listRequest{op: op, path: "subscriptions", query: apiQuery(apiResources)}, convertARMSubscription)
	if err != nil {
		return subs, err
	}
	var mu sync.Mutex
	last := time.Time{}
	report := func(force bool) {
		if emit == nil {
			return
		}
		mu.Lock()
		if !force && time.Since(last) < emitEvery {
			mu.Unlock()
			return
		}
		last = time.Now()
		snap := append([]model.Subscription(nil), subs...)
		mu.Unlock()
		emit(snap)
	}
	for i := range subs {
		subs[i].PropertyErr = ErrPending
	}
	report(true)
	sem := make(chan struct{}, propertyFanout)
	var wg sync.WaitGroup
	for i := range subs {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			mu.Lock()
			s := subs[i]
			mu.Unlock()
			select {
			case sem <- struct{}{}:
				s.PropertyErr = l.property(ctx, &s)
				<-sem
			case <-ctx.Done():
				s.PropertyErr = wrap("read billing property", ctx.Err())
			}
			mu.Lock()
			subs[i] = s
			mu.Unlock()
			report(false)
		}(i)
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return subs, wrap(op, err)
	}
	l.joinPurchaseDates(ctx, subs)
	return subs, nil
}

func (l *Live) property(ctx context.Context, s *model.Subscription) error {
	const op = "read billing property"
	if s.SubscriptionID == "" {
		return &Error{Op: op, Message: "subscription has no ID"}
	}
	if err := checkIDs(op, s.SubscriptionID); err != nil {
		return err
	}
	var w wProperty
	path := "subscriptions/" + url.PathEscape(s.SubscriptionID) + "/providers/Microsoft.Billing/billingProperty/default"
	if _, err := l.getOne(ctx, op, path, apiQuery(apiBilling), &w); err != nil {
		return err
	}
	applyProperty(s, &w)
	return nil
}

// joinPurchaseDates fills Created (and offer) from the billing
// subscriptions of each MOSP/MCA account, one list per account. It is
// best effort: a failure leaves Created unknown, which the UI shows as "—".
func (l *Live) joinPurchaseDates(ctx context.Context, subs []model.Subscription) {
	seen := map[string]bool{}
	for _, s := range subs {
		if s.AccountName == "" || seen[s.AccountName] || s.PropertyErr != nil {
			continue
		}
		if s.Agreement != model.AgreementMOSP && s.Agreement != model.AgreementMCA {
			continue
		}
		seen[s.AccountName] = true
		billed, err := l.BillingSubscriptions(ctx, model.Scope{Kind: model.ScopeAccount, Agreement: s.Agreement, AccountName: s.AccountName})
		if err != nil {
			l.log.Debug("purchase dates not joined", "account", s.AccountName, "err", err)
			continue
		}
		byID := make(map[string]model.Subscription, len(billed))
		for _, b := range billed {
			byID[b.SubscriptionID] = b
		}
		for i := range subs {
			if b, ok := byID[subs[i].SubscriptionID]; ok && subs[i].AccountName == s.AccountName {
				joinBilling(&subs[i], b)
			}
		}
	}
}

// BillingSubscriptions lists the subscriptions billed to an account or a
// profile (a MOSP subscription scope lists its account's).
func (l *Live) BillingSubscriptions(ctx context.Context, scope model.Scope) ([]model.Subscription, error) {
	const op = "list billing subscriptions"
	if scope.AccountName == "" {
		return nil, &Error{Op: op, Message: "no billing account given"}
	}
	if err := checkScope(op, scope); err != nil {
		return nil, err
	}
	conv := func(b *wBillingSubscription) model.Subscription {
		return convertBillingSubscription(scope.AccountName, scope.Agreement, b)
	}
	path := accountScopeID(scope.AccountName) + "/billingSubscriptions"
	if scope.Kind == model.ScopeProfile && scope.ProfileName != "" {
		path = profileScopeID(scope.AccountName, scope.ProfileName) + "/billingSubscriptions"
	}
	return list(ctx, l, listRequest{op: op, path: path, query: apiQuery(apiBilling)}, conv)
}
