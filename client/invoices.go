package client

import (
	"context"
	"net/url"
	"time"

	"github.com/azinvoice/azinvoice/model"
)

// Invoices lists a scope's invoices in period, newest first: by billing
// subscription (MOSP), billing profile (MCA/MPA) or billing account (EA).
// A zero period means the 13 months up to today.
func (l *Live) Invoices(ctx context.Context, scope model.Scope, period model.Period) ([]model.Invoice, error) {
	const op = "list invoices"
	if err := checkScope(op, scope); err != nil {
		return nil, err
	}
	start, end := l.invoicePeriod(period)
	var path string
	switch scope.Kind {
	case model.ScopeBillingSubscription:
		if scope.SubscriptionID == "" {
			return nil, &Error{Op: op, Message: "no subscription given"}
		}
		// The MOSP route: the account segment is "default", as the SDK sends it.
		path = "providers/Microsoft.Billing/billingAccounts/default/billingSubscriptions/" + url.PathEscape(scope.SubscriptionID) + "/invoices"
	case model.ScopeProfile:
		if scope.AccountName == "" || scope.ProfileName == "" {
			return nil, &Error{Op: op, Message: "no billing account or profile given"}
		}
		path = profileScopeID(scope.AccountName, scope.ProfileName) + "/invoices"
	case model.ScopeAccount:
		if scope.AccountName == "" {
			return nil, &Error{Op: op, Message: "no billing account given"}
		}
		path = accountScopeID(scope.AccountName) + "/invoices"
	default:
		return nil, &Error{Op: op, Message: "no invoice scope for this agreement", Err: ErrUnsupported}
	}
	q := apiQuery(apiBilling)
	q.Set("periodStartDate", start.Format(time.DateOnly))
	q.Set("periodEndDate", end.Format(time.DateOnly))
	out, err := list(ctx, l, listRequest{op: op, path: path, query: q}, convertInvoice)
	model.SortInvoices(out)
	return out, err
}

// invoicePeriod fills a zero period (or a zero end) from the clock.
func (l *Live) invoicePeriod(p model.Period) (start, end time.Time) {
	now := l.now().UTC()
	start, end = p.Start, p.End
	if end.IsZero() {
		end = now
	}
	if start.IsZero() {
		start = end.AddDate(0, -13, 0)
	}
	if start.After(end) {
		start, end = end, start
	}
	return start, end
}
