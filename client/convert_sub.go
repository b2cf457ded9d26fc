package client

import (
	"strings"

	"github.com/azinvoice/azinvoice/model"
)

// convertARMSubscription reads a subscription as Resource Manager lists it
// (no billing facts yet: applyProperty adds them).
func convertARMSubscription(s *wARMSubscription) model.Subscription {
	if s == nil {
		return model.Subscription{}
	}
	out := model.Subscription{
		ID:             s.ID.Raw(),
		SubscriptionID: s.SubscriptionID.Raw(),
		DisplayName:    s.DisplayName.S(),
		State:          s.State.S(),
		TenantID:       s.TenantID.Raw(),
	}
	if out.SubscriptionID == "" {
		out.SubscriptionID = lastSegment(out.ID)
	}
	if sp := s.SubscriptionPolicies; sp != nil {
		out.QuotaID = sp.QuotaID.S()
	}
	return out
}

// applyProperty joins a subscription's billing property onto it.
func applyProperty(s *model.Subscription, prop *wProperty) {
	if prop == nil || prop.Properties == nil {
		return
	}
	p := prop.Properties
	s.Agreement = model.ParseAgreement(p.BillingAccountAgreementType.S())
	s.AccountName = lastSegment(p.BillingAccountID.Raw())
	s.AccountDisplayName = p.BillingAccountDisplayName.S()
	s.ProfileName = lastSegment(p.BillingProfileID.Raw())
	s.ProfileDisplayName = p.BillingProfileDisplayName.S()
	s.BillingType = model.BillingType(p.SubscriptionBillingType.S())
	s.IsAccountAdmin = p.IsAccountAdmin.P()
	s.AdminNotification = p.AccountAdminNotificationEmailAddress.S()
	s.BillingTenantID = p.BillingTenantID.Raw()
	if sku := p.SKUDescription.S(); sku != "" {
		s.SKU = sku
	} else if s.SKU == "" {
		s.SKU = p.ProductName.S()
	}
	s.Relationship = relationship(s.Agreement, p.CustomerID.S(), s.QuotaID)
	s.Transitioned = p.IsTransitionedBillingAccount.P()
	s.WorkloadType = p.SubscriptionWorkloadType.S()
	s.BillingStatus = p.SubscriptionBillingStatus.S()
	// The property's productId is the offer ID (MS-AZR-…) for offers that have one.
	if id := p.ProductID.S(); s.OfferID == "" && strings.HasPrefix(strings.ToUpper(id), "MS-AZR-") {
		s.OfferID = id
	}
}

// relationship decides whether the subscription is a CSP customer's:
// under a partner agreement with a customer named, or a CSP quota. A
// known agreement without those is a direct customer.
func relationship(a model.Agreement, customerID, quotaID string) model.Relationship {
	switch {
	case a == model.AgreementMPA && customerID != "":
		return model.RelationshipCSPCustomer
	case strings.HasPrefix(strings.ToLower(quotaID), "csp"):
		return model.RelationshipCSPCustomer
	case a != model.AgreementUnknown:
		return model.RelationshipDirect
	}
	return model.RelationshipUnknown
}

// convertBillingSubscription reads a subscription as a billing scope lists it.
func convertBillingSubscription(account string, agreement model.Agreement, b *wBillingSubscription) model.Subscription {
	out := model.Subscription{AccountName: account, Agreement: agreement}
	if b == nil {
		return out
	}
	out.ID = b.ID.Raw()
	p := b.Properties
	if p == nil {
		out.SubscriptionID = lastSegment(out.ID)
		return out
	}
	out.SubscriptionID = p.SubscriptionID.Raw()
	if out.SubscriptionID == "" {
		out.SubscriptionID = lastSegment(out.ID)
	}
	out.DisplayName = p.DisplayName.S()
	out.State = p.Status.S()
	out.ProfileName = p.BillingProfileName.Raw()
	if out.ProfileName == "" {
		out.ProfileName = lastSegment(p.BillingProfileID.Raw())
	}
	out.ProfileDisplayName = p.BillingProfileDisplayName.S()
	out.OfferID = p.OfferID.S()
	out.SKU = p.SKUDescription.S()
	out.Created = tm(p.PurchaseDate)
	if p.CustomerName.S() != "" || p.CustomerID.S() != "" {
		out.Relationship = model.RelationshipCSPCustomer
	} else if agreement != model.AgreementUnknown {
		out.Relationship = model.RelationshipDirect
	}
	return out
}

// joinBilling copies what only the billing subscription knows (purchase
// date, offer) onto a subscription read from Resource Manager.
func joinBilling(s *model.Subscription, b model.Subscription) {
	if s.Created.IsZero() {
		s.Created = b.Created
	}
	if s.OfferID == "" {
		s.OfferID = b.OfferID
	}
	if s.SKU == "" {
		s.SKU = b.SKU
	}
}
