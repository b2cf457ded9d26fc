package model

import "time"

// Reasons today's docs give beyond the seed: MOSP invoice sharing, partner
// billing, the MOSP-to-MCA move, and where invoices are (not) emailed.

// december2016 is the month before which MOSP invoices are the Account
// Administrator's only (SrcPre2016).
var december2016 = time.Date(2016, 12, 1, 0, 0, 0, 0, time.UTC)

// mospNonAdmin is the MOSP subscription the caller is not the Account
// Administrator of; verdict is set when that decides the reason by itself.
func (f Facts) mospNonAdmin(agreementID, adminID string) (s *Subscription, v Verdict, ev Msg, decided bool) {
	if a := f.agreement(); a != AgreementMOSP && a != AgreementUnknown {
		return nil, RuledOut, agreementMsg(agreementID, a), true
	}
	s, billing := f.subBilling()
	if !billing || s.IsAccountAdmin == nil {
		return nil, Unknown, unread("sub", f.subErr()), true
	}
	if *s.IsAccountAdmin {
		return nil, RuledOut, msg(adminID, "Subscription", Clean(s.Title())), true
	}
	return s, 0, Msg{}, false
}

// judgeAllowOthers: "After an Account administrator assigns the appropriate
// roles to other users, they must turn on access to download invoices in the
// Azure portal." (SrcAllowOthers) and "Users with owner, contributor, or
// reader roles can download its invoice, if the account admin gives them
// permission." (SrcMOSPRole) The setting itself has no API field: Azure
// refusing the invoice list to a non-admin is what shows it off.
func judgeAllowOthers(f Facts) (Verdict, Msg) {
	s, v, ev, decided := f.mospNonAdmin("explain.allow_others.ev.agreement", "explain.allow_others.ev.admin")
	if decided {
		return v, ev
	}
	name := Clean(s.Title())
	switch {
	case f.InvoicesRead && IsForbidden(f.InvoicesErr):
		return Applies, msg("explain.allow_others.ev.refused", "Subscription", name)
	case f.InvoicesRead && f.InvoicesErr == nil && len(f.Invoices) > 0:
		return RuledOut, msg("explain.allow_others.ev.allowed", "Subscription", name, "Count", len(f.Invoices))
	}
	return Unknown, msg("explain.allow_others.ev.cannot_read", "Subscription", name)
}

// judgePre2016: "Invoices older than December 2016 are available only to the
// Account Administrator." (SrcPre2016) It matters when the window looked at
// reaches back before December 2016.
func judgePre2016(f Facts) (Verdict, Msg) {
	start := time.Time{}
	switch {
	case f.Wanted != nil:
		start = f.Wanted.Start
	case f.Window != nil:
		start = f.Window.Start
	}
	if !start.IsZero() && !start.Before(december2016) {
		return RuledOut, msg("explain.pre_2016.ev.recent", "From", day(start))
	}
	_, v, ev, decided := f.mospNonAdmin("explain.pre_2016.ev.agreement", "explain.pre_2016.ev.admin")
	if decided {
		return v, ev
	}
	if start.IsZero() {
		return Unknown, msg("explain.pre_2016.ev.no_window")
	}
	return Applies, msg("explain.pre_2016.ev.old", "From", day(start))
}

// judgePartner: an indirect enrollment is invoiced by its partner
// (SrcEAIndirect), and "The send by email and invoice email preference
// invoice functionality isn't supported for Microsoft Customer Agreements
// when you work with a Microsoft partner." (SrcMCAEmailPartner): an MCA
// bought through a partner (IndirectCustomer) is billed by the partner.
func judgePartner(f Facts) (Verdict, Msg) {
	if f.partnerBought() {
		return Applies, msg("explain.partner.ev.indirect")
	}
	a := f.agreement()
	if a == AgreementEA {
		indirect, known := f.eaIndirect()
		switch {
		case indirect:
			return Applies, msg("explain.partner.ev.ea_indirect", "Channel", Clean(f.Account.Enrollment.Channel))
		case known:
			return RuledOut, msg("explain.partner.ev.ea_direct", "Channel", Clean(f.Account.Enrollment.Channel))
		}
		return Unknown, msg("explain.partner.ev.ea_unknown")
	}
	if f.cspSignal() != "" {
		return RuledOut, msg("explain.partner.ev.csp")
	}
	if a == AgreementMOSP {
		return RuledOut, agreementMsg("explain.partner.ev.agreement", a)
	}
	if s, billing := f.subBilling(); billing && s.Relationship != RelationshipUnknown {
		return RuledOut, msg("explain.partner.ev.direct", "Relationship", Clean(string(s.Relationship)))
	}
	if f.Profile != nil && f.Profile.Relationship != "" {
		return RuledOut, msg("explain.partner.ev.direct", "Relationship", Clean(f.Profile.Relationship))
	}
	if f.Account != nil && len(f.Account.RelationshipTypes) > 0 {
		return RuledOut, msg("explain.partner.ev.direct", "Relationship", Clean(f.Account.RelationshipTypes[0]))
	}
	return Unknown, unread("sub", f.subErr())
}

// judgeMovedToMCA: a pay-as-you-go account moved to an MCA keeps its older
// invoices on the subscription; new ones come from the billing profile
// (SrcMOSPToMCA). The billing property's isTransitionedBillingAccount says
// it moved (SrcAPITransitioned).
func judgeMovedToMCA(f Facts) (Verdict, Msg) {
	s, billing := f.subBilling()
	if !billing {
		if a := f.agreement(); a == AgreementEA || a == AgreementMPA {
			return RuledOut, agreementMsg("explain.moved_mca.ev.agreement", a)
		}
		return Unknown, unread("sub", f.subErr())
	}
	switch {
	case s.Transitioned != nil && *s.Transitioned:
		return Applies, msg("explain.moved_mca.ev.moved", "Profile", Clean(OrNone(s.ProfileDisplayName)))
	case s.Agreement == AgreementMOSP:
		return RuledOut, msg("explain.moved_mca.ev.mosp")
	case s.Agreement == AgreementMCA:
		return RuledOut, msg("explain.moved_mca.ev.not_moved")
	case s.Agreement != AgreementUnknown:
		return RuledOut, agreementMsg("explain.moved_mca.ev.agreement", s.Agreement)
	}
	return Unknown, unread("sub", f.subErr())
}

// judgeEmailOff weighs whether the person should expect the invoice by
// email. MCA: "Once you have opted-in, all users with an owner,
// contributor, and invoice manager roles on a billing profile get its
// invoice in email." (SrcMCAEmailWho; the seed also named Readers). EA:
// "Invoices are sent to whoever is set up to receive invoices for the
// enrollment." (SrcEAEmail) MOSP: the account admin opts in per
// subscription (SrcMOSPEmailAdmin); no API field holds either choice.
func judgeEmailOff(f Facts) (Verdict, Msg) {
	switch f.agreement() {
	case AgreementEA:
		return Unknown, msg("explain.email_off.ev.ea")
	case AgreementMOSP:
		return Unknown, msg("explain.email_off.ev.mosp")
	case AgreementMCA, AgreementMPA:
		if f.partnerBought() {
			return Applies, msg("explain.email_off.ev.partner")
		}
		p := f.Profile
		switch {
		case p == nil || f.ProfileErr != nil:
			return Unknown, unread("profile", f.ProfileErr)
		case p.Email.OptIn == nil:
			return Unknown, msg("explain.email_off.ev.not_returned")
		case !*p.Email.OptIn:
			return Applies, msg("explain.email_off.ev.off", "Profile", Clean(p.Title()))
		case f.Access != nil && f.Access.Err == nil && f.Access.Role == RoleReader:
			return Applies, msg("explain.email_off.ev.reader", "Profile", Clean(p.Title()))
		}
		return RuledOut, msg("explain.email_off.ev.on", "Profile", Clean(p.Title()), "Count", len(p.Email.Recipients))
	}
	return Unknown, msg("explain.ev.agreement.missing")
}

// judgeGov: "Azure Government customers can't request their invoice by
// email. They can only download it." (SrcGovEmail)
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
