package model

// AmountField is one amount of an invoice, with what the API says it means
// (Microsoft.Billing 2024-04-01). MCAOnly fields are "applicable to billing
// accounts with agreement type Microsoft Customer Agreement": MOSP and EA
// invoices do not carry them.
type AmountField struct {
	Field   string // the API's property name
	Source  SourceID
	MCAOnly bool
	Get     func(Invoice) Money
}

// LabelID and MeaningID are the field's catalogue messages.
func (a AmountField) LabelID() string   { return "amount." + a.Field }
func (a AmountField) MeaningID() string { return "amount." + a.Field + ".meaning" }

// Given reports whether invoices of the agreement carry the field at all:
// false means "not given" (MCA only), not zero.
func (a AmountField) Given(ag Agreement) bool {
	return !a.MCAOnly || (ag != AgreementMOSP && ag != AgreementEA)
}

var amountFields = []AmountField{
	{"billedAmount", SrcAPIBilled, false, func(i Invoice) Money { return i.Billed }},
	{"amountDue", SrcAPIDue, false, func(i Invoice) Money { return i.Due }},
	{"subTotal", SrcAPISubTotal, true, func(i Invoice) Money { return i.SubTotal }},
	{"taxAmount", SrcAPITax, true, func(i Invoice) Money { return i.Tax }},
	{"totalAmount", SrcAPITotal, true, func(i Invoice) Money { return i.Total }},
	{"creditAmount", SrcAPICredit, true, func(i Invoice) Money { return i.Credit }},
	{"freeAzureCreditApplied", SrcAPIFreeCredit, true, func(i Invoice) Money { return i.FreeCredit }},
	{"azurePrepaymentApplied", SrcAPIPrepayment, true, func(i Invoice) Money { return i.Prepayment }},
}

// InvoiceAmounts lists the invoice's amount fields in the order a finance
// admin reconciles them: charges, due now, then the MCA breakdown.
func InvoiceAmounts() []AmountField {
	out := make([]AmountField, len(amountFields))
	copy(out, amountFields)
	return out
}
