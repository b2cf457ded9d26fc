package client

import (
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/billing/armbilling"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/resources/armsubscriptions"

	"github.com/azinvoice/azinvoice/model"
)

// convertARMSubscription reads a subscription as Resource Manager lists it
// (no billing facts yet: applyProperty adds them).
func convertARMSubscription(s *armsubscriptions.Subscription) model.Subscription {
	if s == nil {
		return model.Subscription{}
	}
	out := model.Subscription{
		ID:             str(s.ID),
		SubscriptionID: str(s.SubscriptionID),
		DisplayName:    str(s.DisplayName),
		State:          strEnum(s.State),
		TenantID:       str(s.TenantID),
	}
	if out.SubscriptionID == "" {
		out.SubscriptionID = lastSegment(out.ID)
	}
	if sp := s.SubscriptionPolicies; sp != nil {
		out.QuotaID = str(sp.QuotaID)
	}
	return out
}

// applyProperty joins a subscription's billing property onto it.
func applyProperty(s *model.Subscription, prop *armbilling.Property) {
	if prop == nil || prop.Properties == nil {
		return
	}
	p := prop.Properties
	s.Agreement = model.ParseAgreement(strEnum(p.BillingAccountAgreementType))
	s.AccountName = lastSegment(str(p.BillingAccountID))
	s.AccountDisplayName = str(p.BillingAccountDisplayName)
	s.ProfileName = lastSegment(str(p.BillingProfileID))
	s.ProfileDisplayName = str(p.BillingProfileDisplayName)
	s.BillingType = model.BillingType(strEnum(p.SubscriptionBillingType))
	s.IsAccountAdmin = boolPtr(p.IsAccountAdmin)
	s.AdminNotification = str(p.AccountAdminNotificationEmailAddress)
	s.BillingTenantID = str(p.BillingTenantID)
	if sku := str(p.SKUDescription); sku != "" {
		s.SKU = sku
	} else if s.SKU == "" {
		s.SKU = str(p.ProductName)
	}
	s.Relationship = relationship(s.Agreement, str(p.CustomerID), s.QuotaID)
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
func convertBillingSubscription(account string, agreement model.Agreement, b *armbilling.Subscription) model.Subscription {
	out := model.Subscription{AccountName: account, Agreement: agreement}
	if b == nil {
		return out
	}
	out.ID = str(b.ID)
	p := b.Properties
	if p == nil {
		out.SubscriptionID = lastSegment(out.ID)
		return out
	}
	out.SubscriptionID = str(p.SubscriptionID)
	if out.SubscriptionID == "" {
		out.SubscriptionID = lastSegment(out.ID)
	}
	out.DisplayName = str(p.DisplayName)
	out.State = strEnum(p.Status)
	out.ProfileName = str(p.BillingProfileName)
	if out.ProfileName == "" {
		out.ProfileName = lastSegment(str(p.BillingProfileID))
	}
	out.ProfileDisplayName = str(p.BillingProfileDisplayName)
	out.OfferID = str(p.OfferID)
	out.SKU = str(p.SKUDescription)
	out.Created = tm(p.PurchaseDate)
	if str(p.CustomerName) != "" || str(p.CustomerID) != "" {
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
