package client

import (
	"strings"
	"time"

	"github.com/azinvoice/azinvoice/model"
)

// The converters read the wire shapes (wire.go) into model types. Every
// field may be absent or unreadable: each then stays at its zero value,
// which the model reads as "unknown". Text passes through model.Clean (in
// Text.S), because Azure's text reaches a terminal.

func texts(in []Text) []string {
	var out []string
	for _, t := range in {
		if s := t.S(); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// raws is Text.Raw for lists (email recipients are written back as read).
func raws(in []Text) []string {
	var out []string
	for _, t := range in {
		if s := t.Raw(); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func dateText(t Time) string {
	if !t.OK() || t.V.IsZero() {
		return ""
	}
	return t.V.Format(time.DateOnly)
}

func tm(t Time) time.Time {
	if !t.OK() {
		return time.Time{}
	}
	return t.V
}

// lastSegment is the final path segment of an ARM ID ("…/billingAccounts/x" -> "x").
func lastSegment(id string) string {
	id = strings.TrimRight(id, "/")
	if i := strings.LastIndexByte(id, '/'); i >= 0 {
		return id[i+1:]
	}
	return id
}

// money reads an amount. An unreadable value is unknown, never 0; the
// currency is kept either way.
func money(m *Money) model.Money {
	if m == nil {
		return model.Money{}
	}
	out := model.Money{Currency: m.Currency.S()}
	if m.Value.OK() {
		out.Amount, out.Known = m.Value.V, true
	}
	return out
}

func convertAccount(a *wAccount) model.Account {
	if a == nil {
		return model.Account{}
	}
	out := model.Account{ID: a.ID.Raw(), Name: a.Name.Raw()}
	if out.Name == "" {
		out.Name = lastSegment(out.ID)
	}
	p := a.Properties
	if p == nil {
		return out
	}
	out.DisplayName = p.DisplayName.S()
	out.Agreement = model.ParseAgreement(p.AgreementType.S())
	out.AccountType = p.AccountType.S()
	out.Status = p.AccountStatus.S()
	out.HasReadAccess = p.HasReadAccess.P()
	out.NotificationEmail = p.NotificationEmailAddress.S()
	out.RelationshipTypes = texts(p.BillingRelationshipTypes)
	if e := p.EnrollmentDetails; e != nil {
		out.Enrollment = &model.Enrollment{
			StartDate: dateText(e.StartDate),
			EndDate:   dateText(e.EndDate),
			Currency:  e.Currency.S(),
			Channel:   e.Channel.S(),
			Language:  e.Language.S(),
		}
	}
	return out
}

func convertProfile(account string, p *wProfile) model.Profile {
	if p == nil {
		return model.Profile{AccountName: account}
	}
	out := model.Profile{ID: p.ID.Raw(), Name: p.Name.Raw(), AccountName: account}
	if out.Name == "" {
		out.Name = lastSegment(out.ID)
	}
	pp := p.Properties
	if pp == nil {
		return out
	}
	out.DisplayName = pp.DisplayName.S()
	out.Currency = pp.Currency.S()
	if d := pp.InvoiceDay; d.OK() && d.V >= 1 && d.V <= 31 && d.V == float64(int(d.V)) {
		out.InvoiceDay = int(d.V)
	}
	out.Status = pp.Status.S()
	out.SystemID = pp.SystemID.S()
	out.PONumber = pp.PoNumber.S()
	out.Relationship = pp.BillingRelationshipType.S()
	out.Email = model.EmailPreference{OptIn: pp.InvoiceEmailOptIn.P(), Recipients: raws(pp.InvoiceRecipients)}
	out.TargetClouds = texts(pp.TargetClouds)
	return out
}

func convertInvoice(in *wInvoice) model.Invoice {
	if in == nil {
		return model.Invoice{}
	}
	out := model.Invoice{ID: in.ID.Raw(), Name: in.Name.Raw()}
	if out.Name == "" {
		out.Name = lastSegment(out.ID)
	}
	p := in.Properties
	if p == nil {
		return out
	}
	out.Period = model.Period{Start: tm(p.InvoicePeriodStartDate), End: tm(p.InvoicePeriodEndDate)}
	out.Date = tm(p.InvoiceDate)
	out.DueDate = tm(p.DueDate)
	out.Billed = money(p.BilledAmount)
	out.Due = money(p.AmountDue)
	out.SubTotal = money(p.SubTotal)
	out.Credit = money(p.CreditAmount)
	out.FreeCredit = money(p.FreeAzureCreditApplied)
	out.Prepayment = money(p.AzurePrepaymentApplied)
	out.Tax = money(p.TaxAmount)
	out.Total = money(p.TotalAmount)
	out.Status = model.InvoiceStatus(p.Status.S())
	out.Type = p.InvoiceType.S()
	out.DocumentType = p.DocumentType.S()
	for i := range p.Documents {
		out.Documents = append(out.Documents, convertDocument(&p.Documents[i]))
	}
	out.ProfileID = p.BillingProfileID.Raw()
	out.ProfileDisplayName = p.BillingProfileDisplayName.S()
	out.SubscriptionID = p.SubscriptionID.Raw()
	out.SubscriptionName = p.SubscriptionDisplayName.S()
	out.PurchaseOrder = p.PurchaseOrderNumber.S()
	out.Monthly = p.IsMonthlyInvoice.P()
	return out
}

func convertDocument(d *wDocument) model.Document {
	doc := model.Document{
		Name:       d.Name.Raw(),
		Kind:       model.DocumentKind(d.Kind.S()),
		URL:        d.URL.Raw(),
		DocNumbers: texts(d.DocumentNumbers),
		Source:     d.Source.S(),
	}
	if doc.URL == "" {
		doc.URL = d.ExternalURL.Raw()
	}
	return doc
}

func convertPolicies(p *wPolicy) model.Policies {
	if p == nil || p.Properties == nil || p.Properties.EnterpriseAgreementPolicies == nil {
		return model.Policies{}
	}
	ea := p.Properties.EnterpriseAgreementPolicies
	return model.Policies{
		DepartmentAdminViewCharges: viewCharges(ea.DepartmentAdminViewCharges.S()),
		AccountOwnerViewCharges:    viewCharges(ea.AccountOwnerViewCharges.S()),
	}
}

// viewCharges maps the policy value; anything unknown stays unknown rather
// than being read as "not allowed".
func viewCharges(s string) model.ViewCharges {
	switch strings.ToLower(s) {
	case "allowed":
		return model.ViewChargesAllowed
	case "notallowed":
		return model.ViewChargesNotAllowed
	case "disabled":
		return model.ViewChargesDisabled
	}
	return model.ViewChargesUnknown
}
