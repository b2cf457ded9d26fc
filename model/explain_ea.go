package model

import "strings"

// The Enterprise Agreement reasons: who sees an EA invoice, who sees
// charges, and when an enrollment gets no invoice at all.

// eaRole is the caller's EA role: the one read from the enrollment's role
// assignments, else the billing permissions check's.
func (f Facts) eaRole() Role {
	role := f.CallerRoleEA
	if role == RoleUnknown && f.Access != nil && f.Access.Err == nil {
		role = f.Access.Role
	}
	return role
}

// judgeEAInvoiceRole: "Only an Enterprise Administrator has permission to
// view and download the billing invoice." (SrcEAOnlyAdmin) Department
// Admins and Account Owners never see invoices, whatever the view-charges
// policies say (those govern charges and usage).
func judgeEAInvoiceRole(f Facts) (Verdict, Msg) {
	if a := f.agreement(); a != AgreementEA {
		if a == AgreementUnknown {
			return Unknown, msg("explain.ev.agreement.missing")
		}
		return RuledOut, agreementMsg("explain.ea_role.ev.agreement", a)
	}
	switch role := f.eaRole(); role {
	case RoleEnterpriseAdmin, RoleEnterpriseReader:
		return RuledOut, msg("explain.ea_role.ev.admin", "Role", roleText(role))
	case RoleDepartmentAdmin, RoleAccountOwner:
		return Applies, msg("explain.ea_role.ev.not_admin", "Role", roleText(role))
	}
	if ac := f.Access; ac != nil && ac.Err == nil {
		if ac.CanReadInvoices {
			return RuledOut, msg("explain.ea_role.ev.can_read")
		}
		return Applies, msg("explain.ea_role.ev.cannot_read")
	}
	return Unknown, msg("explain.ea_role.ev.unknown")
}

// judgeEAViewCharges: "Requires that the Enterprise Administrator enable DA
// view charges policy… The Department Administrator can then see cost
// details for the department." (SrcEAViewCharges; the seed's usage sentence,
// SrcSeedEAUsage). This is about charges and usage, not invoices.
func judgeEAViewCharges(f Facts) (Verdict, Msg) {
	a := f.agreement()
	if a != AgreementEA && (a != AgreementUnknown || f.Policies == nil) {
		if a == AgreementUnknown {
			return Unknown, unread("policies", f.PoliciesErr)
		}
		return RuledOut, agreementMsg("explain.ea_view.ev.agreement", a)
	}
	role := f.eaRole()
	var policy ViewCharges
	switch role {
	case RoleEnterpriseAdmin, RoleEnterpriseReader:
		return RuledOut, msg("explain.ea_view.ev.admin", "Role", roleText(role))
	case RoleDepartmentAdmin, RoleAccountOwner:
		if f.Policies == nil || f.PoliciesErr != nil {
			return Unknown, unread("policies", f.PoliciesErr)
		}
		policy = f.Policies.AccountOwnerViewCharges
		if role == RoleDepartmentAdmin {
			policy = f.Policies.DepartmentAdminViewCharges
		}
	case RoleUnknown, RoleNone:
		if f.Policies != nil && f.PoliciesErr == nil &&
			f.Policies.DepartmentAdminViewCharges.Allowed() && f.Policies.AccountOwnerViewCharges.Allowed() {
			return RuledOut, msg("explain.ea_view.ev.all_on")
		}
		return Unknown, msg("explain.ea_view.ev.role_unknown")
	default:
		return RuledOut, msg("explain.ea_view.ev.other_role", "Role", roleText(role))
	}
	switch policy {
	case ViewChargesAllowed:
		return RuledOut, msg("explain.ea_view.ev.on", "Role", roleText(role))
	case ViewChargesNotAllowed, ViewChargesDisabled:
		return Applies, msg("explain.ea_view.ev.off", "Role", roleText(role), "Policy", string(policy))
	}
	return Unknown, msg("explain.ea_view.ev.policy_unknown", "Role", roleText(role))
}

// judgeEAPrepayment: "You receive an Azure invoice when any of the following
// events occur during your billing cycle: Service overage…, Charges billed
// separately…, Marketplace charges" (SrcEAWhenInvoice). A month whose usage
// the Azure Prepayment covered, with nothing billed separately, has no
// invoice. The enrollment's balance for that month decides.
func judgeEAPrepayment(f Facts) (Verdict, Msg) {
	if a := f.agreement(); a != AgreementEA {
		if a == AgreementUnknown {
			return Unknown, msg("explain.ev.agreement.missing")
		}
		return RuledOut, agreementMsg("explain.ea_prepay.ev.agreement", a)
	}
	b := f.Balance
	if b == nil {
		if f.BalanceErr != nil {
			return Unknown, unread("balance", f.BalanceErr)
		}
		if f.InvoicesRead && f.InvoicesErr == nil {
			if _, gap := UninvoicedMonth(f.Now, f.Window, f.Invoices); !gap {
				return RuledOut, msg("explain.ea_prepay.ev.all_invoiced")
			}
		}
		return Unknown, unread("balance", nil)
	}
	month := b.Period.Start.UTC().Format("2006-01")
	if b.Billed() == 0 {
		return Applies, msg("explain.ea_prepay.ev.covered", "Month", month, "Used", b.Utilized)
	}
	return RuledOut, msg("explain.ea_prepay.ev.overage", "Month", month, "Overage", b.Overage, "Separate", b.Separate)
}

// eaIndirect reports whether the enrollment is bought through a partner
// (its channel names it indirect), and whether the channel is known.
func (f Facts) eaIndirect() (indirect, known bool) {
	if f.Account == nil || f.Account.Enrollment == nil || f.Account.Enrollment.Channel == "" {
		return false, false
	}
	return strings.Contains(fold(f.Account.Enrollment.Channel), "indirect"), true
}
