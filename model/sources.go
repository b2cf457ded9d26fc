package model

// SourceID names one row of the sources table: the doc sentence a rule
// of the app rests on.
type SourceID string

// Source is one sentence of Microsoft's docs (or of the API's field
// descriptions, or of the 2021 seed article) that a rule encodes.
//
// Quote is the sentence as the page says it (English; "…" marks a cut).
// Verbatim is false where the quote is our own words: a summary of a table,
// or what a page is known to say where it could not be read here. A
// reviewer should check those first.
// Seed marks a sentence of the 2021 seed article. Changed marks a rule where
// today's docs differ from the seed: today wins, and the UI may say so with
// the message "source.<id>.changed".
type Source struct {
	ID       SourceID
	Page     string // URL with anchor
	Quote    string
	Verbatim bool
	Seed     bool
	Changed  bool
}

// ChangedMsg is the catalogue ID of the "this changed since the 2021
// article" note of a changed source ("" when it did not change).
func (s Source) ChangedMsg() string {
	if !s.Changed {
		return ""
	}
	return "source." + string(s.ID) + ".changed"
}

const (
	seedPage    = "seed article: get-a-copy-of-your-bill-or-usage (2021, shared/seed)"
	pageInvoice = learn + "understand/download-azure-invoice"
	pageAccess  = learn + "manage/manage-billing-access"
	pageEARoles = learn + "manage/understand-ea-roles"
	pageEAInv   = learn + "manage/direct-ea-azure-usage-charges-invoices"
	pageEAEnrol = learn + "manage/ea-portal-enrollment-invoices"
	pageCostMgt = learn + "costs/understand-cost-mgt-data"
	pageMOSPMCA = learn + "manage/mosp-new-customer-experience"
	pageMCARole = learn + "manage/understand-mca-roles"
	pageAPI     = "https://learn.microsoft.com/rest/api/billing/invoices/get?view=rest-billing-2024-04-01"
	pageAPIProp = "https://learn.microsoft.com/rest/api/billing/billing-property/get?view=rest-billing-2024-04-01"
	pageAPIProf = "https://learn.microsoft.com/rest/api/billing/billing-profiles/get?view=rest-billing-2024-04-01"
)

// Source IDs. Reasons (explain*.go), guide steps (guide.go), email and role
// rules (rules.go) and amount meanings (amounts.go) cite these.
const (
	SrcNew30Days       SourceID = "noinvoice_30_days"
	SrcNotYet          SourceID = "noinvoice_not_yet"
	SrcNoPermMCA       SourceID = "noinvoice_perm_mca"
	SrcNoPermOther     SourceID = "noinvoice_perm_other"
	SrcCreditMOSP      SourceID = "noinvoice_credit_mosp"
	SrcMCAAlways       SourceID = "noinvoice_mca_always"
	SrcOtherAccount    SourceID = "noinvoice_other_account"
	SrcIdentity        SourceID = "noinvoice_identity"
	SrcTenant          SourceID = "noinvoice_tenant"
	SrcSeedCredit      SourceID = "seed_credit"
	SrcSeedPeriod      SourceID = "seed_period"
	SrcSeedAdmin       SourceID = "seed_admin"
	SrcSeedCSP         SourceID = "seed_csp"
	SrcSeedAIO         SourceID = "seed_aio"
	SrcSeedEmailMCA    SourceID = "seed_email_mca"
	SrcSeedEAUsage     SourceID = "seed_ea_usage"
	SrcSeedEmailMOSP   SourceID = "seed_email_mosp"
	SrcAllowOthers     SourceID = "mosp_allow_others"
	SrcPre2016         SourceID = "mosp_pre_2016"
	SrcMOSPRole        SourceID = "mosp_download_role"
	SrcMOSPTiming      SourceID = "mosp_timing"
	SrcMOSPPeriod      SourceID = "mosp_period"
	SrcMarketplace9th  SourceID = "marketplace_9th"
	SrcMOSPEmail       SourceID = "mosp_email_steps"
	SrcMOSPEmailAdmin  SourceID = "mosp_email_admin"
	SrcMCAMonthly      SourceID = "mca_monthly"
	SrcMCAUsage72h     SourceID = "mca_usage_72h"
	SrcMCARoles        SourceID = "mca_download_roles"
	SrcMCAEmailChange  SourceID = "mca_email_change"
	SrcMCAEmailWho     SourceID = "mca_email_who"
	SrcMCAEmailPartner SourceID = "mca_email_partner"
	SrcMCAEmailSteps   SourceID = "mca_email_steps"
	SrcMCACheckAccess  SourceID = "mca_check_access"
	SrcGovEmail        SourceID = "gov_email"
	SrcEAOnlyAdmin     SourceID = "ea_only_admin"
	SrcEAEmail         SourceID = "ea_email"
	SrcEAWhenInvoice   SourceID = "ea_when_invoice"
	SrcEAIndirect      SourceID = "ea_indirect"
	SrcEAViewCharges   SourceID = "ea_view_charges"
	SrcEAClose         SourceID = "ea_close"
	SrcEAUsagePath     SourceID = "ea_usage_path"
	SrcEAOverage       SourceID = "ea_overage_timing"
	SrcCost13Months    SourceID = "cost_13_months"
	SrcAPICostDetails  SourceID = "api_cost_details_13_months"
	SrcOfferStudents   SourceID = "offer_students"
	SrcOfferDevTest    SourceID = "offer_devtest_quota"
	SrcOfferCredit     SourceID = "offer_credit_based"
	SrcMPAPartner      SourceID = "mpa_partner"
	SrcMOSPToMCA       SourceID = "mosp_to_mca"
	SrcAPITransitioned SourceID = "api_transitioned"
	SrcAPIBillingType  SourceID = "api_billing_type"
	SrcAPIInvoiceDay   SourceID = "api_invoice_day"
	SrcAPIBilled       SourceID = "api_billed"
	SrcAPIDue          SourceID = "api_due"
	SrcAPICredit       SourceID = "api_credit"
	SrcAPISubTotal     SourceID = "api_subtotal"
	SrcAPITotal        SourceID = "api_total"
	SrcAPITax          SourceID = "api_tax"
	SrcAPIFreeCredit   SourceID = "api_free_credit"
	SrcAPIPrepayment   SourceID = "api_prepayment"
	SrcStatusPastDue   SourceID = "status_past_due"
	SrcProfileMoved    SourceID = "profile_moved"
)

func src(id SourceID, page, quote string) Source {
	return Source{ID: id, Page: page, Quote: quote, Verbatim: true}
}

func seedSrc(id SourceID, quote string) Source {
	return Source{ID: id, Page: seedPage, Quote: quote, Verbatim: true, Seed: true}
}

func changed(s Source) Source { s.Changed = true; return s }

func paraphrase(s Source) Source { s.Verbatim = false; return s }

// sources is the one table a reviewer reads to check the app against the
// docs. Pages were read as of December 2026 (MicrosoftDocs/azure-docs,
// articles/cost-management-billing/…; the API's descriptions from the
// Microsoft.Billing 2024-04-01 specification as the Go SDK armbilling v1.0.0
// carries them).
var sources = []Source{
	// understand/download-azure-invoice#noinvoice: the list today's page gives.
	src(SrcNew30Days, pageInvoice+"#noinvoice", "It's less than 30 days from the day you subscribed to Azure."),
	changed(src(SrcNotYet, pageInvoice+"#noinvoice", "Azure bills you a few days after the end of your billing period. So, an invoice might not be generated yet.")),
	src(SrcNoPermMCA, pageInvoice+"#noinvoice", "If you have an MCA or MPA billing account, you must have an Owner, Contributor, Reader, or Invoice manager role on a billing profile. Or, you must have an Owner, Contributor, or Reader role on the billing account to view invoices."),
	src(SrcNoPermOther, pageInvoice+"#noinvoice", "For other billing accounts, you might not see the invoices if you aren't the Account Administrator."),
	changed(src(SrcCreditMOSP, pageInvoice+"#noinvoice", "Under a Microsoft Online Services Program (MOSP) agreement, you receive an invoice only if your usage exceeds the monthly credit amount. This situation applies if you signed up for an Azure Free Account or have a subscription that includes a monthly credit.")),
	changed(src(SrcMCAAlways, pageInvoice+"#noinvoice", "If you have a billing account for a Microsoft Customer Agreement (MCA) or a Microsoft Partner Agreement (MPA), you always receive an invoice.")),
	src(SrcOtherAccount, pageInvoice+"#noinvoice", "You select the link and you see an error message - `We can't display your invoices. Please try again`. Verify that you're signed in with the email address that has permissions to view the invoices."),
	src(SrcIdentity, pageInvoice+"#noinvoice", "Some customers have two identities with the same email address - a work account and a Microsoft account. Typically, only one of their identities has permissions to view invoices."),
	src(SrcTenant, pageInvoice+"#noinvoice", "If you're signed in to an incorrect tenant, you don't see the invoice for subscriptions in your billing account."),

	// The 2021 seed article's own sentences.
	changed(seedSrc(SrcSeedCredit, "You have a monthly credit amount with your subscription that you didn't exceed or you have a Free Trial. An invoice is only generated when you owe money")),
	changed(seedSrc(SrcSeedPeriod, "The invoice isn't generated yet. Wait until the end of the billing period")),
	changed(seedSrc(SrcSeedAdmin, "If you're not the Account Administrator, older invoices may not be available to you")),
	seedSrc(SrcSeedCSP, "Microsoft doesn't provide any usage reports or consumption data to Azure CSP customers. Partner Center usage data is partner-facing"),
	seedSrc(SrcSeedAIO, "Learn more on AIO (Azure in open) billing and usage"),
	changed(seedSrc(SrcSeedEmailMCA, "All billing profile Owners, Contributors, Readers, and Invoice managers will get the invoice by email. Readers cannot update the email invoice preference")),
	changed(seedSrc(SrcSeedEAUsage, "To view and download usage data as a EA customer, you must be an Enterprise Administrator, Account Owner, or Department Admin with the view charges policy enabled.")),
	changed(seedSrc(SrcSeedEmailMOSP, "Click **opt in** and accept the terms. You will have to opt in for each subscription you own.")),

	// MOSP.
	changed(src(SrcAllowOthers, pageAccess+"#opt-in", "After an Account administrator assigns the appropriate roles to other users, they must turn on access to download invoices in the Azure portal.")),
	src(SrcPre2016, pageAccess+"#opt-in", "Invoices older than December 2016 are available only to the Account Administrator."),
	src(SrcMOSPRole, pageInvoice+"#download-your-mosp-azure-subscription-invoice", "You must have an *account admin* role for a subscription to download its invoice. Users with owner, contributor, or reader roles can download its invoice, if the account admin gives them permission."),
	src(SrcMOSPTiming, pageInvoice+"#invoices-for-mosp-billing-accounts", "The invoices for all Azure subscriptions are normally generated on the day of the month that the account was created but can be up to two days later."),
	src(SrcMOSPPeriod, pageInvoice+"#invoices-for-mosp-billing-accounts", "The billing period gets determined by the day of the month when the subscription is created."),
	src(SrcMarketplace9th, pageInvoice+"#invoices-for-mosp-billing-accounts", "The invoice for Azure Marketplace, reservations, and spot VMs are always generated around the ninth day of the month."),
	changed(src(SrcMOSPEmail, pageInvoice+"#get-mosp-subscription-invoice-in-email", "At the top of the page, select **Receive invoice by email**.")),
	src(SrcMOSPEmailAdmin, pageInvoice+"#get-mosp-subscription-invoice-in-email", "You must have an account admin role on a subscription or a support plan to opt in to receive its PDF invoice by email."),
	src(SrcMOSPToMCA, pageMOSPMCA+"#new-billing-and-cost-management-apis", "Invoices - List By Billing Subscription: This API will only return invoices that were generated before your account was updated. You would have to use Invoices - List By Billing Account API to get invoices that are generated in your new billing account."),
	src(SrcAPITransitioned, pageAPIProp, "isTransitionedBillingAccount: Specifies if the billing account for the subscription is transitioned from a Microsoft Online Service Program to a Microsoft Customer Agreement (MCA) account."),
	src(SrcAPIBillingType, pageAPIProp, "subscriptionBillingType: The type of billing subscription. (Benefit, Free, None, Paid, PrePaid)"),

	// MCA and MPA.
	src(SrcMCAMonthly, pageInvoice+"#invoices-for-mca-and-mpa-billing-accounts", "A monthly invoice is generated at the beginning of the month for each billing profile in your account. The invoice contains respective charges for all Azure subscriptions and other purchases from the previous month."),
	src(SrcAPIInvoiceDay, pageAPIProf, "invoiceDay: The day of the month when the invoice for the billing profile is generated."),
	src(SrcMCAUsage72h, pageInvoice+"#download-an-mca-or-mpa-billing-profile-invoice", "Typically, the usage file is ready within 72 hrs after the invoice is issued."),
	src(SrcMCARoles, pageInvoice+"#download-an-mca-or-mpa-billing-profile-invoice", "You must have an owner, contributor, reader, or an invoice manager role on a billing profile to download its invoice in the Azure portal. Users with an owner, contributor, or a reader role on a billing account can download invoices for all the billing profiles in the account."),
	changed(src(SrcMCAEmailChange, pageInvoice+"#get-your-billing-profiles-invoice-in-email", "You must have an owner or a contributor role on the billing profile or its billing account to update its email invoice preference.")),
	changed(src(SrcMCAEmailWho, pageInvoice+"#get-your-billing-profiles-invoice-in-email", "Once you have opted-in, all users with an owner, contributor, and invoice manager roles on a billing profile get its invoice in email.")),
	src(SrcMCAEmailPartner, pageInvoice+"#get-your-billing-profiles-invoice-in-email", "The *send by email* and *invoice email preference* invoice functionality isn't supported for Microsoft Customer Agreements when you work with a Microsoft partner."),
	changed(src(SrcMCAEmailSteps, pageInvoice+"#get-your-billing-profiles-invoice-in-email", "In the **Invoice and Billing Notifications** section, select **Manage settings** under **Invoice and payment contact settings.**")),
	changed(src(SrcMCACheckAccess, pageMCARole+"#check-access-to-a-microsoft-customer-agreement", "Check the agreement type to determine whether you have access to a billing account for a Microsoft Customer Agreement.")),
	src(SrcMPAPartner, pageInvoice+"#invoices-for-mca-and-mpa-billing-accounts", "An MPA billing account is created for Cloud Solution Provider (CSP) partners to manage their customers in the new commerce experience."),
	src(SrcGovEmail, pageInvoice+"#azure-government-support-for-invoices", "Azure Government customers can't request their invoice by email. They can only download it."),

	// EA.
	changed(src(SrcEAOnlyAdmin, pageEAInv+"#download-or-view-your-azure-billing-invoice", "Only an Enterprise Administrator has permission to view and download the billing invoice.")),
	src(SrcEAEmail, pageEAInv+"#download-or-view-your-azure-billing-invoice", "Invoices are sent to whoever is set up to receive invoices for the enrollment. If someone other than an EA administrator needs an email copy of the invoice, an EA administrator can send them a copy."),
	src(SrcEAWhenInvoice, pageEAInv+"#download-or-view-your-azure-billing-invoice", "You receive an Azure invoice when any of the following events occur during your billing cycle: Service overage - Your organization's usage charges exceed your credit balance."),
	src(SrcEAIndirect, pageEAEnrol+"#billing-intervals", "Indirect Enterprise Azure (EA) Customers are set up as a Quarterly Billing cycle. The Channel Partner (CP) will be invoicing the Customer directly."),
	src(SrcEAOverage, pageEAEnrol+"#overage", "Notification of overage is sent usually seven days following the customer's billing end date, … Overage invoices will be sent 7-9 days afterwards."),
	src(SrcEAViewCharges, pageEARoles+"#usage-and-costs-access-by-role", "Requires that the Enterprise Administrator enable **DA view charges** policy in the Enterprise portal. The Department Administrator can then see cost details for the department."),
	changed(src(SrcEAUsagePath, pageEAInv+"#review-usage-charges", "Select **Billing scopes** from the navigation menu and then select the billing account that you want to work with. In the navigation menu, select **Usage + Charges**.")),
	src(SrcEAClose, pageCostMgt+"#cost-and-usage-data-updates-and-retention", "Enterprise Agreement (EA) subscriptions – If the billing month ends on March 31, estimated charges are updated up to 72 hours later."),

	// Offers and Cost Management.
	src(SrcCost13Months, pageCostMgt+"#cost-and-usage-data-updates-and-retention", "Only the last 13 months are available from the portal."),
	src(SrcAPICostDetails, "https://learn.microsoft.com/rest/api/cost-management/generate-cost-details-report/create-operation?view=rest-cost-management-2025-03-01",
		"timePeriod: … API only allows data to be pulled for 1 month or less and no older than 13 months."),
	src(SrcOfferStudents, pageCostMgt+"#supported-microsoft-azure-offers", "| **Pay-As-You-Go** | Azure for Students³ | AzureForStudents_2018-01-01 | MS-AZR-0170P |"),
	paraphrase(src(SrcOfferDevTest, pageCostMgt+"#supported-microsoft-azure-offers", "MSDNDevTest_2014-09-01 is the quota ID of Enterprise Dev/Test (MS-AZR-0148P), Microsoft Azure Plan for Dev/Test (MCA), Pay-As-You-Go Dev/Test (MS-AZR-0023P) and Visual Studio Test Professional (MS-AZR-0060P).")),
	src(SrcOfferCredit, pageCostMgt+"#historical-data-might-not-match-invoice", "Some Azure pay-as-you-go, MSDN, and Visual Studio offers can have Azure credits and advanced payments applied to the invoice."),

	// The invoice fields (Microsoft.Billing 2024-04-01).
	src(SrcAPIBilled, pageAPI, "billedAmount: The total charges for the invoice billing period."),
	src(SrcAPIDue, pageAPI, "amountDue: The amount due as of now."),
	src(SrcAPICredit, pageAPI, "creditAmount: The total refund for returns and cancellations during the invoice billing period. This field is applicable to billing accounts with agreement type Microsoft Customer Agreement."),
	src(SrcAPISubTotal, pageAPI, "subTotal: The pre-tax amount due. This field is applicable to billing accounts with agreement type Microsoft Customer Agreement."),
	src(SrcAPITotal, pageAPI, "totalAmount: The amount due when the invoice was generated. This field is applicable to billing accounts with agreement type Microsoft Customer Agreement."),
	src(SrcAPITax, pageAPI, "taxAmount: The amount of tax charged for the billing period. This field is applicable to billing accounts with agreement type Microsoft Customer Agreement."),
	src(SrcAPIFreeCredit, pageAPI, "freeAzureCreditApplied: The amount of free Azure credits applied to the charges. This field is applicable to billing accounts with agreement type Microsoft Customer Agreement."),
	src(SrcAPIPrepayment, pageAPI, "azurePrepaymentApplied: The amount of Azure prepayment applied to the charges. This field is applicable to billing accounts with agreement type Microsoft Customer Agreement."),
	src(SrcStatusPastDue, pageInvoice+"#invoice-status", "*Past due* is displayed when Azure tried to charge your payment method, but the payment was declined."),
	changed(paraphrase(src(SrcProfileMoved, "https://account.microsoft.com/profile", "The seed's account.windowsazure.com/profile (communication preferences) now opens the Microsoft account profile at account.microsoft.com/profile."))),
}

// Sources returns the table, in its order.
func Sources() []Source {
	out := make([]Source, len(sources))
	copy(out, sources)
	return out
}

// SourceByID finds one row.
func SourceByID(id SourceID) (Source, bool) {
	for _, s := range sources {
		if s.ID == id {
			return s, true
		}
	}
	return Source{}, false
}
