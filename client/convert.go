package client

import (
	"strconv"
	"strings"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/billing/armbilling"

	"github.com/azinvoice/azinvoice/model"
)

// Every SDK field is a pointer that Azure may leave out; these helpers turn
// nil into the zero value ("unknown") and pass every string through
// model.Clean, because Azure's text reaches a terminal.

func str(p *string) string {
	if p == nil {
		return ""
	}
	return model.Clean(*p)
}

// strEnum is str for the SDK's string enum types.
func strEnum[T ~string](p *T) string {
	if p == nil {
		return ""
	}
	return model.Clean(string(*p))
}

func strs(in []*string) []string {
	var out []string
	for _, p := range in {
		if p != nil {
			out = append(out, model.Clean(*p))
		}
	}
	return out
}

func tm(p *time.Time) time.Time {
	if p == nil {
		return time.Time{}
	}
	return *p
}

func boolPtr(p *bool) *bool {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}

func dateText(p *time.Time) string {
	if p == nil || p.IsZero() {
		return ""
	}
	return p.Format(time.DateOnly)
}

// lastSegment is the final path segment of an ARM ID ("…/billingAccounts/x" -> "x").
func lastSegment(id string) string {
	id = strings.TrimRight(id, "/")
	if i := strings.LastIndexByte(id, '/'); i >= 0 {
		return id[i+1:]
	}
	return id
}

// amount reads an SDK amount. The SDK has one struct type per field with
// the same two fields, so callers convert to armbilling.Amount first.
func amount(a *armbilling.Amount) model.Money {
	if a == nil || a.Value == nil {
		return model.Money{Currency: aCurrency(a)}
	}
	// float32 -> float64 through its shortest decimal form, so 12.34
	// stays 12.34 and not 12.340000152587890625.
	v, err := strconv.ParseFloat(strconv.FormatFloat(float64(*a.Value), 'g', -1, 32), 64)
	if err != nil {
		v = float64(*a.Value)
	}
	return model.Money{Amount: v, Currency: aCurrency(a), Known: true}
}

func aCurrency(a *armbilling.Amount) string {
	if a == nil {
		return ""
	}
	return str(a.Currency)
}

func convertAccount(a *armbilling.Account) model.Account {
	if a == nil {
		return model.Account{}
	}
	out := model.Account{ID: str(a.ID), Name: str(a.Name)}
	if out.Name == "" {
		out.Name = lastSegment(out.ID)
	}
	p := a.Properties
	if p == nil {
		return out
	}
	out.DisplayName = str(p.DisplayName)
	out.Agreement = model.ParseAgreement(strEnum(p.AgreementType))
	out.AccountType = strEnum(p.AccountType)
	out.Status = strEnum(p.AccountStatus)
	out.HasReadAccess = boolPtr(p.HasReadAccess)
	out.NotificationEmail = str(p.NotificationEmailAddress)
	for _, r := range p.BillingRelationshipTypes {
		if r != nil {
			out.RelationshipTypes = append(out.RelationshipTypes, model.Clean(string(*r)))
		}
	}
	if e := p.EnrollmentDetails; e != nil {
		out.Enrollment = &model.Enrollment{
			StartDate: dateText(e.StartDate),
			EndDate:   dateText(e.EndDate),
			Currency:  str(e.Currency),
			Channel:   str(e.Channel),
			Language:  str(e.Language),
		}
	}
	return out
}

func convertProfile(account string, p *armbilling.Profile) model.Profile {
	if p == nil {
		return model.Profile{AccountName: account}
	}
	out := model.Profile{ID: str(p.ID), Name: str(p.Name), AccountName: account}
	if out.Name == "" {
		out.Name = lastSegment(out.ID)
	}
	pp := p.Properties
	if pp == nil {
		return out
	}
	out.DisplayName = str(pp.DisplayName)
	out.Currency = str(pp.Currency)
	if pp.InvoiceDay != nil && *pp.InvoiceDay >= 1 && *pp.InvoiceDay <= 31 {
		out.InvoiceDay = int(*pp.InvoiceDay)
	}
	out.Status = strEnum(pp.Status)
	out.SystemID = str(pp.SystemID)
	out.PONumber = str(pp.PoNumber)
	out.Relationship = strEnum(pp.BillingRelationshipType)
	out.Email = model.EmailPreference{OptIn: boolPtr(pp.InvoiceEmailOptIn), Recipients: strs(pp.InvoiceRecipients)}
	out.TargetClouds = strs(pp.TargetClouds)
	return out
}

func convertInvoice(in *armbilling.Invoice) model.Invoice {
	if in == nil {
		return model.Invoice{}
	}
	out := model.Invoice{ID: str(in.ID), Name: str(in.Name)}
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
	out.Billed = amount((*armbilling.Amount)(p.BilledAmount))
	out.Due = amount((*armbilling.Amount)(p.AmountDue))
	out.Credit = amount((*armbilling.Amount)(p.CreditAmount))
	out.FreeCredit = amount((*armbilling.Amount)(p.FreeAzureCreditApplied))
	out.Prepayment = amount((*armbilling.Amount)(p.AzurePrepaymentApplied))
	out.Tax = amount((*armbilling.Amount)(p.TaxAmount))
	out.Total = amount((*armbilling.Amount)(p.TotalAmount))
	out.Status = model.InvoiceStatus(strEnum(p.Status))
	out.Type = strEnum(p.InvoiceType)
	out.DocumentType = strEnum(p.DocumentType)
	for _, d := range p.Documents {
		if d != nil {
			out.Documents = append(out.Documents, convertDocument(d))
		}
	}
	out.ProfileID = str(p.BillingProfileID)
	out.ProfileDisplayName = str(p.BillingProfileDisplayName)
	out.SubscriptionID = str(p.SubscriptionID)
	out.SubscriptionName = str(p.SubscriptionDisplayName)
	out.PurchaseOrder = str(p.PurchaseOrderNumber)
	out.Monthly = boolPtr(p.IsMonthlyInvoice)
	return out
}

func convertDocument(d *armbilling.InvoiceDocument) model.Document {
	doc := model.Document{
		Name:       str(d.Name),
		Kind:       model.DocumentKind(strEnum(d.Kind)),
		URL:        str(d.URL),
		DocNumbers: strs(d.DocumentNumbers),
	}
	if doc.URL == "" {
		doc.URL = str(d.ExternalURL)
	}
	return doc
}

func convertPolicies(p *armbilling.AccountPolicy) model.Policies {
	if p == nil || p.Properties == nil || p.Properties.EnterpriseAgreementPolicies == nil {
		return model.Policies{}
	}
	ea := p.Properties.EnterpriseAgreementPolicies
	return model.Policies{
		DepartmentAdminViewCharges: viewCharges(strEnum(ea.DepartmentAdminViewCharges)),
		AccountOwnerViewCharges:    viewCharges(strEnum(ea.AccountOwnerViewCharges)),
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
