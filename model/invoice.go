package model

import (
	"net/url"
	"sort"
	"strings"
	"time"
)

// Money is an amount in a currency. Known is false when Azure did not send it.
type Money struct {
	Amount   float64
	Currency string
	Known    bool
}

// Period is a billing period, both ends inclusive dates.
type Period struct {
	Start, End time.Time
}

// Ended reports whether the period is over at now (the invoice is made after the end day).
func (p Period) Ended(now time.Time) bool {
	if p.End.IsZero() {
		return false
	}
	return !now.Before(p.End.AddDate(0, 0, 1))
}

// InvoiceStatus is the status of an invoice.
type InvoiceStatus string

const (
	StatusDue     InvoiceStatus = "Due"
	StatusOverDue InvoiceStatus = "OverDue" // the portal says "Past due"
	StatusPaid    InvoiceStatus = "Paid"
	StatusVoid    InvoiceStatus = "Void"
	StatusLocked  InvoiceStatus = "Locked"
)

// DocumentKind is the kind of a document attached to an invoice.
type DocumentKind string

const (
	DocInvoice      DocumentKind = "Invoice"
	DocTaxReceipt   DocumentKind = "TaxReceipt"
	DocCreditNote   DocumentKind = "CreditNote"
	DocVoidNote     DocumentKind = "VoidNote"
	DocSummary      DocumentKind = "Summary"
	DocTransactions DocumentKind = "Transactions"
)

// Document is one file attached to an invoice.
type Document struct {
	Name       string // documentName to ask the download for; EA documents have none
	Kind       DocumentKind
	URL        string // the document's url (or externalUrl) as the API gives it
	DocNumbers []string
	Source     string // DRS, ENF, Other: the system that holds it
}

// DocRoute is the operation that serves a document.
type DocRoute int

const (
	// RouteNone: no API operation serves this document; DocNotDownloadable says why.
	RouteNone DocRoute = iota
	// RouteByName: POST …/invoices/{invoice}/download?documentName={name}.
	RouteByName
	// RouteInvoicePDF: POST …/invoices/{invoice}/download without a
	// document name, which serves the invoice itself.
	RouteInvoicePDF
	// RouteSummary: POST …/billingAccounts/{a}/invoices/{invoice}/downloadSummary (EA).
	RouteSummary
	// RouteTransactions: POST …/billingAccounts/{a}/invoices/{invoice}/transactionsDownload.
	RouteTransactions
)

// Why a document cannot be downloaded: each is a message ID of its own.
const (
	DocNotDownloadableNameless = "shapes.doc.nameless"  // no name, and no operation for its kind
	DocNotDownloadableKind     = "shapes.doc.otherkind" // a kind no operation serves here
)

// Route says which operation downloads d for an invoice of agreement a,
// and when none does, the message ID of why.
//
// EA invoices list their documents with a kind and a url but no name
// (azure-cli-extensions recording test_ea_invoices_list_get_and_download:
// Invoice -> …/download, Summary -> …/downloadSummary, Transactions ->
// …/transactionsDownload). The url's last path segment names the
// operation, so it is read first; a document with a name is asked for by
// name ("documentName: The ID that uniquely identifies an invoice
// document", Microsoft.Billing 2024-04-01); a nameless document falls back
// on its kind.
func (d Document) Route(a Agreement) (DocRoute, string) {
	if r, ok := routeFromURL(d.URL); ok {
		return r, ""
	}
	if d.Name != "" {
		return RouteByName, ""
	}
	switch d.Kind {
	case DocInvoice:
		return RouteInvoicePDF, ""
	case DocSummary:
		if a == AgreementEA {
			return RouteSummary, ""
		}
	case DocTransactions:
		if a == AgreementEA {
			return RouteTransactions, ""
		}
	default:
		return RouteNone, DocNotDownloadableNameless
	}
	return RouteNone, DocNotDownloadableKind
}

// routeFromURL reads the operation from a document url that points at a
// Microsoft.Billing invoice action (…/download, …/downloadSummary,
// …/transactionsDownload). Any other url says nothing about the route.
func routeFromURL(raw string) (DocRoute, bool) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || !strings.Contains(strings.ToLower(u.Path), "/microsoft.billing/") {
		return RouteNone, false
	}
	p := strings.TrimRight(u.Path, "/")
	switch strings.ToLower(p[strings.LastIndexByte(p, '/')+1:]) {
	case "downloadsummary":
		return RouteSummary, true
	case "transactionsdownload":
		return RouteTransactions, true
	case "download":
		if u.Query().Get("documentName") != "" {
			return RouteByName, true
		}
		return RouteInvoicePDF, true
	}
	return RouteNone, false
}

// Downloadable reports whether some operation serves d.
func (d Document) Downloadable(a Agreement) bool {
	r, _ := d.Route(a)
	return r != RouteNone
}

// Invoice is one invoice as the invoices list shows it.
type Invoice struct {
	ID                 string
	Name               string
	Period             Period
	Date               time.Time
	DueDate            time.Time
	Billed             Money // billedAmount: the total charges of the billing period
	Due                Money // amountDue: the amount due as of now
	SubTotal           Money // subTotal: the pre-tax amount due (MCA)
	Credit             Money // creditAmount: refunds for returns and cancellations (MCA)
	FreeCredit         Money
	Prepayment         Money
	Tax                Money
	Total              Money
	Status             InvoiceStatus
	Type               string // AzureServices, AzureMarketplace, AzureSupport
	DocumentType       string // Invoice, CreditNote, …
	Documents          []Document
	ProfileID          string
	ProfileDisplayName string
	SubscriptionID     string
	SubscriptionName   string
	PurchaseOrder      string
	Monthly            *bool
}

// SortInvoices orders invoices newest first (by invoice date, then name).
func SortInvoices(in []Invoice) {
	sort.SliceStable(in, func(i, j int) bool {
		if !in[i].Date.Equal(in[j].Date) {
			return in[i].Date.After(in[j].Date)
		}
		return in[i].Name > in[j].Name
	})
}

// UsageTooOld reports whether an invoice's usage lies beyond what the Cost
// Details report reaches: "no older than 13 months" (SrcAPICostDetails). It
// concerns MCA, MPA and EA, whose usage comes from that report.
func UsageTooOld(a Agreement, inv Invoice, now time.Time) bool {
	if a != AgreementMCA && a != AgreementMPA && a != AgreementEA {
		return false
	}
	start := inv.Period.Start
	if start.IsZero() {
		start = inv.Date
	}
	if start.IsZero() {
		return false
	}
	y, m, _ := now.UTC().Date()
	return start.Before(time.Date(y, m-13, 1, 0, 0, 0, 0, time.UTC))
}

// UsageMaybeNotReady reports whether an MCA invoice is so new that its usage
// file may not be ready: "Typically, the usage file is ready within 72 hrs
// after the invoice is issued." (SrcMCAUsage72h)
func UsageMaybeNotReady(a Agreement, inv Invoice, now time.Time) bool {
	if (a != AgreementMCA && a != AgreementMPA) || inv.Date.IsZero() {
		return false
	}
	return now.Before(inv.Date.Add(72 * time.Hour))
}

// CurrentPeriod is the billing period containing now for a profile that
// invoices on day invoiceDay of the month (1 when unknown): it starts on that
// day and ends the day before it comes again.
func CurrentPeriod(now time.Time, invoiceDay int) Period {
	if invoiceDay < 1 || invoiceDay > 28 {
		invoiceDay = 1
	}
	y, m, d := now.Date()
	start := time.Date(y, m, invoiceDay, 0, 0, 0, 0, time.UTC)
	if d < invoiceDay {
		start = start.AddDate(0, -1, 0)
	}
	return Period{Start: start, End: start.AddDate(0, 1, -1)}
}
