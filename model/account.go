package model

// Account is a billing account as the portal's "Billing scopes" list shows it.
type Account struct {
	ID          string // full ARM resource ID
	Name        string // billing account name used in URLs
	DisplayName string
	Agreement   Agreement
	AccountType string // Individual, Business, Enterprise, Partner
	Status      string
	// HasReadAccess is nil when the API did not say.
	HasReadAccess *bool
	// NotificationEmail is where account-level notices go (MOSP account admin).
	NotificationEmail string
	// RelationshipTypes lists billingRelationshipTypes (Direct, CSPCustomer, …).
	RelationshipTypes []string
	// Enrollment is set for EA accounts.
	Enrollment *Enrollment
}

// Enrollment holds the EA facts that decide who may see charges.
type Enrollment struct {
	StartDate, EndDate string
	Currency           string
	Channel            string
	Language           string
}

// ViewCharges is an EA policy state: Allowed, NotAllowed, Disabled, or "" when unknown.
type ViewCharges string

const (
	ViewChargesUnknown    ViewCharges = ""
	ViewChargesAllowed    ViewCharges = "Allowed"
	ViewChargesNotAllowed ViewCharges = "NotAllowed"
	ViewChargesDisabled   ViewCharges = "Disabled"
)

// Allowed reports whether the policy lets people see charges.
func (v ViewCharges) Allowed() bool { return v == ViewChargesAllowed }

// Policies are an EA enrollment's view-charges policies (policies/default).
type Policies struct {
	DepartmentAdminViewCharges ViewCharges
	AccountOwnerViewCharges    ViewCharges
}

// Title is the account's name as shown: its display name, else its name.
func (a Account) Title() string {
	if a.DisplayName != "" {
		return a.DisplayName
	}
	return OrNone(a.Name)
}

// Profile is an MCA/MPA billing profile.
type Profile struct {
	ID           string
	Name         string
	DisplayName  string
	AccountName  string
	Currency     string
	InvoiceDay   int // day of month the invoice is made; 0 when unknown
	Status       string
	SystemID     string
	PONumber     string
	Relationship string // billingRelationshipType
	Email        EmailPreference
	// TargetClouds lists clouds such as "USGov" the profile bills for.
	TargetClouds []string
	// ETag is the version read, sent back on change to detect lost updates.
	ETag string
}

// Title is the profile's name as shown.
func (p Profile) Title() string {
	if p.DisplayName != "" {
		return p.DisplayName
	}
	return OrNone(p.Name)
}

// EmailPreference is the "get invoices in email" setting of a billing profile.
type EmailPreference struct {
	// OptIn is nil when the API did not return the field (MOSP, EA, or no access).
	OptIn      *bool
	Recipients []string
}

// Enabled reports whether email invoices are known to be on.
func (e EmailPreference) Enabled() bool { return e.OptIn != nil && *e.OptIn }
