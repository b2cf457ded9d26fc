package cli

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/azinvoice/azinvoice/model"
	"github.com/azinvoice/azinvoice/ui/i18n"
)

// The JSON records below are an interface (README: "JSON output"): keys
// and enum values are English and Azure's own words, amounts are strings
// to the cent with their currency, dates are ISO 8601. A field Azure did
// not send is null (or "" for text); fields are never dropped.

// Amount is an amount to the cent, as a string so no float rounding
// reaches a script.
type Amount struct {
	Amount   string `json:"amount"`
	Currency string `json:"currency"`
}

func amount(m model.Money) *Amount {
	if !m.Known || math.IsNaN(m.Amount) || math.IsInf(m.Amount, 0) {
		return nil
	}
	return &Amount{Amount: cents(m.Amount), Currency: m.Currency}
}

func cents(v float64) string {
	s := strconv.FormatFloat(math.Round(v*100)/100, 'f', 2, 64)
	if s == "-0.00" {
		s = "0.00"
	}
	return s
}

// csvAmount is the amount alone, for CSV cells.
func csvAmount(m model.Money) string {
	if a := amount(m); a != nil {
		return a.Amount
	}
	return ""
}

func date(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.UTC().Format(time.DateOnly)
	return &s
}

func dateCell(t time.Time) string {
	if d := date(t); d != nil {
		return *d
	}
	return ""
}

// AccountJSON is one billing account.
type AccountJSON struct {
	Name          string `json:"name"`
	DisplayName   string `json:"displayName"`
	AgreementType string `json:"agreementType"`
	AccountType   string `json:"accountType"`
	Status        string `json:"accountStatus"`
	HasReadAccess *bool  `json:"hasReadAccess"`
	ID            string `json:"id"`
}

func accountJSON(a model.Account) AccountJSON {
	return AccountJSON{a.Name, a.DisplayName, string(a.Agreement), a.AccountType, a.Status, a.HasReadAccess, a.ID}
}

// ProfileJSON is one billing profile, with its email-invoice setting.
type ProfileJSON struct {
	BillingAccount    string   `json:"billingAccount"`
	Name              string   `json:"name"`
	DisplayName       string   `json:"displayName"`
	Currency          string   `json:"currency"`
	InvoiceDay        *int     `json:"invoiceDay"`
	Status            string   `json:"status"`
	InvoiceEmailOptIn *bool    `json:"invoiceEmailOptIn"`
	InvoiceRecipients []string `json:"invoiceRecipients"`
	ID                string   `json:"id"`
}

func profileJSON(p model.Profile) ProfileJSON {
	var day *int
	if p.InvoiceDay > 0 {
		d := p.InvoiceDay
		day = &d
	}
	rec := p.Email.Recipients
	if rec == nil {
		rec = []string{}
	}
	return ProfileJSON{p.AccountName, p.Name, p.DisplayName, p.Currency, day, p.Status, p.Email.OptIn, rec, p.ID}
}

// SubscriptionJSON is one subscription with its billing property.
type SubscriptionJSON struct {
	SubscriptionID       string  `json:"subscriptionId"`
	DisplayName          string  `json:"displayName"`
	State                string  `json:"state"`
	AgreementType        string  `json:"agreementType"`
	BillingAccount       string  `json:"billingAccount"`
	BillingProfile       string  `json:"billingProfile"`
	OfferID              string  `json:"offerId"`
	QuotaID              string  `json:"quotaId"`
	BillingType          string  `json:"subscriptionBillingType"`
	BillingRelationship  string  `json:"billingRelationshipType"`
	Created              *string `json:"createdDate"`
	BillingPropertyError *string `json:"billingPropertyError"`
}

func subscriptionJSON(s model.Subscription) SubscriptionJSON {
	var perr *string
	if s.PropertyErr != nil {
		e := errText(s.PropertyErr)
		perr = &e
	}
	return SubscriptionJSON{s.SubscriptionID, s.DisplayName, s.State, string(s.Agreement), s.AccountName, s.ProfileName,
		s.OfferID, s.QuotaID, string(s.BillingType), string(s.Relationship), date(s.Created), perr}
}

// DocumentJSON is one document of an invoice.
type DocumentJSON struct {
	Kind string `json:"kind"`
	Name string `json:"name"`
}

// InvoiceJSON is one invoice and the scope it was listed under.
type InvoiceJSON struct {
	Name           string         `json:"name"`
	AgreementType  string         `json:"agreementType"`
	BillingAccount string         `json:"billingAccount"`
	BillingProfile string         `json:"billingProfile"`
	SubscriptionID string         `json:"subscriptionId"`
	Status         string         `json:"status"`
	InvoiceType    string         `json:"invoiceType"`
	DocumentType   string         `json:"documentType"`
	InvoiceDate    *string        `json:"invoiceDate"`
	DueDate        *string        `json:"dueDate"`
	PeriodStart    *string        `json:"invoicePeriodStartDate"`
	PeriodEnd      *string        `json:"invoicePeriodEndDate"`
	BilledAmount   *Amount        `json:"billedAmount"`
	AmountDue      *Amount        `json:"amountDue"`
	CreditAmount   *Amount        `json:"creditAmount"`
	TaxAmount      *Amount        `json:"taxAmount"`
	TotalAmount    *Amount        `json:"totalAmount"`
	PurchaseOrder  string         `json:"purchaseOrderNumber"`
	Documents      []DocumentJSON `json:"documents"`
	ID             string         `json:"id"`
}

func invoiceJSON(f found) InvoiceJSON {
	in, sc := f.inv, f.t.scope
	docs := make([]DocumentJSON, 0, len(in.Documents))
	for _, d := range in.Documents {
		docs = append(docs, DocumentJSON{string(d.Kind), d.Name})
	}
	sub := sc.SubscriptionID
	if sub == "" {
		sub = in.SubscriptionID
	}
	return InvoiceJSON{
		Name: in.Name, AgreementType: string(sc.Agreement), BillingAccount: sc.AccountName, BillingProfile: sc.ProfileName,
		SubscriptionID: sub, Status: string(in.Status), InvoiceType: in.Type, DocumentType: in.DocumentType,
		InvoiceDate: date(in.Date), DueDate: date(in.DueDate), PeriodStart: date(in.Period.Start), PeriodEnd: date(in.Period.End),
		BilledAmount: amount(in.Billed), AmountDue: amount(in.Due), CreditAmount: amount(in.Credit), TaxAmount: amount(in.Tax),
		TotalAmount: amount(in.Total), PurchaseOrder: in.PurchaseOrder, Documents: docs, ID: in.ID,
	}
}

func invoiceSheet(list []found) sheet {
	sh := sheet{
		keys: []string{"name", "agreementType", "billingAccount", "billingProfile", "subscriptionId", "status",
			"invoiceDate", "dueDate", "invoicePeriodStartDate", "invoicePeriodEndDate", "currency", "billedAmount", "amountDue", "totalAmount"},
		heads: []string{"cli.col.invoice", "cli.col.scope", "cli.col.period", "cli.col.date", "cli.col.due", "cli.col.status", "cli.col.billed", "cli.col.amountdue"},
	}
	table := [][]string{}
	csvRows := [][]string{}
	for _, f := range list {
		in := f.inv
		cur := in.Billed.Currency
		if cur == "" {
			cur = in.Due.Currency
		}
		csvRows = append(csvRows, []string{in.Name, string(f.t.scope.Agreement), f.t.scope.AccountName, f.t.scope.ProfileName,
			invoiceJSON(f).SubscriptionID, string(in.Status), dateCell(in.Date), dateCell(in.DueDate),
			dateCell(in.Period.Start), dateCell(in.Period.End), cur, csvAmount(in.Billed), csvAmount(in.Due), csvAmount(in.Total)})
		table = append(table, []string{in.Name, f.t.title(), i18n.Period(in.Period), i18n.Date(in.Date), i18n.Date(in.DueDate),
			statusText(in.Status), i18n.Money(in.Billed), i18n.Money(in.Due)})
	}
	sh.rows = csvRows
	sh.tableRows = table
	return sh
}

// statusText is an invoice status in words where the catalogue has them.
func statusText(s model.InvoiceStatus) string {
	if id := "status." + strings.ToLower(string(s)); s != "" && i18n.Has(id) {
		return i18n.T(id)
	}
	return model.OrNone(string(s))
}
