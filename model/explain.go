package model

import (
	"sort"
	"strings"
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

// The seed article's reasons first, in its order, then the ones today's docs
// add. Reasons() returns them in this order, which is Explain's order within
// one verdict.
const (
	ReasonFreeTrial         Reason = "free_trial"
	ReasonCreditNotExceeded Reason = "credit"
	ReasonNewSubscription   Reason = "new_sub"
	ReasonPeriodOpen        Reason = "period_open"
	ReasonNotAccountAdmin   Reason = "not_admin"
	ReasonCSPCustomer       Reason = "csp"
	ReasonAzureInOpen       Reason = "aio"
	ReasonAllowOthers       Reason = "allow_others"
	ReasonPre2016           Reason = "pre_2016"
	ReasonNoAccess          Reason = "no_access"
	ReasonWrongTenant       Reason = "wrong_tenant"
	ReasonIdentity          Reason = "identity"
	ReasonMCARole           Reason = "mca_role"
	ReasonEAInvoiceRole     Reason = "ea_role"
	ReasonEAViewCharges     Reason = "ea_view"
	ReasonEAPrepayment      Reason = "ea_prepay"
	ReasonPartnerBilled     Reason = "partner"
	ReasonMovedToMCA        Reason = "moved_mca"
	ReasonEmailOff          Reason = "email_off"
	ReasonGovNoEmail        Reason = "gov_email"
)

// Msg is a message ID from the catalogue plus the data its template needs.
// Dates in Data are YYYY-MM-DD strings and amounts are Money values; the UI
// formats both for the reader. A Msg value in Data is a nested message.
type Msg struct {
	ID   string
	Data map[string]any
}

// Finding is one reason weighed against the facts.
type Finding struct {
	Reason   Reason
	Verdict  Verdict
	Title    Msg        // the reason, in words
	Evidence Msg        // the fact that decided the verdict
	Next     Msg        // what the person can do; for Unknown, the portal step that checks it
	Link     LinkID     // the doc that explains it
	Sources  []SourceID // the doc sentences the rule encodes (model/sources.go)
}

// Changed reports whether a source of the finding differs from the 2021
// seed article, and the message that says how.
func (f Finding) Changed() (string, bool) {
	for _, id := range f.Sources {
		if s, ok := SourceByID(id); ok && s.Changed {
			return s.ChangedMsg(), true
		}
	}
	return "", false
}

type rule struct {
	reason Reason
	link   LinkID
	src    []SourceID
	judge  func(Facts) (Verdict, Msg)
	// perSub: the reason is about one subscription; on an account or a
	// profile it is weighed for each subscription the scope holds.
	perSub bool
}

func srcs(ids ...SourceID) []SourceID { return ids }

// rules is the one ordered table of reasons. Each row names the doc
// sentences it rests on (sources.go).
var rules = []rule{
	{ReasonFreeTrial, LinkWhyNoInvoice, srcs(SrcCreditMOSP, SrcMCAAlways, SrcSeedCredit), judgeFreeTrial, true},
	{ReasonCreditNotExceeded, LinkWhyNoInvoice, srcs(SrcCreditMOSP, SrcMCAAlways, SrcOfferStudents, SrcOfferDevTest, SrcOfferCredit, SrcAPIBillingType, SrcSeedCredit), judgeCredit, true},
	{ReasonNewSubscription, LinkWhyNoInvoice, srcs(SrcNew30Days), judgeNewSub, true},
	{ReasonPeriodOpen, LinkWhyNoInvoice, srcs(SrcNotYet, SrcMOSPPeriod, SrcMOSPTiming, SrcMCAMonthly, SrcAPIInvoiceDay, SrcEAClose, SrcEAOverage, SrcSeedPeriod), judgePeriodOpen, false},
	{ReasonNotAccountAdmin, LinkBillingAccess, srcs(SrcNoPermOther, SrcSeedAdmin), judgeNotAdmin, true},
	{ReasonCSPCustomer, LinkCSPInvoice, srcs(SrcSeedCSP, SrcMPAPartner), judgeCSP, true},
	{ReasonAzureInOpen, LinkAzureInOpen, srcs(SrcSeedAIO), judgeAIO, true},
	{ReasonAllowOthers, LinkAllowOthers, srcs(SrcAllowOthers, SrcMOSPRole), judgeAllowOthers, true},
	{ReasonPre2016, LinkAllowOthers, srcs(SrcPre2016), judgePre2016, true},
	{ReasonNoAccess, LinkBillingAccess, srcs(SrcNoPermMCA, SrcNoPermOther), judgeNoAccess, false},
	{ReasonWrongTenant, LinkWhyNoInvoice, srcs(SrcTenant), judgeWrongTenant, true},
	{ReasonIdentity, LinkWhyNoInvoice, srcs(SrcIdentity, SrcOtherAccount), judgeIdentity, false},
	{ReasonMCARole, LinkMCARoles, srcs(SrcNoPermMCA, SrcMCARoles), judgeMCARole, false},
	{ReasonEAInvoiceRole, LinkEAInvoice, srcs(SrcEAOnlyAdmin), judgeEAInvoiceRole, false},
	{ReasonEAViewCharges, LinkEARoles, srcs(SrcEAViewCharges, SrcSeedEAUsage), judgeEAViewCharges, false},
	{ReasonEAPrepayment, LinkEAInvoice, srcs(SrcEAWhenInvoice), judgeEAPrepayment, false},
	{ReasonPartnerBilled, LinkWhyNoInvoice, srcs(SrcEAIndirect, SrcMCAEmailPartner), judgePartner, true},
	{ReasonMovedToMCA, LinkMOSPToMCA, srcs(SrcMOSPToMCA, SrcAPITransitioned), judgeMovedToMCA, true},
	{ReasonEmailOff, LinkRecEmailInbox, srcs(SrcMCAEmailWho, SrcEAEmail, SrcMOSPEmailAdmin, SrcMCAEmailPartner, SrcSeedEmailMCA), judgeEmailOff, false},
	{ReasonGovNoEmail, LinkRecEmailInbox, srcs(SrcGovEmail), judgeGov, false},
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
		var v Verdict
		var ev Msg
		if r.perSub && f.Subscription == nil && len(f.Subscriptions) > 0 {
			v, ev = perSubscription(f, r.judge)
		} else {
			v, ev = r.judge(f)
		}
		p := "explain." + string(r.reason)
		next := p + ".next"
		if v == Unknown {
			next = p + ".check" // the step that checks what could not be read
		}
		out = append(out, Finding{
			Reason:   r.reason,
			Verdict:  v,
			Title:    Msg{ID: p + ".title"},
			Evidence: ev,
			Next:     Msg{ID: next},
			Link:     r.link,
			Sources:  append([]SourceID(nil), r.src...),
		})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Verdict < out[j].Verdict })
	return out
}

// perSubscription weighs a subscription reason for each subscription the
// account or profile holds: it applies when it applies to one of them, and
// is ruled out only when it is ruled out for all.
func perSubscription(f Facts, judge func(Facts) (Verdict, Msg)) (Verdict, Msg) {
	var applies, unknown []string
	var firstApplies, firstUnknown Msg
	for i := range f.Subscriptions {
		g := f
		g.Subscription = &f.Subscriptions[i]
		g.SubscriptionErr = nil
		v, ev := judge(g)
		name := Clean(f.Subscriptions[i].Title())
		switch v {
		case Applies:
			if len(applies) == 0 {
				firstApplies = ev
			}
			applies = append(applies, name)
		case Unknown:
			if len(unknown) == 0 {
				firstUnknown = ev
			}
			unknown = append(unknown, name)
		}
	}
	total := len(f.Subscriptions)
	switch {
	case len(applies) > 0:
		return Applies, msg("explain.ev.subs.applies", "Count", len(applies), "Total", total,
			"Names", joinNames(applies), "Detail", firstApplies)
	case len(unknown) > 0:
		return Unknown, msg("explain.ev.subs.unknown", "Count", len(unknown), "Total", total,
			"Names", joinNames(unknown), "Detail", firstUnknown)
	}
	return RuledOut, msg("explain.ev.subs.ruled_out", "Count", total)
}

// joinNames lists at most three names; the count says how many there are.
func joinNames(names []string) string {
	if len(names) > 3 {
		names = append(names[:3:3], "…")
	}
	return strings.Join(names, ", ")
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
