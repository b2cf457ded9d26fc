package model

import (
	"errors"
	"net/url"
	"strings"
)

// LinkID names one entry of the doc-link catalogue.
type LinkID string

// Link is one doc or portal link. Its title is the catalogue message
// TitleID (links.en.toml; other languages add links.<lang>.toml).
type Link struct {
	ID          LinkID
	URL         string
	TitleID     string
	Group       string // the seed section it appears in (a message ID: link.group.<name>)
	Recommended bool   // listed under the seed's "Recommended Documents"
	FromSeed    bool   // the URL appears in the seed article
	// Successor is where a moved seed link's content lives today; the app
	// opens it instead of URL (which stays as the seed gives it).
	Successor string
}

// Opens is the URL the app opens: the successor of a moved link, else URL.
func (l Link) Opens() string {
	if l.Successor != "" {
		return l.Successor
	}
	return l.URL
}

// URLs are stored as the seed gives them with two normalisations, applied to
// every docs link alike: docs.microsoft.com becomes learn.microsoft.com (the
// old host only redirects there), and the ?WT.mc_id=Portal-… tracking query
// is dropped (it marks a click as coming from the portal, which ours are not).
// Paths and #anchors are kept exactly; no locale segment is added, so
// learn.microsoft.com serves the reader's own language.
const learn = "https://learn.microsoft.com/azure/cost-management-billing/"

const (
	LinkPortalSubscriptions   LinkID = "portal_subscriptions"
	LinkBillingAccess         LinkID = "billing_access"
	LinkNoInvoiceLastPeriod   LinkID = "no_invoice_last_period"
	LinkInvoiceUsageData      LinkID = "invoice_usage_data"
	LinkPortalSubscriptionsMS LinkID = "portal_subscriptions_ms"
	LinkProfilePreferences    LinkID = "profile_preferences"
	LinkEmailBlog             LinkID = "email_blog"
	LinkUnderstandBill        LinkID = "understand_bill"
	LinkPreventCosts          LinkID = "prevent_costs"
	LinkMCACheckAccess        LinkID = "mca_check_access"
	LinkPortal                LinkID = "portal"
	LinkMOSPInvoice           LinkID = "mosp_invoice"
	LinkAzureInOpen           LinkID = "azure_in_open"
	LinkWhyNoInvoice          LinkID = "why_no_invoice"
	LinkRecRequestDownload    LinkID = "rec_request_download"
	LinkRecEmailInbox         LinkID = "rec_email_inbox"
	LinkUsageCharges          LinkID = "usage_charges"
	LinkInvoiceTerms          LinkID = "invoice_terms"
	LinkCSPInvoice            LinkID = "csp_invoice"

	// Not in the seed: the portal blades and role docs the guides and reasons need.
	LinkPortalCostBilling LinkID = "portal_cost_billing"
	LinkMCARoles          LinkID = "mca_roles"
	LinkEARoles           LinkID = "ea_roles"
	LinkViewAccounts      LinkID = "view_accounts"
	LinkAllowOthers       LinkID = "allow_others"
	LinkEAInvoice         LinkID = "ea_invoice"
	LinkMOSPToMCA         LinkID = "mosp_to_mca"
	LinkMOSPEmail         LinkID = "mosp_email"
	LinkMCAEmail          LinkID = "mca_email"
	LinkInvoiceStatus     LinkID = "invoice_status"
)

// Seed sections, as Group values (message IDs).
const (
	GroupDownload     = "link.group.download"
	GroupEmail        = "link.group.email"
	GroupUnderstand   = "link.group.understand"
	GroupCosts        = "link.group.costs"
	GroupMCA          = "link.group.mca"
	GroupMOSP         = "link.group.mosp"
	GroupTroubleshoot = "link.group.troubleshoot"
	GroupRecommended  = "link.group.recommended"
	GroupMore         = "link.group.more"
)

func seedLink(id LinkID, group, u string) Link {
	return Link{ID: id, URL: u, TitleID: "link." + string(id) + ".title", Group: group, FromSeed: true}
}

func recommended(id LinkID, u string) Link {
	l := seedLink(id, GroupRecommended, u)
	l.Recommended = true
	return l
}

// moved keeps a seed link reachable: it still lists the seed's URL, and
// opens where that content lives today.
func moved(l Link, successor string) Link {
	l.Successor = successor
	return l
}

func extraLink(id LinkID, u string) Link {
	return Link{ID: id, URL: u, TitleID: "link." + string(id) + ".title", Group: GroupMore}
}

// catalogue is in the seed's order, then the extras.
var catalogue = []Link{
	seedLink(LinkPortalSubscriptions, GroupDownload, "https://portal.azure.com/#blade/Microsoft_Azure_Billing/SubscriptionsBlade"),
	seedLink(LinkBillingAccess, GroupDownload, learn+"manage/manage-billing-access"),
	seedLink(LinkNoInvoiceLastPeriod, GroupDownload, learn+"manage/download-azure-invoice-daily-usage-date#noinvoice"),
	seedLink(LinkInvoiceUsageData, GroupDownload, learn+"manage/download-azure-invoice-daily-usage-date"),
	seedLink(LinkPortalSubscriptionsMS, GroupEmail, "https://ms.portal.azure.com/#blade/Microsoft_Azure_Billing/SubscriptionsBlade"),
	moved(seedLink(LinkProfilePreferences, GroupEmail, "https://account.windowsazure.com/profile"), "https://account.microsoft.com/profile"),
	seedLink(LinkEmailBlog, GroupEmail, "https://azure.microsoft.com/blog/azure-email-invoices/"),
	seedLink(LinkUnderstandBill, GroupUnderstand, learn+"understand/review-individual-bill"),
	seedLink(LinkPreventCosts, GroupCosts, learn+"manage/getting-started"),
	moved(seedLink(LinkMCACheckAccess, GroupMCA, learn+"manage/download-azure-invoice-daily-usage-date#check-access-to-a-microsoft-customer-agreement"),
		learn+"manage/understand-mca-roles#check-access-to-a-microsoft-customer-agreement"),
	seedLink(LinkPortal, GroupMCA, "https://portal.azure.com/"),
	seedLink(LinkMOSPInvoice, GroupMOSP, learn+"understand/download-azure-invoice#download-your-mosp-azure-subscription-invoice"),
	seedLink(LinkAzureInOpen, GroupTroubleshoot, "https://azure.microsoft.com/offers/ms-azr-0111p/"),
	recommended(LinkWhyNoInvoice, learn+"understand/download-azure-invoice#noinvoice"),
	recommended(LinkRecRequestDownload, learn+"manage/download-azure-invoice-daily-usage-date"),
	recommended(LinkRecEmailInbox, learn+"manage/download-azure-invoice-daily-usage-date"),
	recommended(LinkUsageCharges, learn+"understand/review-individual-bill#csv"),
	recommended(LinkInvoiceTerms, learn+"understand/understand-invoice"),
	recommended(LinkCSPInvoice, "https://learn.microsoft.com/partner-center/azure-plan-lp"),

	extraLink(LinkPortalCostBilling, "https://portal.azure.com/#view/Microsoft_Azure_GTM/ModernBillingMenuBlade/~/Overview"),
	extraLink(LinkMCARoles, learn+"manage/understand-mca-roles"),
	extraLink(LinkEARoles, learn+"manage/understand-ea-roles"),
	extraLink(LinkViewAccounts, learn+"manage/view-all-accounts"),
	extraLink(LinkAllowOthers, learn+"manage/manage-billing-access#opt-in"),
	extraLink(LinkEAInvoice, learn+"manage/direct-ea-azure-usage-charges-invoices#download-or-view-your-azure-billing-invoice"),
	extraLink(LinkMOSPToMCA, learn+"manage/mosp-new-customer-experience"),
	extraLink(LinkMOSPEmail, learn+"understand/download-azure-invoice#get-mosp-subscription-invoice-in-email"),
	extraLink(LinkMCAEmail, learn+"understand/download-azure-invoice#get-your-billing-profiles-invoice-in-email"),
	extraLink(LinkInvoiceStatus, learn+"understand/download-azure-invoice#invoice-status"),
}

// Links returns the catalogue: the seed's links in its order (its
// Recommended Documents last among them), then the extra portal and doc links.
func Links() []Link {
	out := make([]Link, len(catalogue))
	copy(out, catalogue)
	return out
}

// LinkByID finds one link.
func LinkByID(id LinkID) (Link, bool) {
	for _, l := range catalogue {
		if l.ID == id {
			return l, true
		}
	}
	return Link{}, false
}

// Why Allowed refused a URL. The UI maps each to a message with AllowedMsg.
var (
	ErrBadURL         = errors.New("link: malformed URL")
	ErrNotHTTPS       = errors.New("link: not an https URL")
	ErrHostNotAllowed = errors.New("link: host is not a Microsoft docs or portal host")
)

// allowedHosts are the only hosts the app will open in a browser.
var allowedHosts = map[string]bool{
	"learn.microsoft.com":      true,
	"docs.microsoft.com":       true,
	"portal.azure.com":         true,
	"ms.portal.azure.com":      true,
	"azure.microsoft.com":      true,
	"account.windowsazure.com": true,
	"account.microsoft.com":    true,
	"aka.ms":                   true,
}

// maxURL bounds what we parse; no doc link comes near it.
const maxURL = 4096

// Allowed returns nil only for an https URL on an allowlisted Microsoft host,
// matched exactly: no look-alike or sub-domain, no user info, no port but
// 443, no backslash, whitespace, control or non-ASCII character anywhere
// (browsers and URL parsers disagree on those, and that gap is how
// allowlists are fooled). The errors never quote the URL, which may carry a
// secret query string.
func Allowed(raw string) error {
	if raw == "" || len(raw) > maxURL {
		return ErrBadURL
	}
	for i := 0; i < len(raw); i++ {
		if c := raw[i]; c <= ' ' || c == '\\' || c >= 0x7f {
			return ErrBadURL
		}
	}
	u, err := url.Parse(raw)
	if err != nil {
		return ErrBadURL
	}
	if !strings.EqualFold(u.Scheme, "https") {
		return ErrNotHTTPS
	}
	// https:host/path and https:/path parse with Opaque or an empty Host.
	if u.Opaque != "" || u.Host == "" || !strings.HasPrefix(raw[len(u.Scheme):], "://") {
		return ErrBadURL
	}
	if u.User != nil {
		return ErrHostNotAllowed
	}
	// The authority as written, not as decoded: %-escapes in a host are refused.
	auth := raw[len(u.Scheme)+3:]
	if i := strings.IndexAny(auth, "/?#"); i >= 0 {
		auth = auth[:i]
	}
	host := strings.ToLower(auth)
	if h, port, ok := strings.Cut(host, ":"); ok {
		if port != "443" {
			return ErrHostNotAllowed
		}
		host = h
	}
	if !allowedHosts[host] {
		return ErrHostNotAllowed
	}
	return nil
}

// AllowedMsg is the message ID that explains an Allowed error to the person.
func AllowedMsg(err error) string {
	switch {
	case err == nil:
		return ""
	case errors.Is(err, ErrNotHTTPS):
		return "link.err.not_https"
	case errors.Is(err, ErrHostNotAllowed):
		return "link.err.host"
	}
	return "link.err.bad_url"
}
