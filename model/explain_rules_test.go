package model

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
)

// ruleCase is one rule checked against the doc sentence it encodes: the
// case names the source, and the test checks the rule cites it.
type ruleCase struct {
	explainCase
	reason Reason
	source SourceID
}

func ruleCases() []ruleCase {
	mosp := func(s *Subscription) Facts {
		return Facts{Now: now, Agreement: AgreementMOSP, Subscription: s, CallerTenantID: "TENANT-A"}
	}
	nonAdmin := func(mut func(*Subscription)) *Subscription {
		return mospSub(func(s *Subscription) {
			s.IsAccountAdmin = ptr(false)
			if mut != nil {
				mut(s)
			}
		})
	}
	eaAcct := func(channel string) *Account {
		return &Account{Agreement: AgreementEA, Enrollment: &Enrollment{Channel: channel}}
	}
	window := func(from time.Time) *Period { return &Period{Start: from, End: from.AddDate(1, 0, -1)} }
	rc := func(name string, reason Reason, src SourceID, f Facts, v Verdict, ev string) ruleCase {
		return ruleCase{explainCase{name: name, f: f, want: map[Reason]Verdict{reason: v}, ev: map[Reason]string{reason: ev}}, reason, src}
	}
	eaMonth := Period{Start: date(2026, 9, 1), End: date(2026, 9, 30)}
	usd := func(v float64) Money { return Money{Amount: v, Currency: "USD", Known: true} }
	return []ruleCase{
		rc("MCA always gets an invoice: no free-trial reason", ReasonFreeTrial, SrcMCAAlways,
			Facts{Now: now, Agreement: AgreementMCA, Subscription: mospSub(func(s *Subscription) { s.Agreement = AgreementMCA; s.OfferID = "MS-AZR-0044P" })},
			RuledOut, "explain.ev.always_invoiced"),
		rc("MPA always gets an invoice: no credit reason", ReasonCreditNotExceeded, SrcMCAAlways,
			Facts{Now: now, Agreement: AgreementMPA, Subscription: mospSub(func(s *Subscription) { s.Agreement = AgreementMPA; s.BillingType = BillingBenefit })},
			RuledOut, "explain.ev.always_invoiced"),
		rc("MS-AZR-0170P is Azure for Students: credit, not a free trial", ReasonCreditNotExceeded, SrcOfferStudents,
			mosp(mospSub(func(s *Subscription) { s.OfferID = "MS-AZR-0170P"; s.BillingType = BillingUnknown })), Applies, "explain.credit.ev.offer"),
		rc("Azure for Students is not the free trial", ReasonFreeTrial, SrcCreditMOSP,
			mosp(mospSub(func(s *Subscription) { s.OfferID = "MS-AZR-0170P"; s.BillingType = BillingBenefit })), RuledOut, "explain.free_trial.ev.paid"),
		rc("MSDNDevTest quota alone does not show a monthly credit", ReasonCreditNotExceeded, SrcOfferDevTest,
			Facts{Now: now, Agreement: AgreementMOSP, Subscription: mospSub(func(s *Subscription) { s.OfferID = ""; s.QuotaID = "MSDNDevTest_2014-09-01" }), SubscriptionErr: err403},
			Unknown, "explain.credit.ev.shared_quota"),
		rc("Pay-As-You-Go Dev/Test has no credit", ReasonCreditNotExceeded, SrcOfferDevTest,
			mosp(mospSub(func(s *Subscription) { s.OfferID = "MS-AZR-0023P"; s.QuotaID = "MSDNDevTest_2014-09-01" })), RuledOut, "explain.credit.ev.paid"),
		rc("Benefit billing type is a credit", ReasonCreditNotExceeded, SrcAPIBillingType,
			mosp(mospSub(func(s *Subscription) {
				s.OfferID = ""
				s.QuotaID = "MSDNDevTest_2014-09-01"
				s.BillingType = BillingBenefit
			})), Applies, "explain.credit.ev.billing_type"),
		rc("MOSP non-admin refused the invoices: allow others is off", ReasonAllowOthers, SrcAllowOthers,
			func() Facts { f := mosp(nonAdmin(nil)); f.InvoicesRead, f.InvoicesErr = true, err403; return f }(), Applies, "explain.allow_others.ev.refused"),
		rc("MOSP non-admin who sees invoices is allowed", ReasonAllowOthers, SrcMOSPRole,
			func() Facts {
				f := mosp(nonAdmin(nil))
				f.InvoicesRead, f.Invoices = true, []Invoice{{Name: "E1"}}
				return f
			}(), RuledOut, "explain.allow_others.ev.allowed"),
		rc("MOSP non-admin, invoice list empty: could not check", ReasonAllowOthers, SrcAllowOthers,
			func() Facts { f := mosp(nonAdmin(nil)); f.InvoicesRead = true; return f }(), Unknown, "explain.allow_others.ev.cannot_read"),
		rc("Account Administrator is not limited by allow others", ReasonAllowOthers, SrcAllowOthers, mosp(mospSub(nil)), RuledOut, "explain.allow_others.ev.admin"),
		rc("MCA has no allow-others setting", ReasonAllowOthers, SrcAllowOthers,
			Facts{Now: now, Agreement: AgreementMCA}, RuledOut, "explain.allow_others.ev.agreement"),
		rc("invoices before December 2016 are the admin's", ReasonPre2016, SrcPre2016,
			func() Facts { f := mosp(nonAdmin(nil)); f.Window = window(date(2016, 3, 1)); return f }(), Applies, "explain.pre_2016.ev.old"),
		rc("a window after December 2016 is not limited", ReasonPre2016, SrcPre2016,
			func() Facts { f := mosp(nonAdmin(nil)); f.Window = window(date(2025, 12, 1)); return f }(), RuledOut, "explain.pre_2016.ev.recent"),
		rc("pre-2016 window, but the admin", ReasonPre2016, SrcPre2016,
			func() Facts { f := mosp(mospSub(nil)); f.Window = window(date(2015, 1, 1)); return f }(), RuledOut, "explain.pre_2016.ev.admin"),
		rc("pre-2016: window unknown", ReasonPre2016, SrcPre2016, mosp(nonAdmin(nil)), Unknown, "explain.pre_2016.ev.no_window"),
		rc("pre-2016 only concerns MOSP", ReasonPre2016, SrcPre2016,
			Facts{Now: now, Agreement: AgreementEA, Window: window(date(2015, 1, 1))}, RuledOut, "explain.pre_2016.ev.agreement"),
		rc("work account: the other identity cannot be checked", ReasonIdentity, SrcIdentity,
			Facts{Now: now, CallerKind: IdentityWork, CallerName: "jana@contoso.com", InvoicesRead: true, InvoicesErr: err403}, Unknown, "explain.identity.ev.work"),
		rc("Microsoft account: the other identity cannot be checked", ReasonIdentity, SrcIdentity,
			Facts{Now: now, CallerKind: IdentityMicrosoft, CallerName: "jana@outlook.com"}, Unknown, "explain.identity.ev.microsoft"),
		rc("an identity that sees invoices is the right one", ReasonIdentity, SrcOtherAccount,
			Facts{Now: now, CallerKind: IdentityWork, InvoicesRead: true, Invoices: []Invoice{{Name: "G1"}}}, RuledOut, "explain.identity.ev.sees"),
		rc("EA Department Admin never sees invoices", ReasonEAInvoiceRole, SrcEAOnlyAdmin,
			Facts{Now: now, Agreement: AgreementEA, CallerRoleEA: RoleDepartmentAdmin, Policies: &Policies{DepartmentAdminViewCharges: ViewChargesAllowed}}, Applies, "explain.ea_role.ev.not_admin"),
		rc("EA Enterprise Administrator sees invoices", ReasonEAInvoiceRole, SrcEAOnlyAdmin,
			Facts{Now: now, Agreement: AgreementEA, CallerRoleEA: RoleEnterpriseAdmin}, RuledOut, "explain.ea_role.ev.admin"),
		rc("EA role from the permissions check", ReasonEAInvoiceRole, SrcEAOnlyAdmin,
			Facts{Now: now, Agreement: AgreementEA, Access: &Access{CanReadInvoices: false}}, Applies, "explain.ea_role.ev.cannot_read"),
		rc("EA invoices readable per the permissions check", ReasonEAInvoiceRole, SrcEAOnlyAdmin,
			Facts{Now: now, Agreement: AgreementEA, Access: &Access{CanReadInvoices: true}}, RuledOut, "explain.ea_role.ev.can_read"),
		rc("EA role unknown", ReasonEAInvoiceRole, SrcEAOnlyAdmin, Facts{Now: now, Agreement: AgreementEA}, Unknown, "explain.ea_role.ev.unknown"),
		rc("EA month covered by the prepayment: no invoice", ReasonEAPrepayment, SrcEAWhenInvoice,
			Facts{Now: now, Agreement: AgreementEA, Balance: &Balance{Period: eaMonth, Utilized: usd(8120), Overage: usd(0), Separate: usd(0)}}, Applies, "explain.ea_prepay.ev.covered"),
		rc("EA overage: an invoice is due", ReasonEAPrepayment, SrcEAWhenInvoice,
			Facts{Now: now, Agreement: AgreementEA, Balance: &Balance{Period: eaMonth, Utilized: usd(10000), Overage: usd(1520.4)}}, RuledOut, "explain.ea_prepay.ev.overage"),
		rc("EA balance refused", ReasonEAPrepayment, SrcEAWhenInvoice,
			Facts{Now: now, Agreement: AgreementEA, BalanceErr: err403}, Unknown, "explain.ev.balance.forbidden"),
		rc("EA balance failed", ReasonEAPrepayment, SrcEAWhenInvoice,
			Facts{Now: now, Agreement: AgreementEA, BalanceErr: err500}, Unknown, "explain.ev.balance.failed"),
		rc("EA every month invoiced", ReasonEAPrepayment, SrcEAWhenInvoice,
			Facts{Now: now, Agreement: AgreementEA, InvoicesRead: true, Invoices: everyMonth(now)}, RuledOut, "explain.ea_prepay.ev.all_invoiced"),
		rc("EA month without invoice, balance not read", ReasonEAPrepayment, SrcEAWhenInvoice,
			Facts{Now: now, Agreement: AgreementEA, InvoicesRead: true}, Unknown, "explain.ev.balance.missing"),
		rc("indirect enrollment: the partner invoices", ReasonPartnerBilled, SrcEAIndirect,
			Facts{Now: now, Agreement: AgreementEA, Account: eaAcct("EaIndirect")}, Applies, "explain.partner.ev.ea_indirect"),
		rc("direct enrollment: Microsoft invoices", ReasonPartnerBilled, SrcEAIndirect,
			Facts{Now: now, Agreement: AgreementEA, Account: eaAcct("EaDirect")}, RuledOut, "explain.partner.ev.ea_direct"),
		rc("enrollment channel unknown", ReasonPartnerBilled, SrcEAIndirect,
			Facts{Now: now, Agreement: AgreementEA, Account: eaAcct("")}, Unknown, "explain.partner.ev.ea_unknown"),
		rc("CSP customer: the CSP reason speaks", ReasonPartnerBilled, SrcMCAEmailPartner,
			Facts{Now: now, Subscription: mospSub(func(s *Subscription) { s.Agreement = AgreementMPA; s.Relationship = RelationshipCSPCustomer })}, RuledOut, "explain.partner.ev.csp"),
		rc("MOSP is bought from Microsoft", ReasonPartnerBilled, SrcEAIndirect, mosp(mospSub(nil)), RuledOut, "explain.partner.ev.agreement"),
		rc("MPA account is the partner's own", ReasonCSPCustomer, SrcMPAPartner,
			Facts{Now: now, Agreement: AgreementMPA}, RuledOut, "explain.csp.ev.partner"),
		rc("MOSP moved to MCA", ReasonMovedToMCA, SrcAPITransitioned,
			Facts{Now: now, Subscription: mospSub(func(s *Subscription) {
				s.Agreement, s.Transitioned, s.ProfileDisplayName = AgreementMCA, ptr(true), "Fabrikam billing"
			})}, Applies, "explain.moved_mca.ev.moved"),
		rc("still MOSP", ReasonMovedToMCA, SrcMOSPToMCA, mosp(mospSub(nil)), RuledOut, "explain.moved_mca.ev.mosp"),
		rc("MCA not moved", ReasonMovedToMCA, SrcAPITransitioned,
			Facts{Now: now, Subscription: mospSub(func(s *Subscription) { s.Agreement = AgreementMCA })}, RuledOut, "explain.moved_mca.ev.not_moved"),
		rc("EA is not moved from MOSP", ReasonMovedToMCA, SrcMOSPToMCA,
			Facts{Now: now, Subscription: mospSub(func(s *Subscription) { s.Agreement = AgreementEA })}, RuledOut, "explain.moved_mca.ev.agreement"),
		rc("MCA email on, but Readers do not get it", ReasonEmailOff, SrcMCAEmailWho,
			Facts{Now: now, Agreement: AgreementMCA, Profile: mcaProfile(nil), Access: &Access{Role: RoleReader, CanReadInvoices: true}}, Applies, "explain.email_off.ev.reader"),
		rc("MCA email on for an Invoice manager", ReasonEmailOff, SrcMCAEmailWho,
			Facts{Now: now, Agreement: AgreementMCA, Profile: mcaProfile(nil), Access: &Access{Role: RoleInvoiceManager, CanReadInvoices: true}}, RuledOut, "explain.email_off.ev.on"),
		rc("EA invoices are emailed to the enrollment's contacts", ReasonEmailOff, SrcEAEmail,
			Facts{Now: now, Agreement: AgreementEA}, Unknown, "explain.email_off.ev.ea"),
		rc("a year window in the past: its periods all ended", ReasonPeriodOpen, SrcNotYet,
			func() Facts {
				f := Facts{Now: now, Agreement: AgreementMCA, Profile: mcaProfile(nil), InvoicesRead: true}
				f.Window = &Period{Start: date(2024, 11, 1), End: date(2025, 10, 31)}
				return f
			}(), RuledOut, "explain.period_open.ev.past_window"),
		rc("MCA: the invoice comes on the profile's invoice day", ReasonPeriodOpen, SrcAPIInvoiceDay,
			func() Facts {
				f := Facts{Now: date(2026, 11, 4), Agreement: AgreementMCA, Profile: mcaProfile(nil), InvoicesRead: true}
				return f
			}(), Applies, "explain.period_open.ev.recent"),
		rc("MOSP invoices can be two days late", ReasonPeriodOpen, SrcMOSPTiming,
			func() Facts {
				f := mosp(mospSub(func(s *Subscription) { s.Created = date(2025, 3, 10) }))
				f.Now = date(2026, 11, 11) // period Oct 10 – Nov 9; invoice by Nov 12
				f.InvoicesRead = true
				return f
			}(), Applies, "explain.period_open.ev.recent"),
		rc("account scope weighs each subscription", ReasonFreeTrial, SrcCreditMOSP,
			Facts{Now: now, Agreement: AgreementMOSP, Subscriptions: []Subscription{*mospSub(nil), *mospSub(func(s *Subscription) {
				s.DisplayName, s.OfferID = "Trial", "MS-AZR-0044P"
			})}}, Applies, "explain.ev.subs.applies"),
		rc("account scope: unknown for one subscription", ReasonNotAccountAdmin, SrcNoPermOther,
			Facts{Now: now, Agreement: AgreementMOSP, Subscriptions: []Subscription{*mospSub(nil), *mospSub(func(s *Subscription) { s.PropertyErr = err500 })}},
			Unknown, "explain.ev.subs.unknown"),
		rc("less than 30 days since subscribing", ReasonNewSubscription, SrcNew30Days,
			mosp(mospSub(func(s *Subscription) { s.Created = now.AddDate(0, 0, -12) })), Applies, "explain.new_sub.ev.young"),
		rc("not the Account Administrator", ReasonNotAccountAdmin, SrcNoPermOther, mosp(nonAdmin(nil)), Applies, "explain.not_admin.ev.not_admin"),
		rc("CSP customer gets no usage from Microsoft", ReasonCSPCustomer, SrcSeedCSP,
			Facts{Now: now, Subscription: mospSub(func(s *Subscription) { s.Agreement = AgreementMPA; s.Relationship = RelationshipCSPCustomer })}, Applies, "explain.csp.ev.relationship"),
		rc("Azure in Open is billed by the reseller", ReasonAzureInOpen, SrcSeedAIO,
			mosp(mospSub(func(s *Subscription) { s.OfferID = "MS-AZR-0111P" })), Applies, "explain.aio.ev.offer"),
		rc("no permission to view invoices", ReasonNoAccess, SrcNoPermMCA,
			Facts{Now: now, Agreement: AgreementMCA, InvoicesRead: true, InvoicesErr: err403}, Applies, "explain.no_access.ev.invoices_forbidden"),
		rc("signed in to another tenant", ReasonWrongTenant, SrcTenant,
			func() Facts { f := mosp(mospSub(nil)); f.CallerTenantID = "TENANT-B"; return f }(), Applies, "explain.wrong_tenant.ev.differs"),
		rc("MCA role without invoice access", ReasonMCARole, SrcNoPermMCA,
			Facts{Now: now, Agreement: AgreementMCA, Access: &Access{Role: RoleNone}}, Applies, "explain.mca_role.ev.cannot_read"),
		rc("MCA invoice manager sees invoices", ReasonMCARole, SrcMCARoles,
			Facts{Now: now, Agreement: AgreementMCA, Access: &Access{Role: RoleInvoiceManager, CanReadInvoices: true}}, RuledOut, "explain.mca_role.ev.can_read"),
		rc("DA view charges off", ReasonEAViewCharges, SrcEAViewCharges,
			Facts{Now: now, Agreement: AgreementEA, CallerRoleEA: RoleDepartmentAdmin, Policies: &Policies{DepartmentAdminViewCharges: ViewChargesNotAllowed}}, Applies, "explain.ea_view.ev.off"),
		rc("Azure Government sends no invoice email", ReasonGovNoEmail, SrcGovEmail,
			Facts{Now: now, Cloud: "AzureUSGovernment"}, Applies, "explain.gov_email.ev.cloud"),
		rc("MCA email off", ReasonEmailOff, SrcMCAEmailWho,
			Facts{Now: now, Agreement: AgreementMCA, Profile: mcaProfile(func(p *Profile) { p.Email.OptIn = ptr(false) })}, Applies, "explain.email_off.ev.off"),
		rc("account scope: ruled out for all", ReasonAzureInOpen, SrcSeedAIO,
			Facts{Now: now, Agreement: AgreementMOSP, Subscriptions: []Subscription{*mospSub(nil)}}, RuledOut, "explain.ev.subs.ruled_out"),
	}
}

// everyMonth is an invoice for each calendar month of the year before now.
func everyMonth(now time.Time) []Invoice {
	var out []Invoice
	for m := CurrentPeriod(now, 1); m.Start.After(now.AddDate(-1, -1, 0)); m = CurrentPeriod(m.Start.AddDate(0, 0, -1), 1) {
		out = append(out, Invoice{Name: "E" + m.Start.Format("200601"), Period: m, Date: m.End.AddDate(0, 0, 5)})
	}
	return out
}

// TestRulesCiteTheirSentence: every rule case names the doc sentence it
// checks, and the rule under test cites that sentence.
func TestRulesCiteTheirSentence(t *testing.T) {
	cites := map[Reason]map[SourceID]bool{}
	for _, r := range rules {
		cites[r.reason] = map[SourceID]bool{}
		for _, s := range r.src {
			cites[r.reason][s] = true
		}
	}
	for _, c := range ruleCases() {
		src, ok := SourceByID(c.source)
		if !ok {
			t.Errorf("%s: source %s not in the table", c.name, c.source)
			continue
		}
		if !cites[c.reason][c.source] {
			t.Errorf("%s: reason %s does not cite %s (%q)", c.name, c.reason, c.source, src.Quote)
		}
	}
}

// TestEveryReasonHasARuleCase: each reason is checked against a sentence.
func TestEveryReasonHasARuleCase(t *testing.T) {
	have := map[Reason]bool{}
	for _, c := range ruleCases() {
		have[c.reason] = true
	}
	for _, r := range Reasons() {
		if !have[r] {
			t.Errorf("reason %s has no rule case naming its doc sentence", r)
		}
	}
}

// TestSourcesTable: every row is complete and every row is cited by some
// rule; every rule cites only rows that exist.
func TestSourcesTable(t *testing.T) {
	seen := map[SourceID]bool{}
	for _, s := range Sources() {
		if seen[s.ID] {
			t.Errorf("duplicate source %s", s.ID)
		}
		seen[s.ID] = true
		if s.Quote == "" || s.Page == "" {
			t.Errorf("%s: incomplete", s.ID)
		}
		if !s.Seed && !strings.HasPrefix(s.Page, "https://") {
			t.Errorf("%s: page %q", s.ID, s.Page)
		}
	}
	cited := map[SourceID]bool{}
	for _, r := range RuleTable() {
		if len(r.Sources) == 0 {
			t.Errorf("rule %s cites nothing", r.Rule)
		}
		for _, id := range r.Sources {
			if !seen[id] {
				t.Errorf("rule %s cites unknown source %s", r.Rule, id)
			}
			cited[id] = true
		}
	}
	for id := range seen {
		if !cited[id] {
			t.Errorf("source %s is cited by no rule", id)
		}
	}
	for _, r := range rules {
		if len(r.src) == 0 {
			t.Errorf("reason %s cites no source", r.reason)
		}
	}
}

// TestMovedLinksOpenSuccessors: the seed's links stay listed as the seed
// gives them; a moved one opens its successor.
func TestMovedLinksOpenSuccessors(t *testing.T) {
	for id, want := range map[LinkID]string{
		LinkProfilePreferences: "https://account.microsoft.com/profile",
		LinkMCACheckAccess:     learn + "manage/understand-mca-roles#check-access-to-a-microsoft-customer-agreement",
	} {
		l, _ := LinkByID(id)
		if !l.FromSeed || l.Opens() != want || l.URL == want {
			t.Errorf("%s: URL %s opens %s", id, l.URL, l.Opens())
		}
		if err := Allowed(l.Opens()); err != nil {
			t.Errorf("%s: successor refused: %v", id, err)
		}
	}
}

// TestAmountsMCAOnly: tax, total, subtotal and the credit fields are MCA
// only (the API's descriptions); MOSP and EA show them as not given.
func TestAmountsMCAOnly(t *testing.T) {
	given := map[string]bool{}
	for _, a := range InvoiceAmounts() {
		given[a.Field] = a.Given(AgreementEA)
		if !a.Given(AgreementMCA) {
			t.Errorf("%s not given for MCA", a.Field)
		}
		if a.Given(AgreementMOSP) != a.Given(AgreementEA) {
			t.Errorf("%s: MOSP and EA differ", a.Field)
		}
	}
	for f, want := range map[string]bool{"billedAmount": true, "amountDue": true, "taxAmount": false, "totalAmount": false,
		"subTotal": false, "creditAmount": false, "freeAzureCreditApplied": false, "azurePrepaymentApplied": false} {
		if given[f] != want {
			t.Errorf("%s given for EA = %v, want %v", f, given[f], want)
		}
	}
}

func TestReceivesInvoiceEmail(t *testing.T) {
	for r, want := range map[Role]bool{RoleOwner: true, RoleContributor: true, RoleInvoiceManager: true, RoleReader: false, RoleNone: false} {
		if r.ReceivesInvoiceEmail() != want {
			t.Errorf("%s receives = %v", r, !want)
		}
	}
}

// TestUsageReach: "API only allows data to be pulled … no older than 13
// months" (SrcAPICostDetails); "Typically, the usage file is ready within
// 72 hrs after the invoice is issued." (SrcMCAUsage72h)
func TestUsageReach(t *testing.T) {
	old := Invoice{Period: Period{Start: date(2025, 9, 1), End: date(2025, 9, 30)}}
	recent := Invoice{Period: Period{Start: date(2025, 11, 1), End: date(2025, 11, 30)}, Date: date(2026, 11, 24)}
	for _, c := range []struct {
		a    Agreement
		inv  Invoice
		want bool
	}{{AgreementMCA, old, true}, {AgreementEA, old, true}, {AgreementMOSP, old, false}, {AgreementMCA, recent, false}, {AgreementMCA, Invoice{}, false}} {
		if got := UsageTooOld(c.a, c.inv, now); got != c.want {
			t.Errorf("UsageTooOld(%s, %v) = %v", c.a.Badge(), c.inv.Period, got)
		}
	}
	if !UsageMaybeNotReady(AgreementMCA, recent, now) || UsageMaybeNotReady(AgreementMCA, recent, now.AddDate(0, 0, 3)) || UsageMaybeNotReady(AgreementEA, recent, now) {
		t.Error("72-hour rule")
	}
	for _, id := range []SourceID{SrcAPICostDetails, SrcMCAUsage72h} {
		if _, ok := SourceByID(id); !ok {
			t.Errorf("%s missing", id)
		}
	}
}

// TestNextStepsNameNoKeys: the why screen's next steps are portal steps or
// advice; the keys that work there are in its help line, so a step never
// names a key (which would not work on that screen).
func TestNextStepsNameNoKeys(t *testing.T) {
	var cat map[string]any
	if _, err := toml.DecodeFile(filepath.Join(localesDir, "explain.en.toml"), &cat); err != nil {
		t.Fatal(err)
	}
	for id, v := range cat {
		s, ok := v.(string)
		if !ok || !(strings.HasSuffix(id, ".next") || strings.HasSuffix(id, ".check")) {
			continue
		}
		if low := strings.ToLower(s); strings.Contains(low, "press ") || strings.Contains(low, "(press") {
			t.Errorf("%s names a key: %q", id, s)
		}
	}
}
