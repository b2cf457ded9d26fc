package model

// Role is a billing role the caller holds on a scope, as Azure names it.
type Role string

const (
	RoleUnknown          Role = ""
	RoleOwner            Role = "Owner"
	RoleContributor      Role = "Contributor"
	RoleReader           Role = "Reader"
	RoleInvoiceManager   Role = "InvoiceManager"
	RoleAccountAdmin     Role = "AccountAdmin"
	RoleEnterpriseAdmin  Role = "EnterpriseAdmin"
	RoleEnterpriseReader Role = "EnterpriseReader"
	RoleDepartmentAdmin  Role = "DepartmentAdmin"
	RoleAccountOwner     Role = "AccountOwner" // EA enrollment account owner
	RoleNone             Role = "None"         // known to hold no billing role
)

// Access is what the caller may do on a billing scope, from the billing
// permissions (check-access) call.
type Access struct {
	Role            Role
	CanReadInvoices bool
	CanWriteProfile bool // may change the email invoice preference
	CanReadProfile  bool
	// Err is set when access could not be read; the fields above are then unknown.
	Err error
}

// CanSeeInvoices reports whether the role lets its holder see invoices.
func (r Role) CanSeeInvoices() bool {
	switch r {
	case RoleOwner, RoleContributor, RoleReader, RoleInvoiceManager, RoleAccountAdmin, RoleEnterpriseAdmin, RoleEnterpriseReader:
		return true
	}
	return false
}

// CanChangeEmail reports whether the role, held on the billing profile or
// its billing account, may update the email invoice preference
// (SrcMCAEmailChange).
func (r Role) CanChangeEmail() bool { return r == RoleOwner || r == RoleContributor }

// ReceivesInvoiceEmail reports whether holders of the role on a billing
// profile get its invoice by email once it is on: owners, contributors and
// invoice managers, not readers (SrcMCAEmailWho; the 2021 article also
// named readers).
func (r Role) ReceivesInvoiceEmail() bool {
	return r == RoleOwner || r == RoleContributor || r == RoleInvoiceManager
}
