package model

import (
	"sort"
	"time"
)

// Verdict says how a reason stands against the facts. The zero value is not
// a verdict, so a Finding left empty by mistake never reads as "applies".
type Verdict int

const (
	Applies  Verdict = iota + 1 // the facts show this reason explains the missing invoice
	Unknown                     // a fact it depends on could not be read
	RuledOut                    // the facts show it does not apply
)

// MsgID is the catalogue ID of the verdict's label.
func (v Verdict) MsgID() string {
	switch v {
	case Applies:
		return "explain.verdict.applies"
	case RuledOut:
		return "explain.verdict.ruled_out"
	}
	return "explain.verdict.unknown"
}

// Reason is a stable ID of one reason an invoice may be missing. The value
// is also the middle part of its message IDs (explain.<reason>.title).
type Reason string

// The seed article's reasons first, in its order, then the ones the API lets
// us add. Reasons() returns them in this order, which is Explain's order
// within one verdict.
const (
	ReasonFreeTrial         Reason = "free_trial"
	ReasonCreditNotExceeded Reason = "credit"
	ReasonNewSubscription   Reason = "new_sub"
	ReasonPeriodOpen        Reason = "period_open"
	ReasonNotAccountAdmin   Reason = "not_admin"
	ReasonCSPCustomer       Reason = "csp"
	ReasonAzureInOpen       Reason = "aio"
	ReasonNoAccess          Reason = "no_access"
	ReasonWrongTenant       Reason = "wrong_tenant"
	ReasonMCARole           Reason = "mca_role"
	ReasonEAViewCharges     Reason = "ea_view"
	ReasonEmailOff          Reason = "email_off"
	ReasonGovNoEmail        Reason = "gov_email"
)

// Msg is a message ID from the catalogue plus the data its template needs.
// Dates in Data are YYYY-MM-DD strings; the UI formats them for the reader.
type Msg struct {
	ID   string
	Data map[string]any
}

// Finding is one reason weighed against the facts.
type Finding struct {
	Reason   Reason
	Verdict  Verdict
	Title    Msg    // the reason, in words
	Evidence Msg    // the fact that decided the verdict
	Next     Msg    // what the person can do
	Link     LinkID // the doc that explains it
}

type rule struct {
	reason Reason
	link   LinkID
	judge  func(Facts) (Verdict, Msg)
}

// rules is the one ordered table of reasons.
var rules = []rule{
	{ReasonFreeTrial, LinkWhyNoInvoice, judgeFreeTrial},
	{ReasonCreditNotExceeded, LinkWhyNoInvoice, judgeCredit},
	{ReasonNewSubscription, LinkWhyNoInvoice, judgeNewSub},
	{ReasonPeriodOpen, LinkNoInvoiceLastPeriod, judgePeriodOpen},
	{ReasonNotAccountAdmin, LinkBillingAccess, judgeNotAdmin},
	{ReasonCSPCustomer, LinkCSPInvoice, judgeCSP},
	{ReasonAzureInOpen, LinkAzureInOpen, judgeAIO},
	{ReasonNoAccess, LinkBillingAccess, judgeNoAccess},
	{ReasonWrongTenant, LinkViewAccounts, judgeWrongTenant},
	{ReasonMCARole, LinkMCACheckAccess, judgeMCARole},
	{ReasonEAViewCharges, LinkEARoles, judgeEAViewCharges},
	{ReasonEmailOff, LinkRecEmailInbox, judgeEmailOff},
	{ReasonGovNoEmail, LinkRecEmailInbox, judgeGov},
}

// Reasons lists every reason in Explain's order.
func Reasons() []Reason {
	out := make([]Reason, len(rules))
	for i, r := range rules {
		out[i] = r.reason
	}
	return out
}

// Explain weighs every reason against the facts. It returns one Finding per
// reason: those that apply first, then the unknown, then the ruled out, each
// group in Reasons() order.
func Explain(f Facts) []Finding {
	out := make([]Finding, 0, len(rules))
	for _, r := range rules {
		v, ev := r.judge(f)
		p := "explain." + string(r.reason)
		out = append(out, Finding{
			Reason:   r.reason,
			Verdict:  v,
			Title:    Msg{ID: p + ".title"},
			Evidence: ev,
			Next:     Msg{ID: p + ".next"},
			Link:     r.link,
		})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Verdict < out[j].Verdict })
	return out
}

func msg(id string, kv ...any) Msg {
	m := Msg{ID: id}
	if len(kv) > 0 {
		m.Data = make(map[string]any, len(kv)/2)
		for i := 0; i+1 < len(kv); i += 2 {
			k, _ := kv[i].(string)
			m.Data[k] = kv[i+1]
		}
	}
	return m
}

// unread is the evidence for a fact that was not read: refused (403),
// failed, or never asked for. fact is one of sub, access, policies,
// invoices, profile.
func unread(fact string, err error) Msg {
	switch {
	case IsForbidden(err):
		return msg("explain.ev." + fact + ".forbidden")
	case err != nil:
		return msg("explain.ev." + fact + ".failed")
	}
	return msg("explain.ev." + fact + ".missing")
}

func agreementMsg(id string, a Agreement) Msg { return msg(id, "Agreement", a.Badge()) }

// offerText is the subscription's offer as Azure names it (offer ID, else quota ID).
func offerText(s *Subscription) string {
	if s.OfferID != "" {
		return Clean(s.OfferID)
	}
	return Clean(s.QuotaID)
}

func judgeFreeTrial(f Facts) (Verdict, Msg) {
	s, billing := f.subBilling()
	switch {
	case s != nil && s.Offer() == OfferFreeTrial:
		return Applies, msg("explain.free_trial.ev.offer", "Offer", offerText(s))
	case billing && s.BillingType == BillingFree:
		return Applies, msg("explain.free_trial.ev.billing_type", "Type", string(s.BillingType))
	case f.agreement() == AgreementEA || f.agreement() == AgreementMPA:
		return RuledOut, agreementMsg("explain.free_trial.ev.agreement", f.agreement())
	case billing && s.BillingType != BillingUnknown:
		return RuledOut, msg("explain.free_trial.ev.paid", "Type", Clean(string(s.BillingType)))
	}
	return Unknown, unread("sub", f.subErr())
}

func judgeCredit(f Facts) (Verdict, Msg) {
	s, billing := f.subBilling()
	if s != nil && (s.Offer() == OfferVisualStudio || s.Offer() == OfferSponsorship) {
		return Applies, msg("explain.credit.ev.offer", "Offer", offerText(s))
	}
	if billing && s.BillingType == BillingBenefit {
		return Applies, msg("explain.credit.ev.billing_type", "Type", string(s.BillingType))
	}
	invoicesOK := f.InvoicesRead && f.InvoicesErr == nil
	if invoicesOK {
		if inv, ok := freeCredit(f.Invoices); ok {
			return Applies, msg("explain.credit.ev.invoice", "Invoice", Clean(inv.Name), "Date", day(inv.Date))
		}
	}
	if billing && s.BillingType == BillingFree {
		return RuledOut, msg("explain.credit.ev.free_trial")
	}
	if billing && s.BillingType != BillingUnknown {
		return RuledOut, msg("explain.credit.ev.paid", "Type", Clean(string(s.BillingType)))
	}
	return Unknown, unread("sub", f.subErr())
}

// judgeNewSub uses the creation date alone: it is known even when other
// billing fields are not.
func judgeNewSub(f Facts) (Verdict, Msg) {
	s := f.Subscription
	if s == nil || s.Created.IsZero() {
		if s != nil && f.subErr() == nil {
			return Unknown, msg("explain.new_sub.ev.no_date")
		}
		return Unknown, unread("sub", f.subErr())
	}
	age := s.AgeDays(f.Now)
	created := day(s.Created)
	if age < 30 {
		return Applies, msg("explain.new_sub.ev.young", "Created", created, "Count", age,
			"Until", day(s.Created.AddDate(0, 0, 30)))
	}
	return RuledOut, msg("explain.new_sub.ev.old", "Created", created, "Count", age)
}

func judgePeriodOpen(f Facts) (Verdict, Msg) {
	if w := f.Wanted; w != nil {
		if w.End.IsZero() {
			return Unknown, msg("explain.period_open.ev.no_period")
		}
		return periodVerdict(f.Now, *w)
	}
	d, ok := f.periodDay()
	if !ok {
		if f.agreement().HasProfiles() && f.Profile == nil {
			return Unknown, unread("profile", f.ProfileErr)
		}
		return Unknown, msg("explain.period_open.ev.no_period")
	}
	cur := CurrentPeriod(f.Now, d)
	open := openMsg(f.Now, cur)
	if !f.InvoicesRead || f.InvoicesErr != nil {
		return Unknown, open
	}
	prev := CurrentPeriod(cur.Start.AddDate(0, 0, -1), d)
	if s := f.Subscription; s != nil && !s.Created.IsZero() && !s.Created.Before(cur.Start) {
		return Applies, open // there was no earlier period to invoice
	}
	if !latestInvoiceEnd(f.Invoices).Before(prev.End) {
		return Applies, open // the last period is invoiced: only the open one is missing
	}
	return periodVerdict(f.Now, prev)
}

// periodVerdict weighs one period: open or just ended means its invoice is
// not due yet; long ended means the period does not explain it.
func periodVerdict(now time.Time, p Period) (Verdict, Msg) {
	if !p.Ended(now) {
		return Applies, openMsg(now, p)
	}
	since := daysBetween(p.End, now)
	if since <= InvoiceGraceDays {
		return Applies, msg("explain.period_open.ev.recent", "End", day(p.End), "Count", since)
	}
	return RuledOut, msg("explain.period_open.ev.ended", "End", day(p.End), "Count", since)
}

func openMsg(now time.Time, p Period) Msg {
	return msg("explain.period_open.ev.open", "Start", day(p.Start), "End", day(p.End),
		"Count", daysBetween(now, p.End)+1)
}

func judgeNotAdmin(f Facts) (Verdict, Msg) {
	// Only MOSP has an Account Administrator; elsewhere billing roles decide
	// (the MCA-role and EA view-charges reasons weigh those).
	if a := f.agreement(); a != AgreementMOSP && a != AgreementUnknown {
		return RuledOut, agreementMsg("explain.not_admin.ev.agreement", a)
	}
	if s, billing := f.subBilling(); billing && s.IsAccountAdmin != nil {
		if *s.IsAccountAdmin {
			return RuledOut, msg("explain.not_admin.ev.admin", "Subscription", Clean(s.Title()))
		}
		return Applies, msg("explain.not_admin.ev.not_admin", "Subscription", Clean(s.Title()))
	}
	return Unknown, unread("sub", f.subErr())
}

func judgeCSP(f Facts) (Verdict, Msg) {
	if sig := f.cspSignal(); sig != "" {
		return Applies, msg("explain.csp.ev." + sig)
	}
	if a := f.agreement(); a == AgreementEA || a == AgreementMOSP {
		return RuledOut, agreementMsg("explain.csp.ev.agreement", a)
	}
	if s, billing := f.subBilling(); billing && s.Relationship != RelationshipUnknown {
		return RuledOut, msg("explain.csp.ev.direct", "Relationship", Clean(string(s.Relationship)))
	}
	if f.Profile != nil && f.Profile.Relationship != "" {
		return RuledOut, msg("explain.csp.ev.direct", "Relationship", Clean(f.Profile.Relationship))
	}
	if f.Account != nil && len(f.Account.RelationshipTypes) > 0 {
		return RuledOut, msg("explain.csp.ev.direct", "Relationship", Clean(f.Account.RelationshipTypes[0]))
	}
	return Unknown, unread("sub", f.subErr())
}

func judgeAIO(f Facts) (Verdict, Msg) {
	s := f.Subscription
	if s != nil && s.Offer() == OfferAzureInOpen {
		return Applies, msg("explain.aio.ev.offer", "Offer", offerText(s))
	}
	if a := f.agreement(); a == AgreementMCA || a == AgreementEA || a == AgreementMPA {
		return RuledOut, agreementMsg("explain.aio.ev.agreement", a)
	}
	if s != nil && s.Offer() != OfferUnknown {
		return RuledOut, msg("explain.aio.ev.other_offer", "Offer", offerText(s))
	}
	return Unknown, unread("sub", f.subErr())
}
