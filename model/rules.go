package model

// RuleSource is one rule of the app and the doc sentences it encodes. The
// reasons (explain.go) and guide steps (guide.go) cite theirs in place;
// RuleTable lists every rule with its sources in one place for a reviewer.
type RuleSource struct {
	Rule    string
	Sources []SourceID
}

// otherRules are the rules outside the reasons and the guides: who may do
// what, where invoices are emailed, what the amounts and statuses mean.
var otherRules = []RuleSource{
	{"role.see_invoices.mca", srcs(SrcMCARoles, SrcNoPermMCA)},
	{"role.see_invoices.ea", srcs(SrcEAOnlyAdmin)},
	{"role.see_invoices.mosp", srcs(SrcMOSPRole, SrcAllowOthers, SrcPre2016)},
	{"role.change_email.mca", srcs(SrcMCAEmailChange)},
	{"role.receive_email.mca", srcs(SrcMCAEmailWho)},
	{"email.mosp", srcs(SrcMOSPEmail, SrcMOSPEmailAdmin, SrcSeedEmailMOSP)},
	{"email.ea", srcs(SrcEAEmail)},
	{"email.gov", srcs(SrcGovEmail)},
	{"email.partner", srcs(SrcMCAEmailPartner)},
	{"usage.mca_ready", srcs(SrcMCAUsage72h)},
	{"usage.reach", srcs(SrcCost13Months, SrcAPICostDetails)},
	{"status.past_due", srcs(SrcStatusPastDue)},
	{"link.profile_moved", srcs(SrcProfileMoved)},
	{"link.mca_check_access_moved", srcs(SrcMCACheckAccess)},
}

// RuleTable is every rule the app applies, each with the doc sentences it
// rests on: the reasons, the guide steps that follow today's docs, the
// amounts, and the other rules.
func RuleTable() []RuleSource {
	var out []RuleSource
	for _, r := range rules {
		out = append(out, RuleSource{Rule: "reason." + string(r.reason), Sources: append([]SourceID(nil), r.src...)})
	}
	for _, a := range []Agreement{AgreementMOSP, AgreementMCA, AgreementEA, AgreementMPA} {
		for _, s := range guideFor(a) {
			for _, st := range s.Steps {
				if st.Source != "" {
					out = append(out, RuleSource{Rule: st.TextID, Sources: srcs(st.Source)})
				}
			}
		}
	}
	for _, f := range amountFields {
		out = append(out, RuleSource{Rule: "amount." + f.Field, Sources: srcs(f.Source)})
	}
	for _, r := range otherRules {
		out = append(out, RuleSource{Rule: r.Rule, Sources: append([]SourceID(nil), r.Sources...)})
	}
	return out
}
