package model

import (
	"errors"
	"fmt"
	"testing"
	"time"
)

var now = time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
func ptr[T any](v T) *T                         { return &v }

// statusErr is how a client error can say "403" without wrapping ErrForbidden.
type statusErr int

func (e statusErr) Error() string   { return fmt.Sprintf("HTTP %d", int(e)) }
func (e statusErr) HTTPStatus() int { return int(e) }

var (
	err403  = fmt.Errorf("reading billing property: %w", ErrForbidden)
	err500  = errors.New("internal server error")
	errWrap = fmt.Errorf("list: %w", statusErr(403))
)

func mospSub(mut func(*Subscription)) *Subscription {
	s := &Subscription{SubscriptionID: "11111111-1111-1111-1111-111111111111", DisplayName: "Dev",
		Agreement: AgreementMOSP, BillingType: BillingPaid, OfferID: "MS-AZR-0003P",
		Relationship: RelationshipDirect, Created: date(2025, 3, 10), IsAccountAdmin: ptr(true),
		Cloud: "AzureCloud", BillingTenantID: "TENANT-A"}
	if mut != nil {
		mut(s)
	}
	return s
}

func mcaProfile(mut func(*Profile)) *Profile {
	p := &Profile{Name: "BP1", DisplayName: "Contoso", InvoiceDay: 5, Relationship: "Direct",
		Email: EmailPreference{OptIn: ptr(true), Recipients: []string{"a@contoso.example"}}}
	if mut != nil {
		mut(p)
	}
	return p
}

type explainCase struct {
	name string
	f    Facts
	want map[Reason]Verdict
	ev   map[Reason]string // evidence message ID, where the case pins it
}

func explainCases() []explainCase {
	mosp := func(s *Subscription) Facts {
		return Facts{Now: now, Agreement: AgreementMOSP, Subscription: s, CallerTenantID: "tenant-a"}
	}
	mca := func(p *Profile, a *Access) Facts {
		return Facts{Now: now, Agreement: AgreementMCA, Profile: p, Access: a}
	}
	ea := func(role Role, pol *Policies, polErr error) Facts {
		return Facts{Now: now, Agreement: AgreementEA, CallerRoleEA: role, Policies: pol, PoliciesErr: polErr}
	}
	inv := func(end time.Time) Invoice {
		return Invoice{Name: "G001", Date: end.AddDate(0, 0, 1), Period: Period{Start: end.AddDate(0, -1, 1), End: end}}
	}
	out := []explainCase{
		{name: "EA subscription: no Account Administrator to be", f: Facts{Now: now, Agreement: AgreementEA,
			Subscription: mospSub(func(s *Subscription) { s.Agreement = AgreementEA; s.IsAccountAdmin = ptr(false) })},
			want: map[Reason]Verdict{ReasonNotAccountAdmin: RuledOut},
			ev:   map[Reason]string{ReasonNotAccountAdmin: "explain.not_admin.ev.agreement"}},
		{name: "MCA bought through a partner is partner-billed", f: Facts{Now: now, Agreement: AgreementMCA,
			Subscription: mospSub(func(s *Subscription) { s.Agreement = AgreementMCA; s.Relationship = RelationshipIndirect })},
			want: map[Reason]Verdict{ReasonCSPCustomer: RuledOut, ReasonPartnerBilled: Applies, ReasonNotAccountAdmin: RuledOut, ReasonEmailOff: Applies},
			ev:   map[Reason]string{ReasonPartnerBilled: "explain.partner.ev.indirect", ReasonEmailOff: "explain.email_off.ev.partner"}},
		{name: "EA role read as None is not known", f: ea(RoleNone, &Policies{DepartmentAdminViewCharges: ViewChargesNotAllowed, AccountOwnerViewCharges: ViewChargesAllowed}, nil),
			want: map[Reason]Verdict{ReasonEAViewCharges: Unknown}},
		{name: "nothing read: every reason unknown", f: Facts{Now: now},
			want: allVerdicts(Unknown),
			ev:   map[Reason]string{ReasonFreeTrial: "explain.ev.sub.missing", ReasonNoAccess: "explain.ev.invoices.missing"}},
		{name: "free trial by offer", f: mosp(mospSub(func(s *Subscription) { s.OfferID = "MS-AZR-0044P"; s.BillingType = BillingUnknown })),
			want: map[Reason]Verdict{ReasonFreeTrial: Applies, ReasonAzureInOpen: RuledOut},
			ev:   map[Reason]string{ReasonFreeTrial: "explain.free_trial.ev.offer"}},
		{name: "free trial by quota when the billing property is refused",
			f:    Facts{Now: now, Subscription: mospSub(func(s *Subscription) { s.OfferID = ""; s.QuotaID = "FreeTrial_2014-09-01" }), SubscriptionErr: err403},
			want: map[Reason]Verdict{ReasonFreeTrial: Applies, ReasonCreditNotExceeded: Unknown, ReasonNotAccountAdmin: Unknown},
			ev:   map[Reason]string{ReasonCreditNotExceeded: "explain.ev.sub.forbidden"}},
		{name: "free trial by billing type", f: mosp(mospSub(func(s *Subscription) { s.OfferID = ""; s.BillingType = BillingFree })),
			want: map[Reason]Verdict{ReasonFreeTrial: Applies, ReasonCreditNotExceeded: RuledOut},
			ev:   map[Reason]string{ReasonFreeTrial: "explain.free_trial.ev.billing_type", ReasonCreditNotExceeded: "explain.credit.ev.free_trial"}},
		{name: "paid pay-as-you-go rules out trial, credit and AIO", f: mosp(mospSub(nil)),
			want: map[Reason]Verdict{ReasonFreeTrial: RuledOut, ReasonCreditNotExceeded: RuledOut, ReasonAzureInOpen: RuledOut,
				ReasonNewSubscription: RuledOut, ReasonNotAccountAdmin: RuledOut, ReasonCSPCustomer: RuledOut, ReasonWrongTenant: RuledOut,
				ReasonMCARole: RuledOut, ReasonEAViewCharges: RuledOut, ReasonGovNoEmail: RuledOut, ReasonEmailOff: Unknown}},
		{name: "visual studio monthly credit", f: mosp(mospSub(func(s *Subscription) { s.OfferID = "MS-AZR-0063P"; s.BillingType = BillingBenefit })),
			want: map[Reason]Verdict{ReasonCreditNotExceeded: Applies, ReasonFreeTrial: RuledOut},
			ev:   map[Reason]string{ReasonCreditNotExceeded: "explain.credit.ev.offer"}},
		{name: "benefit billing type", f: mosp(mospSub(func(s *Subscription) { s.OfferID = ""; s.BillingType = BillingBenefit })),
			want: map[Reason]Verdict{ReasonCreditNotExceeded: Applies},
			ev:   map[Reason]string{ReasonCreditNotExceeded: "explain.credit.ev.billing_type"}},
		{name: "MCA profile with free credit applied: always invoiced, credit not the reason", f: func() Facts {
			f := mca(mcaProfile(nil), &Access{Role: RoleOwner, CanReadInvoices: true})
			i := inv(date(2026, 10, 31))
			i.FreeCredit = Money{Amount: 12.5, Currency: "EUR", Known: true}
			f.Invoices, f.InvoicesRead = []Invoice{i}, true
			return f
		}(), want: map[Reason]Verdict{ReasonCreditNotExceeded: RuledOut, ReasonFreeTrial: RuledOut, ReasonNoAccess: RuledOut},
			ev: map[Reason]string{ReasonCreditNotExceeded: "explain.ev.always_invoiced", ReasonFreeTrial: "explain.ev.always_invoiced"}},
		{name: "subscription 10 days old", f: mosp(mospSub(func(s *Subscription) { s.Created = now.AddDate(0, 0, -10) })),
			want: map[Reason]Verdict{ReasonNewSubscription: Applies}, ev: map[Reason]string{ReasonNewSubscription: "explain.new_sub.ev.young"}},
		{name: "subscription 30 days old exactly", f: mosp(mospSub(func(s *Subscription) { s.Created = now.AddDate(0, 0, -30) })),
			want: map[Reason]Verdict{ReasonNewSubscription: RuledOut}},
		{name: "creation date unknown", f: mosp(mospSub(func(s *Subscription) { s.Created = time.Time{} })),
			want: map[Reason]Verdict{ReasonNewSubscription: Unknown, ReasonPeriodOpen: Unknown},
			ev:   map[Reason]string{ReasonNewSubscription: "explain.new_sub.ev.no_date", ReasonPeriodOpen: "explain.period_open.ev.no_period"}},
		{name: "billing property failed (500) leaves billing reasons unknown",
			f: mosp(mospSub(func(s *Subscription) {
				s.PropertyErr = err500
				s.OfferID = ""
				s.IsAccountAdmin = nil
				s.Relationship = ""
			})),
			want: map[Reason]Verdict{ReasonFreeTrial: Unknown, ReasonCreditNotExceeded: Unknown, ReasonNotAccountAdmin: Unknown, ReasonCSPCustomer: RuledOut},
			ev:   map[Reason]string{ReasonFreeTrial: "explain.ev.sub.failed", ReasonNotAccountAdmin: "explain.ev.sub.failed"}},
		{name: "not the account administrator", f: mosp(mospSub(func(s *Subscription) { s.IsAccountAdmin = ptr(false) })),
			want: map[Reason]Verdict{ReasonNotAccountAdmin: Applies}},
		{name: "MCA has no account administrator", f: mca(mcaProfile(nil), &Access{Role: RoleOwner, CanReadInvoices: true}),
			want: map[Reason]Verdict{ReasonNotAccountAdmin: RuledOut, ReasonMCARole: RuledOut, ReasonEmailOff: RuledOut,
				ReasonEAViewCharges: RuledOut, ReasonAzureInOpen: RuledOut, ReasonCSPCustomer: RuledOut, ReasonGovNoEmail: RuledOut}},
		{name: "CSP customer by relationship", f: mosp(mospSub(func(s *Subscription) { s.Agreement = AgreementUnknown; s.Relationship = RelationshipCSPCustomer })),
			want: map[Reason]Verdict{ReasonCSPCustomer: Applies}, ev: map[Reason]string{ReasonCSPCustomer: "explain.csp.ev.relationship"}},
		{name: "CSP customer by MPA on the subscription", f: Facts{Now: now, Subscription: mospSub(func(s *Subscription) { s.Agreement = AgreementMPA; s.Relationship = "" })},
			want: map[Reason]Verdict{ReasonCSPCustomer: Applies, ReasonFreeTrial: RuledOut}, ev: map[Reason]string{ReasonCSPCustomer: "explain.csp.ev.mpa"}},
		{name: "CSP customer by offer even when the property is refused",
			f:    Facts{Now: now, Subscription: mospSub(func(s *Subscription) { s.Agreement = ""; s.OfferID = "MS-AZR-0145P"; s.Relationship = "" }), SubscriptionErr: err403},
			want: map[Reason]Verdict{ReasonCSPCustomer: Applies, ReasonAzureInOpen: RuledOut}, ev: map[Reason]string{ReasonCSPCustomer: "explain.csp.ev.offer"}},
		{name: "CSP customer by account relationship types", f: Facts{Now: now, Account: &Account{RelationshipTypes: []string{"Direct", "cspcustomer"}}},
			want: map[Reason]Verdict{ReasonCSPCustomer: Applies}},
		{name: "Azure in Open", f: mosp(mospSub(func(s *Subscription) { s.OfferID = "MS-AZR-0111P" })),
			want: map[Reason]Verdict{ReasonAzureInOpen: Applies, ReasonFreeTrial: RuledOut}},
		{name: "invoices refused (403)", f: Facts{Now: now, InvoicesRead: true, InvoicesErr: errWrap},
			want: map[Reason]Verdict{ReasonNoAccess: Applies, ReasonPeriodOpen: Unknown}},
		{name: "invoices failed (500)", f: Facts{Now: now, InvoicesRead: true, InvoicesErr: err500},
			want: map[Reason]Verdict{ReasonNoAccess: Unknown}, ev: map[Reason]string{ReasonNoAccess: "explain.ev.invoices.failed"}},
		{name: "account says no read access", f: Facts{Now: now, Account: &Account{HasReadAccess: ptr(false)}},
			want: map[Reason]Verdict{ReasonNoAccess: Applies}, ev: map[Reason]string{ReasonNoAccess: "explain.no_access.ev.account"}},
		{name: "wrong tenant", f: func() Facts { f := mosp(mospSub(nil)); f.CallerTenantID = "tenant-b"; return f }(),
			want: map[Reason]Verdict{ReasonWrongTenant: Applies}},
		{name: "tenant unknown when not signed in anywhere known", f: func() Facts { f := mosp(mospSub(nil)); f.CallerTenantID = ""; return f }(),
			want: map[Reason]Verdict{ReasonWrongTenant: Unknown}},
		{name: "MCA reader cannot see invoices", f: mca(mcaProfile(nil), &Access{Role: RoleNone}),
			want: map[Reason]Verdict{ReasonMCARole: Applies}},
		{name: "MCA access refused", f: mca(mcaProfile(nil), &Access{Err: err403}),
			want: map[Reason]Verdict{ReasonMCARole: Unknown}, ev: map[Reason]string{ReasonMCARole: "explain.ev.access.forbidden"}},
		{name: "MCA access not read", f: mca(mcaProfile(nil), nil),
			want: map[Reason]Verdict{ReasonMCARole: Unknown}, ev: map[Reason]string{ReasonMCARole: "explain.ev.access.missing"}},
		{name: "EA department admin without view charges", f: ea(RoleDepartmentAdmin, &Policies{DepartmentAdminViewCharges: ViewChargesNotAllowed, AccountOwnerViewCharges: ViewChargesAllowed}, nil),
			want: map[Reason]Verdict{ReasonEAViewCharges: Applies, ReasonEAInvoiceRole: Applies, ReasonEmailOff: Unknown, ReasonMCARole: RuledOut, ReasonFreeTrial: RuledOut, ReasonCSPCustomer: RuledOut},
			ev:   map[Reason]string{ReasonEAInvoiceRole: "explain.ea_role.ev.not_admin", ReasonEmailOff: "explain.email_off.ev.ea"}},
		{name: "EA department admin with view charges", f: ea(RoleDepartmentAdmin, &Policies{DepartmentAdminViewCharges: ViewChargesAllowed}, nil),
			want: map[Reason]Verdict{ReasonEAViewCharges: RuledOut}},
		{name: "EA account owner, policy disabled", f: ea(RoleAccountOwner, &Policies{DepartmentAdminViewCharges: ViewChargesAllowed, AccountOwnerViewCharges: ViewChargesDisabled}, nil),
			want: map[Reason]Verdict{ReasonEAViewCharges: Applies}},
		{name: "EA account owner, policy unset", f: ea(RoleAccountOwner, &Policies{}, nil),
			want: map[Reason]Verdict{ReasonEAViewCharges: Unknown}, ev: map[Reason]string{ReasonEAViewCharges: "explain.ea_view.ev.policy_unknown"}},
		{name: "EA department admin, policies refused", f: ea(RoleDepartmentAdmin, nil, err403),
			want: map[Reason]Verdict{ReasonEAViewCharges: Unknown}, ev: map[Reason]string{ReasonEAViewCharges: "explain.ev.policies.forbidden"}},
		{name: "EA enterprise admin always sees charges", f: ea(RoleEnterpriseAdmin, nil, err403),
			want: map[Reason]Verdict{ReasonEAViewCharges: RuledOut}},
		{name: "EA role unknown, both policies on", f: ea(RoleUnknown, &Policies{DepartmentAdminViewCharges: ViewChargesAllowed, AccountOwnerViewCharges: ViewChargesAllowed}, nil),
			want: map[Reason]Verdict{ReasonEAViewCharges: RuledOut}},
		{name: "EA role unknown, a policy off", f: ea(RoleUnknown, &Policies{DepartmentAdminViewCharges: ViewChargesNotAllowed}, nil),
			want: map[Reason]Verdict{ReasonEAViewCharges: Unknown}},
		{name: "EA role from check-access", f: func() Facts {
			f := ea(RoleUnknown, &Policies{AccountOwnerViewCharges: ViewChargesNotAllowed}, nil)
			f.Access = &Access{Role: RoleAccountOwner}
			return f
		}(), want: map[Reason]Verdict{ReasonEAViewCharges: Applies}},
		{name: "MCA email off", f: mca(mcaProfile(func(p *Profile) { p.Email.OptIn = ptr(false) }), nil),
			want: map[Reason]Verdict{ReasonEmailOff: Applies}},
		{name: "MCA email not returned", f: mca(mcaProfile(func(p *Profile) { p.Email.OptIn = nil }), nil),
			want: map[Reason]Verdict{ReasonEmailOff: Unknown}},
		{name: "MCA profile refused", f: Facts{Now: now, Agreement: AgreementMCA, ProfileErr: err403},
			want: map[Reason]Verdict{ReasonEmailOff: Unknown, ReasonPeriodOpen: Unknown, ReasonGovNoEmail: Unknown},
			ev:   map[Reason]string{ReasonEmailOff: "explain.ev.profile.forbidden", ReasonPeriodOpen: "explain.period_open.ev.open"}},
		{name: "Azure Government cloud", f: Facts{Now: now, Cloud: "AzureUSGovernment"},
			want: map[Reason]Verdict{ReasonGovNoEmail: Applies}},
		{name: "profile bills for USGov", f: mca(mcaProfile(func(p *Profile) { p.TargetClouds = []string{"USGov"} }), nil),
			want: map[Reason]Verdict{ReasonGovNoEmail: Applies}, ev: map[Reason]string{ReasonGovNoEmail: "explain.gov_email.ev.target"}},
		{name: "period open, last period invoiced", f: func() Facts {
			f := mca(mcaProfile(nil), nil)
			f.Invoices, f.InvoicesRead = []Invoice{inv(date(2026, 10, 4)), inv(date(2026, 11, 4))}, true
			return f
		}(), want: map[Reason]Verdict{ReasonPeriodOpen: Applies}, ev: map[Reason]string{ReasonPeriodOpen: "explain.period_open.ev.open"}},
		{name: "last period long ended and not invoiced", f: func() Facts {
			f := mca(mcaProfile(nil), nil)
			f.Invoices, f.InvoicesRead = []Invoice{inv(date(2026, 9, 4))}, true
			return f
		}(), want: map[Reason]Verdict{ReasonPeriodOpen: RuledOut}, ev: map[Reason]string{ReasonPeriodOpen: "explain.period_open.ev.ended"}},
		{name: "last period ended three days ago", f: func() Facts {
			f := mca(mcaProfile(nil), nil)
			f.Now = date(2026, 11, 4) // Oct ended 4 days ago; invoice day 5
			f.InvoicesRead = true
			return f
		}(), want: map[Reason]Verdict{ReasonPeriodOpen: Applies}, ev: map[Reason]string{ReasonPeriodOpen: "explain.period_open.ev.recent"}},
		{name: "period known but invoices not read", f: mca(mcaProfile(nil), nil),
			want: map[Reason]Verdict{ReasonPeriodOpen: Unknown}, ev: map[Reason]string{ReasonPeriodOpen: "explain.period_open.ev.open"}},
		{name: "wanted period still open", f: Facts{Now: now, Wanted: &Period{Start: date(2026, 11, 1), End: date(2026, 11, 30)}},
			want: map[Reason]Verdict{ReasonPeriodOpen: Applies}},
		{name: "wanted period ended long ago", f: Facts{Now: now, Wanted: &Period{Start: date(2026, 8, 1), End: date(2026, 8, 31)}},
			want: map[Reason]Verdict{ReasonPeriodOpen: RuledOut}},
		{name: "new MOSP subscription: no earlier period existed", f: func() Facts {
			f := mosp(mospSub(func(s *Subscription) { s.Created = date(2026, 11, 12) }))
			f.InvoicesRead = true
			return f
		}(), want: map[Reason]Verdict{ReasonPeriodOpen: Applies, ReasonNewSubscription: Applies, ReasonNoAccess: RuledOut}},
		{name: "EA bills by calendar month", f: func() Facts {
			f := ea(RoleEnterpriseAdmin, nil, nil)
			f.Invoices, f.InvoicesRead = []Invoice{inv(date(2026, 10, 31))}, true
			return f
		}(), want: map[Reason]Verdict{ReasonPeriodOpen: Applies}},
		{name: "combination: new free trial, not admin, nothing invoiced", f: func() Facts {
			f := mosp(mospSub(func(s *Subscription) {
				s.OfferID, s.BillingType, s.Created, s.IsAccountAdmin = "MS-AZR-0044P", BillingFree, now.AddDate(0, 0, -3), ptr(false)
			}))
			f.InvoicesRead = true
			return f
		}(), want: map[Reason]Verdict{ReasonFreeTrial: Applies, ReasonNewSubscription: Applies, ReasonNotAccountAdmin: Applies,
			ReasonPeriodOpen: Applies, ReasonCreditNotExceeded: RuledOut, ReasonNoAccess: RuledOut}},
		{name: "combination: CSP customer in the wrong tenant with invoices refused", f: func() Facts {
			f := Facts{Now: now, CallerTenantID: "home", InvoicesRead: true, InvoicesErr: err403,
				Subscription: mospSub(func(s *Subscription) { s.Agreement, s.Relationship = AgreementMPA, RelationshipCSPCustomer })}
			return f
		}(), want: map[Reason]Verdict{ReasonCSPCustomer: Applies, ReasonWrongTenant: Applies, ReasonNoAccess: Applies}},
	}
	for _, rc := range ruleCases() {
		out = append(out, rc.explainCase)
	}
	return out
}

func allVerdicts(v Verdict) map[Reason]Verdict {
	m := map[Reason]Verdict{}
	for _, r := range Reasons() {
		m[r] = v
	}
	return m
}

func TestExplain(t *testing.T) {
	cases := explainCases()
	if len(cases) < 25 {
		t.Fatalf("only %d cases", len(cases))
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Explain(c.f)
			checkShape(t, got)
			by := map[Reason]Finding{}
			for _, fd := range got {
				by[fd.Reason] = fd
			}
			for r, want := range c.want {
				if by[r].Verdict != want {
					t.Errorf("%s: verdict %v, want %v (evidence %s)", r, by[r].Verdict, want, by[r].Evidence.ID)
				}
			}
			for r, want := range c.ev {
				if by[r].Evidence.ID != want {
					t.Errorf("%s: evidence %q, want %q", r, by[r].Evidence.ID, want)
				}
			}
		})
	}
}

// checkShape holds for any Facts: every reason once, in verdict order, then
// in Reasons() order; every finding complete.
func checkShape(t *testing.T, got []Finding) {
	t.Helper()
	order := map[Reason]int{}
	for i, r := range Reasons() {
		order[r] = i
	}
	if len(got) != len(order) {
		t.Fatalf("%d findings, want %d", len(got), len(order))
	}
	seen := map[Reason]bool{}
	for i, fd := range got {
		if _, ok := order[fd.Reason]; !ok || seen[fd.Reason] {
			t.Fatalf("reason %q unknown or repeated", fd.Reason)
		}
		seen[fd.Reason] = true
		if fd.Verdict < Applies || fd.Verdict > RuledOut {
			t.Fatalf("%s: bad verdict %d", fd.Reason, fd.Verdict)
		}
		if fd.Title.ID == "" || fd.Evidence.ID == "" || fd.Next.ID == "" {
			t.Fatalf("%s: empty message", fd.Reason)
		}
		if _, ok := LinkByID(fd.Link); !ok {
			t.Fatalf("%s: link %q not in catalogue", fd.Reason, fd.Link)
		}
		for k, v := range fd.Evidence.Data {
			if s, ok := v.(string); ok && s != Clean(s) {
				t.Fatalf("%s: data %s not clean: %q", fd.Reason, k, s)
			}
		}
		if i > 0 {
			p := got[i-1]
			if p.Verdict > fd.Verdict || (p.Verdict == fd.Verdict && order[p.Reason] > order[fd.Reason]) {
				t.Fatalf("out of order: %s(%d) before %s(%d)", p.Reason, p.Verdict, fd.Reason, fd.Verdict)
			}
		}
	}
}

func TestExplainEvidenceData(t *testing.T) {
	f := Facts{Now: now, Agreement: AgreementMOSP, Subscription: mospSub(func(s *Subscription) {
		s.Created = time.Date(2026, 11, 15, 23, 30, 0, 0, time.UTC)
	}), CallerTenantID: "a\x1b[31mb", InvoicesRead: true}
	by := map[Reason]Finding{}
	for _, fd := range Explain(f) {
		by[fd.Reason] = fd
	}
	ns := by[ReasonNewSubscription].Evidence.Data
	if ns["Created"] != "2026-11-15" || ns["Count"] != 9 || ns["Until"] != "2026-12-15" {
		t.Errorf("new_sub data = %v", ns)
	}
	po := by[ReasonPeriodOpen].Evidence
	if po.ID != "explain.period_open.ev.open" || po.Data["Start"] != "2026-11-15" || po.Data["End"] != "2026-12-14" || po.Data["Count"] != 20 {
		t.Errorf("period_open = %+v", po)
	}
	wt := by[ReasonWrongTenant].Evidence.Data
	if wt["CallerTenant"] != "a[31mb" {
		t.Errorf("caller tenant not cleaned: %q", wt["CallerTenant"])
	}
}

func TestIsForbidden(t *testing.T) {
	for _, c := range []struct {
		err  error
		want bool
	}{{nil, false}, {err500, false}, {ErrForbidden, true}, {err403, true}, {errWrap, true}, {statusErr(404), false}} {
		if got := IsForbidden(c.err); got != c.want {
			t.Errorf("IsForbidden(%v) = %v", c.err, got)
		}
	}
}

func TestVerdictMsgID(t *testing.T) {
	seen := map[string]bool{}
	for _, v := range []Verdict{Applies, Unknown, RuledOut} {
		if seen[v.MsgID()] {
			t.Errorf("verdict %d shares its label", v)
		}
		seen[v.MsgID()] = true
	}
}
