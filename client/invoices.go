package client

import (
	"context"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/billing/armbilling"

	"github.com/azinvoice/azinvoice/model"
)

// Invoices lists a scope's invoices in period, newest first: by billing
// subscription (MOSP), billing profile (MCA/MPA) or billing account (EA).
// A zero period means the 13 months up to today.
func (l *Live) Invoices(ctx context.Context, scope model.Scope, period model.Period) ([]model.Invoice, error) {
	const op = "list invoices"
	start, end := l.invoicePeriod(period)
	var (
		out []model.Invoice
		err error
	)
	switch scope.Kind {
	case model.ScopeBillingSubscription:
		out, err = l.invoicesBySubscription(ctx, op, scope.SubscriptionID, start, end)
	case model.ScopeProfile:
		if scope.AccountName == "" || scope.ProfileName == "" {
			return nil, &Error{Op: op, Message: "no billing account or profile given"}
		}
		pager := l.invoices.NewListByBillingProfilePager(scope.AccountName, scope.ProfileName,
			&armbilling.InvoicesClientListByBillingProfileOptions{PeriodStartDate: &start, PeriodEndDate: &end})
		out, err = collectRaw(ctx, l, op, pager, func(p armbilling.InvoicesClientListByBillingProfileResponse, raw []byte) []model.Invoice {
			return exactAmounts(convertInvoices(p.Value), raw)
		})
	case model.ScopeAccount:
		if scope.AccountName == "" {
			return nil, &Error{Op: op, Message: "no billing account given"}
		}
		pager := l.invoices.NewListByBillingAccountPager(scope.AccountName,
			&armbilling.InvoicesClientListByBillingAccountOptions{PeriodStartDate: &start, PeriodEndDate: &end})
		out, err = collectRaw(ctx, l, op, pager, func(p armbilling.InvoicesClientListByBillingAccountResponse, raw []byte) []model.Invoice {
			return exactAmounts(convertInvoices(p.Value), raw)
		})
	default:
		return nil, &Error{Op: op, Message: "no invoice scope for this agreement", Err: ErrUnsupported}
	}
	model.SortInvoices(out)
	return out, err
}

// invoicesBySubscription uses the MOSP route, for which the SDK binds the
// invoices client to one subscription ID.
func (l *Live) invoicesBySubscription(ctx context.Context, op, sub string, start, end time.Time) ([]model.Invoice, error) {
	if sub == "" {
		return nil, &Error{Op: op, Message: "no subscription given"}
	}
	c, err := armbilling.NewInvoicesClient(sub, l.cred, l.arm)
	if err != nil {
		return nil, wrap(op, err)
	}
	pager := c.NewListByBillingSubscriptionPager(
		&armbilling.InvoicesClientListByBillingSubscriptionOptions{PeriodStartDate: &start, PeriodEndDate: &end})
	return collectRaw(ctx, l, op, pager, func(p armbilling.InvoicesClientListByBillingSubscriptionResponse, raw []byte) []model.Invoice {
		return exactAmounts(convertInvoices(p.Value), raw)
	})
}

func convertInvoices(in []*armbilling.Invoice) []model.Invoice {
	out := make([]model.Invoice, 0, len(in))
	for _, v := range in {
		if v != nil {
			out = append(out, convertInvoice(v))
		}
	}
	return out
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
