package model

// The reasons Microsoft's current docs add to the seed article's list:
// access, tenant, roles, EA policies, and where email invoices do not exist.

func judgeNoAccess(f Facts) (Verdict, Msg) {
	switch {
	case f.InvoicesRead && IsForbidden(f.InvoicesErr):
		return Applies, msg("explain.no_access.ev.invoices_forbidden")
	case f.Account != nil && f.Account.HasReadAccess != nil && !*f.Account.HasReadAccess:
		return Applies, msg("explain.no_access.ev.account")
	case f.InvoicesRead && f.InvoicesErr == nil:
		return RuledOut, msg("explain.no_access.ev.listed", "Count", len(f.Invoices))
	case f.InvoicesRead:
		return Unknown, unread("invoices", f.InvoicesErr)
	}
	return Unknown, unread("invoices", nil)
}

func judgeWrongTenant(f Facts) (Verdict, Msg) {
	caller := fold(f.CallerTenantID)
	var billing string
	if f.Subscription != nil {
		billing = fold(f.Subscription.BillingTenantID)
	}
	switch {
	case caller == "":
		return Unknown, msg("explain.wrong_tenant.ev.no_caller")
	case billing == "":
		return Unknown, unread("sub", f.subErr())
	case billing != caller:
		return Applies, msg("explain.wrong_tenant.ev.differs",
			"BillingTenant", Clean(billing), "CallerTenant", Clean(caller))
	}
	return RuledOut, msg("explain.wrong_tenant.ev.same", "Tenant", Clean(caller))
}

func judgeMCARole(f Facts) (Verdict, Msg) {
	if a := f.agreement(); a == AgreementEA || a == AgreementMOSP {
		return RuledOut, agreementMsg("explain.mca_role.ev.agreement", a)
	}
	ac := f.Access
	if ac == nil || ac.Err != nil {
		var err error
		if ac != nil {
			err = ac.Err
		}
		return Unknown, unread("access", err)
	}
	role := roleText(ac.Role)
	if ac.CanReadInvoices {
		return RuledOut, msg("explain.mca_role.ev.can_read", "Role", role)
	}
	return Applies, msg("explain.mca_role.ev.cannot_read", "Role", role)
}

func judgeEAViewCharges(f Facts) (Verdict, Msg) {
	a := f.agreement()
	if a != AgreementEA && (a != AgreementUnknown || f.Policies == nil) {
		if a == AgreementUnknown {
			return Unknown, unread("policies", f.PoliciesErr)
		}
		return RuledOut, agreementMsg("explain.ea_view.ev.agreement", a)
	}
	role := f.CallerRoleEA
	if role == RoleUnknown && f.Access != nil && f.Access.Err == nil {
		role = f.Access.Role
	}
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

func judgeEmailOff(f Facts) (Verdict, Msg) {
	switch f.agreement() {
	case AgreementEA:
		return Applies, msg("explain.email_off.ev.ea")
	case AgreementMOSP:
		return Unknown, msg("explain.email_off.ev.mosp")
	case AgreementMCA, AgreementMPA:
		p := f.Profile
		switch {
		case p == nil || f.ProfileErr != nil:
			return Unknown, unread("profile", f.ProfileErr)
		case p.Email.OptIn == nil:
			return Unknown, msg("explain.email_off.ev.not_returned")
		case *p.Email.OptIn:
			return RuledOut, msg("explain.email_off.ev.on", "Profile", Clean(p.Title()), "Count", len(p.Email.Recipients))
		}
		return Applies, msg("explain.email_off.ev.off", "Profile", Clean(p.Title()))
	}
	return Unknown, msg("explain.ev.agreement.missing")
}

func judgeGov(f Facts) (Verdict, Msg) {
	var subCloud string
	if f.Subscription != nil {
		subCloud = f.Subscription.Cloud
	}
	for _, c := range []string{f.Cloud, subCloud} {
		if IsGovCloud(c) {
			return Applies, msg("explain.gov_email.ev.cloud", "Cloud", Clean(c))
		}
	}
	if f.Profile != nil && f.ProfileErr == nil {
		for _, c := range f.Profile.TargetClouds {
			if IsGovCloud(c) {
				return Applies, msg("explain.gov_email.ev.target", "Cloud", Clean(c))
			}
		}
	}
	for _, c := range []string{f.Cloud, subCloud} {
		if c != "" {
			return RuledOut, msg("explain.gov_email.ev.public", "Cloud", Clean(c))
		}
	}
	if f.Profile != nil && f.ProfileErr == nil {
		return RuledOut, msg("explain.gov_email.ev.no_target")
	}
	return Unknown, msg("explain.gov_email.ev.unknown")
}

// roleText is a role for message data: Azure's name, or "None".
func roleText(r Role) string {
	if r == RoleUnknown {
		return string(RoleNone)
	}
	return Clean(string(r))
}
