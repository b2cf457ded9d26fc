package client

import (
	"context"
	"net/url"
	"sync"

	"github.com/azinvoice/azinvoice/model"
)

// propertyFanout is how many billing properties are read at once: enough
// to hide latency, few enough not to trip ARM's per-identity throttling.
const propertyFanout = 4

// Subscriptions lists the subscriptions the identity can see, each joined
// with its billing property (read concurrently, a few at a time). A
// property that fails sets that row's PropertyErr and nothing else.
func (l *Live) Subscriptions(ctx context.Context) ([]model.Subscription, error) {
	const op = "list subscriptions"
	subs, err := list(ctx, l, listRequest{op: op, path: "subscriptions", query: apiQuery(apiResources)}, convertARMSubscription)
	if err != nil {
		return subs, err
	}
	sem := make(chan struct{}, propertyFanout)
	var wg sync.WaitGroup
	for i := range subs {
		wg.Add(1)
		go func(s *model.Subscription) {
			defer wg.Done()
			select {
			case sem <- struct{}{}:
			case <-ctx.Done():
				s.PropertyErr = wrap("read billing property", ctx.Err())
				return
			}
			defer func() { <-sem }()
			s.PropertyErr = l.property(ctx, s)
		}(&subs[i])
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
	conv := func(b *wBillingSubscription) model.Subscription {
		return convertBillingSubscription(scope.AccountName, scope.Agreement, b)
	}
	path := accountScopeID(scope.AccountName) + "/billingSubscriptions"
	if scope.Kind == model.ScopeProfile && scope.ProfileName != "" {
		path = profileScopeID(scope.AccountName, scope.ProfileName) + "/billingSubscriptions"
	}
	return list(ctx, l, listRequest{op: op, path: path, query: apiQuery(apiBilling)}, conv)
}
