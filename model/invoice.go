package model

import (
	"sort"
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
	StatusOverDue InvoiceStatus = "OverDue"
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
	Name       string // documentName to ask the download for
	Kind       DocumentKind
	URL        string // external URL when the API gives one
	DocNumbers []string
}

// Invoice is one invoice as the invoices list shows it.
type Invoice struct {
	ID                 string
	Name               string
	Period             Period
	Date               time.Time
	DueDate            time.Time
	Billed             Money
	Due                Money
	Credit             Money
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
