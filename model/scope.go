package model

import "strings"

// ScopeKind says what level of the billing hierarchy a Scope names.
type ScopeKind int

const (
	ScopeNone ScopeKind = iota
	ScopeAccount
	ScopeProfile
	ScopeBillingSubscription // a MOSP subscription, whose invoices hang off the subscription
)

// Scope names one node of the billing hierarchy. It is what a screen asks the
// client about, and the key under which answers are routed back to it.
type Scope struct {
	Kind           ScopeKind
	Agreement      Agreement
	AccountName    string // billing account name (MOSP: "<guid>:<guid>_2019-05-31", MCA: same form, EA: enrollment number)
	ProfileName    string // MCA/MPA billing profile name
	SubscriptionID string // Azure subscription GUID, for ScopeBillingSubscription
}

// Key is a stable identifier of the scope, used to route answers.
func (s Scope) Key() string {
	var b strings.Builder
	b.WriteString(s.AccountName)
	if s.ProfileName != "" {
		b.WriteString("/bp/")
		b.WriteString(s.ProfileName)
	}
	if s.SubscriptionID != "" {
		b.WriteString("/sub/")
		b.WriteString(s.SubscriptionID)
	}
	return b.String()
}
