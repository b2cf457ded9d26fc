package client

import (
	"context"
	"sync"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/billing/armbilling"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/resources/armsubscriptions"

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
	pager := l.subs.NewListPager(nil)
	subs, err := collect(ctx, l, op, pager, func(p armsubscriptions.ClientListResponse) []model.Subscription {
		out := make([]model.Subscription, 0, len(p.Value))
		for _, s := range p.Value {
			if s != nil {
				out = append(out, convertARMSubscription(s))
			}
		}
		return out
	})
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
	c, err := armbilling.NewPropertyClient(s.SubscriptionID, l.cred, l.arm)
	if err != nil {
		return wrap(op, err)
	}
	cctx, cancel := l.call(ctx)
	defer cancel()
	resp, err := c.Get(cctx, nil)
	if err != nil {
		return wrap(op, ctxErr(ctx, err))
	}
	applyProperty(s, &resp.Property)
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
	conv := func(in []*armbilling.Subscription) []model.Subscription {
		out := make([]model.Subscription, 0, len(in))
		for _, b := range in {
			if b != nil {
				out = append(out, convertBillingSubscription(scope.AccountName, scope.Agreement, b))
			}
		}
		return out
	}
	if scope.Kind == model.ScopeProfile && scope.ProfileName != "" {
		pager := l.billSubs.NewListByBillingProfilePager(scope.AccountName, scope.ProfileName, nil)
		return collect(ctx, l, op, pager, func(p armbilling.SubscriptionsClientListByBillingProfileResponse) []model.Subscription {
			return conv(p.Value)
		})
	}
	pager := l.billSubs.NewListByBillingAccountPager(scope.AccountName, nil)
	return collect(ctx, l, op, pager, func(p armbilling.SubscriptionsClientListByBillingAccountResponse) []model.Subscription {
		return conv(p.Value)
	})
}
