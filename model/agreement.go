// Package model is the billing domain: Azure's nouns as plain Go values.
// It does no I/O and knows nothing of the terminal or of the Azure SDK.
package model

// Agreement is the commercial agreement a billing account was signed under.
// The values are the ones Azure's billing API returns in agreementType.
type Agreement string

const (
	AgreementUnknown Agreement = ""
	AgreementMOSP    Agreement = "MicrosoftOnlineServicesProgram"
	AgreementMCA     Agreement = "MicrosoftCustomerAgreement"
	AgreementEA      Agreement = "EnterpriseAgreement"
	AgreementMPA     Agreement = "MicrosoftPartnerAgreement"
)

// ParseAgreement maps the API's agreementType (any case) onto an Agreement;
// anything it does not recognise is AgreementUnknown.
func ParseAgreement(s string) Agreement {
	switch fold(s) {
	case fold(string(AgreementMOSP)), "mosp":
		return AgreementMOSP
	case fold(string(AgreementMCA)), "mca":
		return AgreementMCA
	case fold(string(AgreementEA)), "ea":
		return AgreementEA
	case fold(string(AgreementMPA)), "mpa":
		return AgreementMPA
	}
	return AgreementUnknown
}

// Badge is the short tag shown beside an account: MOSP, MCA, EA, MPA or "?".
func (a Agreement) Badge() string {
	switch a {
	case AgreementMOSP:
		return "MOSP"
	case AgreementMCA:
		return "MCA"
	case AgreementEA:
		return "EA"
	case AgreementMPA:
		return "MPA"
	}
	return "?"
}

// HasProfiles reports whether accounts of this agreement are organised in
// billing profiles (and so list invoices per profile).
func (a Agreement) HasProfiles() bool { return a == AgreementMCA || a == AgreementMPA }

// InvoiceScope says where this agreement's invoices are listed.
func (a Agreement) InvoiceScope() ScopeKind {
	switch a {
	case AgreementMOSP:
		return ScopeBillingSubscription
	case AgreementMCA, AgreementMPA:
		return ScopeProfile
	case AgreementEA:
		return ScopeAccount
	}
	return ScopeNone
}
