package model

import (
	"strings"
	"time"
)

// BillingType is a subscription's subscriptionBillingType.
type BillingType string

const (
	BillingUnknown BillingType = ""
	BillingPaid    BillingType = "Paid"
	BillingFree    BillingType = "Free"
	BillingBenefit BillingType = "Benefit" // e.g. Visual Studio monthly credit
	BillingPrePaid BillingType = "PrePaid"
	BillingNone    BillingType = "None"
)

// Relationship is the billing relationship of a subscription's account.
type Relationship string

const (
	RelationshipUnknown     Relationship = ""
	RelationshipDirect      Relationship = "Direct"
	RelationshipCSPCustomer Relationship = "CSPCustomer"
	RelationshipCSPPartner  Relationship = "CSPPartner"
	RelationshipIndirect    Relationship = "IndirectCustomer"
)

// Subscription is an Azure subscription, seen either from a billing scope
// (billing subscription) or from the subscriptions the identity can see,
// joined with its billing property.
type Subscription struct {
	ID             string // ARM resource ID of the record this came from
	SubscriptionID string // GUID
	DisplayName    string
	State          string // Enabled, Disabled, Warned, …
	TenantID       string
	// BillingTenantID is the tenant of the billing account (billing property).
	BillingTenantID string

	Agreement          Agreement
	AccountName        string
	AccountDisplayName string
	ProfileName        string
	ProfileDisplayName string
	BillingType        BillingType
	Relationship       Relationship
	OfferID            string // MS-AZR-0003P, …
	QuotaID            string // PayAsYouGo_2014-09-01, FreeTrial_2014-09-01, …
	SKU                string // product or SKU description
	Created            time.Time
	// IsAccountAdmin is nil when the billing property could not be read.
	IsAccountAdmin    *bool
	AdminNotification string // account admin notification email
	Cloud             string // AzureCloud, AzureUSGovernment, …
	// Transitioned is the billing property's isTransitionedBillingAccount:
	// the account moved from MOSP to an MCA (nil when not said).
	Transitioned *bool
	// WorkloadType is subscriptionWorkloadType (Production, DevTest…).
	WorkloadType string
	// BillingStatus is subscriptionBillingStatus (Active, Disabled, Warned…).
	BillingStatus string

	// PropertyErr is set when the billing property could not be read; the
	// billing fields above are then unknown, not false.
	PropertyErr error
}

// Title is the subscription's name as shown.
func (s Subscription) Title() string {
	if s.DisplayName != "" {
		return s.DisplayName
	}
	return OrNone(s.SubscriptionID)
}

// Offer is what kind of offer the subscription is, read from the offer ID or
// the quota ID, whichever decides it (the offer table of
// costs/understand-cost-mgt-data#supported-microsoft-azure-offers).
type Offer int

const (
	OfferUnknown Offer = iota
	OfferPayAsYouGo
	OfferFreeTrial
	OfferVisualStudio // Visual Studio and MSDN subscriber offers: a monthly credit
	OfferAzureInOpen
	OfferCSP
	OfferEnterprise // Microsoft Azure Enterprise, and the MCA Azure plan (same quota ID)
	OfferSponsorship
	OfferStudents  // Azure for Students (MS-AZR-0170P): credit, no invoice while it lasts
	OfferAzurePass // credit-based
	OfferDevTest   // Pay-As-You-Go or Enterprise Dev/Test: dev/test rates, no credit
	OfferSupport   // a support plan
	OfferAzurePlan // Microsoft Azure Plan, an MCA subscription (MS-AZR-0017G)
	// OfferShared is a quota ID that several offers share
	// (MSDNDevTest_2014-09-01, MPN_2014-09-01): the quota alone cannot tell
	// whether the subscription has a monthly credit.
	OfferShared
)

var offerIDs = map[string]Offer{
	"ms-azr-0003p": OfferPayAsYouGo, "ms-azr-0025p": OfferPayAsYouGo,
	"ms-azr-0023p": OfferDevTest, "ms-azr-0148p": OfferDevTest,
	"ms-azr-0044p": OfferFreeTrial,
	"ms-azr-0170p": OfferStudents, "ms-azr-0144p": OfferStudents,
	"ms-azr-0059p": OfferVisualStudio, "ms-azr-0060p": OfferVisualStudio, "ms-azr-0062p": OfferVisualStudio,
	"ms-azr-0063p": OfferVisualStudio, "ms-azr-0064p": OfferVisualStudio, "ms-azr-0029p": OfferVisualStudio,
	"ms-azr-0111p": OfferAzureInOpen,
	"ms-azr-0145p": OfferCSP,
	"ms-azr-0017p": OfferEnterprise, "ms-azr-0017g": OfferAzurePlan,
	"ms-azr-0036p": OfferSponsorship, "ms-azr-0143p": OfferSponsorship,
	"ms-azr-0120p": OfferAzurePass, "ms-azr-0122p": OfferAzurePass, "ms-azr-0123p": OfferAzurePass,
	"ms-azr-0124p": OfferAzurePass, "ms-azr-0125p": OfferAzurePass, "ms-azr-0128p": OfferAzurePass,
	"ms-azr-0129p": OfferAzurePass, "ms-azr-0130p": OfferAzurePass,
	"ms-azr-0041p": OfferSupport, "ms-azr-0042p": OfferSupport, "ms-azr-0043p": OfferSupport,
}

// Offer classifies the subscription's offer: by offer ID when it is known,
// else by quota ID, where one quota ID names one kind of offer.
func (s Subscription) Offer() Offer {
	if o, ok := offerIDs[fold(s.OfferID)]; ok {
		return o
	}
	q := fold(s.QuotaID)
	switch {
	case q == "":
		return OfferUnknown
	case strings.HasPrefix(q, "freetrial"):
		return OfferFreeTrial
	case strings.HasPrefix(q, "azureforstudents"), strings.HasPrefix(q, "dreamspark"):
		return OfferStudents
	case strings.HasPrefix(q, "msdndevtest"), strings.HasPrefix(q, "mpn"):
		return OfferShared
	case strings.HasPrefix(q, "msdn"):
		return OfferVisualStudio
	case strings.HasPrefix(q, "azureinopen"):
		return OfferAzureInOpen
	case strings.HasPrefix(q, "csp"):
		return OfferCSP
	case strings.HasPrefix(q, "enterpriseagreement") && s.Agreement == AgreementMCA:
		return OfferAzurePlan // the Azure plan shares EA's quota ID
	case strings.HasPrefix(q, "enterpriseagreement"):
		return OfferEnterprise
	case strings.HasPrefix(q, "payasyougo"):
		return OfferPayAsYouGo
	case strings.HasPrefix(q, "sponsored"):
		return OfferSponsorship
	case strings.HasPrefix(q, "azurepass"):
		return OfferAzurePass
	case strings.HasPrefix(q, "default"):
		return OfferSupport
	}
	return OfferUnknown
}

// HasCredit says whether the offer comes with Azure credit (a monthly
// credit, student credit, a pass or a sponsorship), and whether the offer
// says so at all (false, false for a shared or unknown offer).
func (o Offer) HasCredit() (credit, known bool) {
	switch o {
	case OfferVisualStudio, OfferStudents, OfferAzurePass, OfferSponsorship:
		return true, true
	case OfferUnknown, OfferShared:
		return false, false
	}
	return false, true
}

// AgeDays is how many whole days have passed since the subscription was
// created, or -1 when the creation date is unknown.
func (s Subscription) AgeDays(now time.Time) int {
	if s.Created.IsZero() {
		return -1
	}
	d := now.Sub(s.Created)
	if d < 0 {
		return 0
	}
	return int(d.Hours() / 24)
}

// BillingScope is the scope whose invoices cover this subscription.
func (s Subscription) BillingScope() Scope {
	sc := Scope{Agreement: s.Agreement, AccountName: s.AccountName}
	switch s.Agreement.InvoiceScope() {
	case ScopeBillingSubscription:
		sc.Kind, sc.SubscriptionID = ScopeBillingSubscription, s.SubscriptionID
	case ScopeProfile:
		sc.Kind, sc.ProfileName = ScopeProfile, s.ProfileName
	case ScopeAccount:
		sc.Kind = ScopeAccount
	}
	return sc
}
