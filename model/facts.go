package model

import (
	"errors"
	"strings"
	"time"
)

// Facts is everything the app could read about one scope, handed to Explain.
// A nil pointer, a zero value or a set *Err field means "not read": the
// reasons that depend on it are then Unknown, never silently ruled out.
type Facts struct {
	Now       time.Time
	Scope     Scope     // what the person is looking at
	Agreement Agreement // of the billing account; AgreementUnknown when not known

	// Account is the billing account, when it was read.
	Account *Account
	// Subscription is set when the scope is (or contains) one subscription.
	Subscription *Subscription
	// SubscriptionErr is set when the subscription's billing property could not be read (e.g. 403).
	SubscriptionErr error
	// Profile is the MCA/MPA billing profile, when it was read.
	Profile    *Profile
	ProfileErr error
	// Access is the caller's role and permissions on the scope (Access.Err when unreadable).
	Access *Access
	// Policies are the EA view-charges policies.
	Policies    *Policies
	PoliciesErr error
	// CallerRoleEA is the caller's EA role (EnterpriseAdmin, AccountOwner, DepartmentAdmin…) when known.
	CallerRoleEA Role

	Invoices     []Invoice
	InvoicesErr  error
	InvoicesRead bool // the invoice list was asked for (and InvoicesErr says how it went)

	// CallerTenantID is the tenant the app signed in to.
	CallerTenantID string
	// Cloud is the cloud the app signed in to (AzureCloud, AzureUSGovernment…); "" when unknown.
	Cloud string
	// Wanted is the billing period whose invoice the person is looking for;
	// nil means "the latest one".
	Wanted *Period
	// Window is the span of periods the person is looking at (the invoice
	// list's year window); nil when not known.
	Window *Period

	// Subscriptions are the subscriptions an account or profile holds, when
	// the scope is not one subscription (SubscriptionsErr when unreadable).
	Subscriptions    []Subscription
	SubscriptionsErr error

	// CallerKind is the kind of identity signed in; CallerName its name.
	CallerKind IdentityKind
	CallerName string

	// Balance is an EA enrollment's balance for the month without an
	// invoice (Consumption balances); BalanceErr when it could not be read.
	Balance    *Balance
	BalanceErr error
}

// IdentityKind is the kind of identity a token belongs to.
type IdentityKind string

const (
	IdentityUnknown   IdentityKind = ""
	IdentityWork      IdentityKind = "work"      // a Microsoft Entra work or school account (or a service principal)
	IdentityMicrosoft IdentityKind = "microsoft" // a personal Microsoft account
)

// Balance is an EA enrollment's balance for one month: how much of the Azure
// Prepayment was used, and what was billed beyond it.
type Balance struct {
	Period   Period
	Utilized Money // prepayment applied to usage
	Overage  Money // service overage: usage beyond the prepayment
	Separate Money // charges billed separately and Marketplace charges
}

// Billed is what the month owes beyond the prepayment (0 when none).
func (b Balance) Billed() float64 { return b.Overage.Amount + b.Separate.Amount }

// ErrForbidden marks a read that Azure refused with HTTP 403. The client wraps
// it (or returns an error with an HTTPStatus() int method) so that Explain can
// tell "no permission" from "failed".
var ErrForbidden = errors.New("forbidden (HTTP 403)")

// IsForbidden reports whether err is a 403 refusal.
func IsForbidden(err error) bool {
	if err == nil {
		return false
	}
	if errors.Is(err, ErrForbidden) {
		return true
	}
	var hs interface{ HTTPStatus() int }
	return errors.As(err, &hs) && hs.HTTPStatus() == 403
}

// InvoiceGraceDays is how long after a period ends its invoice may still be
// on its way where the docs give no day: "Azure bills you a few days after
// the end of your billing period" (SrcNotYet). Our margin, not a documented
// number.
const InvoiceGraceDays = 5

// agreement is the best-known agreement: the account's, else the scope's,
// else the one the subscription's billing property names.
func (f Facts) agreement() Agreement {
	switch {
	case f.Agreement != AgreementUnknown:
		return f.Agreement
	case f.Account != nil && f.Account.Agreement != AgreementUnknown:
		return f.Account.Agreement
	case f.Scope.Agreement != AgreementUnknown:
		return f.Scope.Agreement
	case f.Subscription != nil:
		return f.Subscription.Agreement
	}
	return AgreementUnknown
}

// subBilling is the subscription when its billing property was read.
func (f Facts) subBilling() (*Subscription, bool) {
	s := f.Subscription
	if s == nil || f.SubscriptionErr != nil || s.PropertyErr != nil {
		return s, false
	}
	return s, true
}

// subErr is the error that kept the subscription's billing property unread.
func (f Facts) subErr() error {
	if f.SubscriptionErr != nil {
		return f.SubscriptionErr
	}
	if f.Subscription != nil {
		return f.Subscription.PropertyErr
	}
	return nil
}

// periodDay is the day of month the scope's billing periods start on, and
// whether that is known. MOSP: the day the subscription was created
// ("The billing period gets determined by the day of the month when the
// subscription is created", SrcMOSPPeriod), read from the invoices' periods,
// else from the creation date. MCA/MPA: calendar months ("charges … from
// the previous month", SrcMCAMonthly). EA: calendar months.
func (f Facts) periodDay() (int, bool) {
	switch f.agreement() {
	case AgreementMCA, AgreementMPA, AgreementEA:
		return 1, true
	case AgreementMOSP:
		for _, inv := range f.Invoices {
			if !inv.Period.Start.IsZero() {
				return inv.Period.Start.UTC().Day(), true
			}
		}
		if f.Subscription != nil && !f.Subscription.Created.IsZero() {
			return f.Subscription.Created.UTC().Day(), true
		}
	}
	return 0, false
}

// invoiceExpected is the last day the invoice of period p is expected on.
// MCA/MPA: the profile's invoiceDay of the month after the period ("The day
// of the month when the invoice for the billing profile is generated",
// SrcAPIInvoiceDay). MOSP: the day earlier invoices were generated on (the
// account's day), "but can be up to two days later" (SrcMOSPTiming). EA:
// the overage notice comes about seven days after the period ends and the
// invoice 7-9 days after that (SrcEAOverage). Anything unknown:
// InvoiceGraceDays after the period.
func (f Facts) invoiceExpected(p Period) time.Time {
	next := p.End.UTC().AddDate(0, 0, 1)
	switch f.agreement() {
	case AgreementMCA, AgreementMPA:
		if f.Profile != nil && f.Profile.InvoiceDay >= 1 && f.Profile.InvoiceDay <= 28 {
			d := time.Date(next.Year(), next.Month(), f.Profile.InvoiceDay, 0, 0, 0, 0, time.UTC)
			if d.Before(next) {
				d = d.AddDate(0, 1, 0)
			}
			return d
		}
	case AgreementMOSP:
		for _, inv := range f.Invoices {
			if !inv.Date.IsZero() && inv.Date.UTC().Day() <= 28 {
				d := time.Date(next.Year(), next.Month(), inv.Date.UTC().Day(), 0, 0, 0, 0, time.UTC)
				if d.Before(next) {
					d = d.AddDate(0, 1, 0)
				}
				return d.AddDate(0, 0, MOSPLateDays)
			}
		}
		return next.AddDate(0, 0, MOSPLateDays)
	case AgreementEA:
		return next.AddDate(0, 0, EAInvoiceDays)
	}
	return next.AddDate(0, 0, InvoiceGraceDays)
}

// MOSPLateDays: MOSP invoices "can be up to two days later" (SrcMOSPTiming).
const MOSPLateDays = 2

// EAInvoiceDays: an EA overage notice "usually seven days following the
// customer's billing end date", the invoice "7-9 days afterwards" (SrcEAOverage).
const EAInvoiceDays = 16

// UninvoicedMonth is the newest calendar month of an EA enrollment, ended
// more than EAInvoiceDays before now (so its invoice is due) and inside the
// window (the twelve months before now when window is nil), that no
// invoice's period covers.
func UninvoicedMonth(now time.Time, window *Period, invs []Invoice) (Period, bool) {
	end := now.UTC().AddDate(0, 0, -EAInvoiceDays)
	start := end.AddDate(-1, 0, 0)
	if window != nil && !window.End.IsZero() {
		if window.End.Before(end) {
			end = window.End
		}
		start = window.Start
	}
	m := CurrentPeriod(end, 1)
	if !m.End.Before(end) {
		m = CurrentPeriod(m.Start.AddDate(0, 0, -1), 1)
	}
	for i := 0; i < 36 && !m.End.Before(start); i++ {
		covered := false
		for _, inv := range invs {
			if !inv.Period.Start.After(m.End) && !inv.Period.End.Before(m.Start) && !inv.Period.End.IsZero() {
				covered = true
				break
			}
		}
		if !covered {
			return m, true
		}
		m = CurrentPeriod(m.Start.AddDate(0, 0, -1), 1)
	}
	return Period{}, false
}

// latestInvoiceEnd is the end of the newest period the invoices cover (an
// invoice without a period counts up to the day before its date).
func latestInvoiceEnd(in []Invoice) time.Time {
	var end time.Time
	for _, inv := range in {
		e := inv.Period.End
		if e.IsZero() && !inv.Date.IsZero() {
			e = inv.Date.AddDate(0, 0, -1)
		}
		if e.After(end) {
			end = e
		}
	}
	return end
}

// govClouds are the Azure Government clouds, as cloud names and as the
// targetClouds values of a billing profile.
var govClouds = map[string]bool{
	"azureusgovernment": true, "usgov": true, "usnat": true, "ussec": true,
	"azureusgovernmentcloud": true, "usgovernment": true,
}

// IsGovCloud reports whether a cloud name or a profile's target cloud is
// Azure Government (which has no email invoices).
func IsGovCloud(cloud string) bool { return govClouds[fold(cloud)] }

// cspSignal names the fact that shows the scope is a CSP customer's, or "".
// IndirectCustomer (an MCA bought through a partner) is not CSP.
func (f Facts) cspSignal() string {
	if s := f.Subscription; s != nil {
		switch {
		case s.Relationship == RelationshipCSPCustomer:
			return "relationship"
		case s.Agreement == AgreementMPA:
			return "mpa"
		case s.Offer() == OfferCSP:
			return "offer"
		}
	}
	if f.Profile != nil && strings.EqualFold(f.Profile.Relationship, string(RelationshipCSPCustomer)) {
		return "relationship"
	}
	if f.Account != nil {
		for _, r := range f.Account.RelationshipTypes {
			if strings.EqualFold(r, string(RelationshipCSPCustomer)) {
				return "relationship"
			}
		}
	}
	return ""
}

// partnerBought reports whether the scope is an MCA bought through a
// partner (billing relationship IndirectCustomer).
func (f Facts) partnerBought() bool {
	if s := f.Subscription; s != nil && s.Relationship == RelationshipIndirect {
		return true
	}
	if f.Profile != nil && strings.EqualFold(f.Profile.Relationship, string(RelationshipIndirect)) {
		return true
	}
	if f.Account != nil {
		for _, r := range f.Account.RelationshipTypes {
			if strings.EqualFold(r, string(RelationshipIndirect)) {
				return true
			}
		}
	}
	return false
}

// day formats a date for message data; the UI formats it for the reader.
func day(t time.Time) string { return t.UTC().Format(time.DateOnly) }

// daysBetween is the number of whole days from a to b (negative when b is before a).
func daysBetween(a, b time.Time) int {
	ay, am, ad := a.UTC().Date()
	by, bm, bd := b.UTC().Date()
	da := time.Date(ay, am, ad, 0, 0, 0, 0, time.UTC)
	db := time.Date(by, bm, bd, 0, 0, 0, 0, time.UTC)
	return int(db.Sub(da).Hours() / 24)
}
