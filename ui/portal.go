package ui

import (
	"net/url"

	"github.com/azinvoice/azinvoice/model"
)

// Portal deep links for o. A subscription has its own blade, reached by
// resource ID (the portal's #@/resource/<ARM ID> form). Billing accounts,
// profiles and invoices open the Cost Management + Billing blade on their
// billing account (the portal's billingAccountId parameter) at the
// Invoices page: the nearest blade for which a stable link exists.

const portalBilling = "https://portal.azure.com/#view/Microsoft_Azure_GTM/ModernBillingMenuBlade/~/"

func accountResourceID(name string) string {
	return "/providers/Microsoft.Billing/billingAccounts/" + name
}

// portalURL is the blade of a billing scope, or the billing overview.
func portalURL(sc model.Scope) string {
	if sc.SubscriptionID != "" && sc.Kind == model.ScopeBillingSubscription && sc.AccountName == "" {
		return "https://portal.azure.com/#@/resource/subscriptions/" + url.PathEscape(sc.SubscriptionID) + "/overview"
	}
	if sc.AccountName == "" {
		return portalBilling + "Overview"
	}
	page := "Overview"
	if sc.ProfileName != "" {
		page = "BillingProfiles"
	}
	return portalBilling + page + "/billingAccountId/" + url.PathEscape(accountResourceID(sc.AccountName))
}

func subscriptionPortalURL(s model.Subscription) string {
	if s.SubscriptionID == "" {
		return portalBilling + "Overview"
	}
	return "https://portal.azure.com/#@/resource/subscriptions/" + url.PathEscape(s.SubscriptionID) + "/overview"
}

// invoicePortalURL opens the Invoices page of the invoice's billing account
// (the portal has no stable per-invoice link).
func invoicePortalURL(sc model.Scope, _ model.Invoice) string {
	if sc.AccountName == "" {
		if sc.SubscriptionID != "" {
			return "https://portal.azure.com/#@/resource/subscriptions/" + url.PathEscape(sc.SubscriptionID) + "/invoices"
		}
		return portalBilling + "Invoices"
	}
	return portalBilling + "Invoices/billingAccountId/" + url.PathEscape(accountResourceID(sc.AccountName))
}
