package ui

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/azinvoice/azinvoice/client"
	"github.com/azinvoice/azinvoice/model"
)

// emailKind is what the email screen can offer for a scope. Only a billing
// profile of an MCA or MPA account holds the preference in the API; every
// other kind explains where (or whether) invoices can be emailed instead.
type emailKind int

const (
	emailProfile     emailKind = iota // the preference and its recipients, changeable by Owners/Contributors
	emailMOSP                         // per-subscription opt-in in the portal; the API has no field
	emailEA                           // not offered for an enrollment
	emailGov                          // Azure Government sends no invoice email
	emailPartner                      // bought through a partner: the partner invoices
	emailSupport                      // support plans have no email invoice
	emailPickProfile                  // an MCA/MPA account: the choice is per billing profile
	emailUnknown                      // the agreement is not known
)

// emailTarget is what e was pressed on. Exactly one of the ways in fills it.
type emailTarget struct {
	title     string
	agreement model.Agreement
	account   string // billing account name
	profile   string // billing profile name, for emailProfile
	acct      *model.Account
	sub       *model.Subscription
}

// emailForProfile opens the email screen of one billing profile.
func emailForProfile(c *common, a model.Account, p model.Profile) screen {
	acct := a
	return newEmailScreen(c, emailTarget{title: model.Clean(p.Title()), agreement: a.Agreement,
		account: a.Name, profile: p.Name, acct: &acct})
}

// emailForAccount opens the email screen of a billing account.
func emailForAccount(c *common, a model.Account) screen {
	acct := a
	return newEmailScreen(c, emailTarget{title: model.Clean(a.Title()), agreement: a.Agreement, account: a.Name, acct: &acct})
}

// emailForSubscription opens the email screen of a subscription: an MCA
// subscription's invoices (and their email) belong to its billing profile.
func emailForSubscription(c *common, s model.Subscription) screen {
	sub := s
	t := emailTarget{title: model.Clean(s.Title()), agreement: s.Agreement, account: s.AccountName, sub: &sub}
	if s.Agreement.HasProfiles() && s.ProfileName != "" && subscriptionKind(s) == emailProfile {
		t.profile = s.ProfileName
	}
	return newEmailScreen(c, t)
}

// subKeys is a subscription list's own keys: w (why) and e (email).
// parent fills what a billing subscription row leaves out.
func subKeys(c *common, parent model.Scope) func(tea.KeyPressMsg, *model.Subscription) (tea.Cmd, bool) {
	why := subWhyKey(c, parent)
	return func(msg tea.KeyPressMsg, s *model.Subscription) (tea.Cmd, bool) {
		if s != nil && errors.Is(s.PropertyErr, client.ErrPending) && (key.Matches(msg, c.keys.Email) || key.Matches(msg, c.keys.Why)) {
			return nil, true // its billing details are still on their way: nothing to judge yet
		}
		if s != nil && key.Matches(msg, c.keys.Email) {
			return push(emailForSubscription(c, withParent(*s, parent))), true
		}
		return why(msg, s)
	}
}

// targetKind decides what a target offers before anything is read; a
// profile target may still turn out Government or partner-billed once
// the profile is read (profileKind).
func targetKind(t emailTarget) emailKind {
	switch {
	case t.profile != "" && t.account != "":
		return emailProfile
	case t.sub != nil:
		return subscriptionKind(*t.sub)
	case t.acct != nil:
		return accountKind(*t.acct)
	}
	return emailUnknown
}

func subscriptionKind(s model.Subscription) emailKind {
	switch {
	case s.PropertyErr != nil:
		return emailUnknown
	case model.IsGovCloud(s.Cloud):
		return emailGov
	case isSupportPlan(s):
		return emailSupport
	case s.Relationship == model.RelationshipCSPCustomer || s.Relationship == model.RelationshipIndirect ||
		s.Offer() == model.OfferCSP || s.Offer() == model.OfferAzureInOpen:
		return emailPartner
	}
	switch s.Agreement {
	case model.AgreementMOSP:
		return emailMOSP
	case model.AgreementEA:
		return emailEA
	case model.AgreementMPA:
		// A subscription under a partner agreement is a CSP customer's,
		// unless the row says otherwise; the partner invoices it.
		if s.ProfileName == "" || s.Relationship != model.RelationshipDirect {
			return emailPartner
		}
		return emailProfile
	case model.AgreementMCA:
		if s.ProfileName == "" {
			return emailUnknown
		}
		return emailProfile
	}
	return emailUnknown
}

func accountKind(a model.Account) emailKind {
	switch a.Agreement {
	case model.AgreementMOSP:
		return emailMOSP
	case model.AgreementEA:
		return emailEA
	case model.AgreementMCA, model.AgreementMPA:
		if partnerOnly(a.RelationshipTypes) {
			return emailPartner
		}
		return emailPickProfile
	}
	return emailUnknown
}

// profileKind refines a profile target once the profile is read.
func profileKind(p model.Profile) emailKind {
	for _, c := range p.TargetClouds {
		if model.IsGovCloud(c) {
			return emailGov
		}
	}
	if isIndirect(p.Relationship) {
		return emailPartner
	}
	return emailProfile
}

// partnerOnly: every billing relationship of the account goes through a partner.
func partnerOnly(types []string) bool {
	if len(types) == 0 {
		return false
	}
	for _, t := range types {
		if !isIndirect(t) {
			return false
		}
	}
	return true
}

func isIndirect(rel string) bool {
	r := strings.ToLower(rel)
	return strings.Contains(r, "indirect") || strings.Contains(r, "cspcustomer")
}

// supportOffers are the offer IDs of Azure support plans.
var supportOffers = map[string]bool{"ms-azr-0041p": true, "ms-azr-0042p": true, "ms-azr-0043p": true}

func isSupportPlan(s model.Subscription) bool {
	if supportOffers[strings.ToLower(strings.TrimSpace(s.OfferID))] {
		return true
	}
	sku := strings.ToLower(s.SKU)
	return strings.Contains(sku, "support plan") || strings.HasPrefix(strings.ToLower(s.QuotaID), "support")
}
