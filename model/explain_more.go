package model

// The reasons Microsoft's current docs add to the seed article's list:
// access, tenant, identity and billing roles.

// judgeNoAccess: "You don't have permission to view invoices." (SrcNoPermMCA,
// SrcNoPermOther): Azure refusing the invoice list decides it.
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

// judgeWrongTenant: "If you're signed in to an incorrect tenant, you don't
// see the invoice for subscriptions in your billing account." (SrcTenant)
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

// judgeMCARole: "If you have an MCA or MPA billing account, you must have
// an Owner, Contributor, Reader, or Invoice manager role on a billing
// profile. Or, you must have an Owner, Contributor, or Reader role on the
// billing account" (SrcNoPermMCA). The billing permissions check decides.
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

// roleText is a role for message data: Azure's name, or "None".
func roleText(r Role) string {
	if r == RoleUnknown {
		return string(RoleNone)
	}
	return Clean(string(r))
}

// judgeIdentity: "Some customers have two identities with the same email
// address - a work account and a Microsoft account. Typically, only one of
// their identities has permissions to view invoices." (SrcIdentity) Azure
// cannot say whether another identity holds the role, so unless this one
// sees invoices the app can only name the identity used and the step.
func judgeIdentity(f Facts) (Verdict, Msg) {
	if f.InvoicesRead && f.InvoicesErr == nil && len(f.Invoices) > 0 {
		return RuledOut, msg("explain.identity.ev.sees", "Count", len(f.Invoices))
	}
	switch f.CallerKind {
	case IdentityWork, IdentityMicrosoft:
		return Unknown, msg("explain.identity.ev."+string(f.CallerKind), "Name", Clean(OrNone(f.CallerName)))
	}
	return Unknown, msg("explain.identity.ev.unknown")
}
