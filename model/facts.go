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
}

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
// on its way: invoices are made in the days after the period closes, not at
// midnight, so a period that ended this recently is not yet "missing".
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

// periodDay is the day of month the scope's billing period starts on, and
// whether that is known: the profile's invoice day (MCA/MPA), the day the
// latest invoice's period began or else the day the subscription was created
// (MOSP), the 1st (EA bills by calendar month).
func (f Facts) periodDay() (int, bool) {
	switch f.agreement() {
	case AgreementMCA, AgreementMPA:
		if f.Profile != nil && f.Profile.InvoiceDay >= 1 && f.Profile.InvoiceDay <= 31 {
			return f.Profile.InvoiceDay, true
		}
	case AgreementMOSP:
		// The invoices say where periods start; the sign-up day is the
		// fallback when there is none yet.
		for _, inv := range f.Invoices {
			if !inv.Period.Start.IsZero() {
				return inv.Period.Start.UTC().Day(), true
			}
		}
		if f.Subscription != nil && !f.Subscription.Created.IsZero() {
			return f.Subscription.Created.UTC().Day(), true
		}
	case AgreementEA:
		return 1, true
	}
	return 0, false
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

// freeCredit is the first invoice on which free Azure credit was applied.
func freeCredit(in []Invoice) (Invoice, bool) {
	for _, inv := range in {
		if inv.FreeCredit.Known && inv.FreeCredit.Amount != 0 {
			return inv, true
		}
	}
	return Invoice{}, false
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
func (f Facts) cspSignal() string {
	if s := f.Subscription; s != nil {
		switch {
		case s.Relationship == RelationshipCSPCustomer, s.Relationship == RelationshipIndirect:
			return "relationship"
		case s.Agreement == AgreementMPA:
			return "mpa"
		case s.Offer() == OfferCSP:
			return "offer"
		}
	}
	if f.Profile != nil && (strings.EqualFold(f.Profile.Relationship, string(RelationshipCSPCustomer)) ||
		strings.EqualFold(f.Profile.Relationship, string(RelationshipIndirect))) {
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
