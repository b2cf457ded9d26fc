package model

import "time"

// The seed article's reasons, as today's docs state them
// (understand/download-azure-invoice#noinvoice). Each judge's comment names
// the sentence it encodes; sources.go holds the sentences.

// offerText is the subscription's offer as Azure names it (offer ID, else quota ID).
func offerText(s *Subscription) string {
	if s.OfferID != "" {
		return Clean(s.OfferID)
	}
	return Clean(s.QuotaID)
}

// alwaysInvoiced: "If you have a billing account for a Microsoft Customer
// Agreement (MCA) or a Microsoft Partner Agreement (MPA), you always receive
// an invoice." (SrcMCAAlways)
func alwaysInvoiced(a Agreement) bool { return a == AgreementMCA || a == AgreementMPA }

// judgeFreeTrial: "Under a Microsoft Online Services Program (MOSP)
// agreement, you receive an invoice only if your usage exceeds the monthly
// credit amount. This situation applies if you signed up for an Azure Free
// Account…" (SrcCreditMOSP). MCA and MPA always get an invoice.
func judgeFreeTrial(f Facts) (Verdict, Msg) {
	s, billing := f.subBilling()
	a := f.agreement()
	switch {
	case alwaysInvoiced(a):
		return RuledOut, agreementMsg("explain.ev.always_invoiced", a)
	case a == AgreementEA:
		return RuledOut, agreementMsg("explain.free_trial.ev.agreement", a)
	case s != nil && s.Offer() == OfferFreeTrial:
		return Applies, msg("explain.free_trial.ev.offer", "Offer", offerText(s))
	case billing && s.BillingType == BillingFree:
		return Applies, msg("explain.free_trial.ev.billing_type", "Type", string(s.BillingType))
	case billing && s.BillingType != BillingUnknown:
		return RuledOut, msg("explain.free_trial.ev.paid", "Type", Clean(string(s.BillingType)))
	}
	return Unknown, unread("sub", f.subErr())
}

// judgeCredit: "…or have a subscription that includes a monthly credit"
// (SrcCreditMOSP), MOSP only. The offer decides where its ID names one
// offer (Azure for Students is MS-AZR-0170P, SrcOfferStudents); a quota ID
// several offers share (MSDNDevTest_2014-09-01, SrcOfferDevTest) does not,
// and the billing property's subscriptionBillingType (Benefit) does.
func judgeCredit(f Facts) (Verdict, Msg) {
	s, billing := f.subBilling()
	a := f.agreement()
	switch {
	case alwaysInvoiced(a):
		return RuledOut, agreementMsg("explain.ev.always_invoiced", a)
	case a == AgreementEA:
		return RuledOut, agreementMsg("explain.credit.ev.agreement", a)
	}
	if s != nil {
		if credit, known := s.Offer().HasCredit(); known && credit {
			return Applies, msg("explain.credit.ev.offer", "Offer", offerText(s))
		}
	}
	switch {
	case billing && s.BillingType == BillingBenefit:
		return Applies, msg("explain.credit.ev.billing_type", "Type", string(s.BillingType))
	case billing && s.BillingType == BillingFree:
		return RuledOut, msg("explain.credit.ev.free_trial")
	case billing && s.BillingType != BillingUnknown:
		return RuledOut, msg("explain.credit.ev.paid", "Type", Clean(string(s.BillingType)))
	case s != nil && s.Offer() == OfferShared:
		return Unknown, msg("explain.credit.ev.shared_quota", "Quota", Clean(s.QuotaID))
	}
	return Unknown, unread("sub", f.subErr())
}

// judgeNewSub: "It's less than 30 days from the day you subscribed to
// Azure." (SrcNew30Days) The creation date alone decides: it is known even
// when other billing fields are not.
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

// judgePeriodOpen: "Azure bills you a few days after the end of your
// billing period. So, an invoice might not be generated yet." (SrcNotYet)
// The period and the day its invoice comes are per agreement: MOSP periods
// start on the subscription's day and invoices come up to two days late
// (SrcMOSPPeriod, SrcMOSPTiming); MCA periods are calendar months invoiced
// on the profile's invoiceDay (SrcMCAMonthly, SrcAPIInvoiceDay); EA months
// close up to 72 hours after they end (SrcEAClose).
func judgePeriodOpen(f Facts) (Verdict, Msg) {
	if w := f.Wanted; w != nil {
		if w.End.IsZero() {
			return Unknown, msg("explain.period_open.ev.no_period")
		}
		return f.periodVerdict(*w)
	}
	d, ok := f.periodDay()
	if !ok {
		if f.agreement().HasProfiles() && f.Profile == nil {
			return Unknown, unread("profile", f.ProfileErr)
		}
		return Unknown, msg("explain.period_open.ev.no_period")
	}
	cur := CurrentPeriod(f.Now, d)
	if w := f.Window; w != nil && !w.End.IsZero() && w.End.Before(cur.Start) {
		// A window in the past: its last period ended; weigh that one.
		last := CurrentPeriod(w.End, d)
		if v, m := f.periodVerdict(last); v != RuledOut {
			return v, m
		}
		return RuledOut, msg("explain.period_open.ev.past_window", "From", day(w.Start), "To", day(w.End),
			"By", day(f.invoiceExpected(last)))
	}
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
	return f.periodVerdict(prev)
}

// periodVerdict weighs one period: open, or ended but its invoice not yet
// due, means its invoice is not there yet; past the day it comes, the
// period does not explain it.
func (f Facts) periodVerdict(p Period) (Verdict, Msg) {
	if !p.Ended(f.Now) {
		return Applies, openMsg(f.Now, p)
	}
	since := daysBetween(p.End, f.Now)
	by := f.invoiceExpected(p)
	if f.Now.Before(by.AddDate(0, 0, 1)) {
		return Applies, msg("explain.period_open.ev.recent", "End", day(p.End), "Count", since, "By", day(by))
	}
	return RuledOut, msg("explain.period_open.ev.ended", "End", day(p.End), "Count", since, "By", day(by))
}

func openMsg(now time.Time, p Period) Msg {
	return msg("explain.period_open.ev.open", "Start", day(p.Start), "End", day(p.End),
		"Count", daysBetween(now, p.End)+1)
}

// judgeNotAdmin: "For other billing accounts, you might not see the invoices
// if you aren't the Account Administrator." (SrcNoPermOther; the seed said
// "older invoices", SrcSeedAdmin). Only MOSP has an Account Administrator;
// elsewhere billing roles decide (the MCA and EA role reasons).
func judgeNotAdmin(f Facts) (Verdict, Msg) {
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

// judgeCSP: "Microsoft doesn't provide any usage reports or consumption data
// to Azure CSP customers." (SrcSeedCSP) A CSP customer's subscription is
// billed under its partner's MPA (SrcMPAPartner); the MPA account itself is
// the partner's, and an MCA bought through a partner (IndirectCustomer) is
// not CSP (the partner reason weighs it).
func judgeCSP(f Facts) (Verdict, Msg) {
	if sig := f.cspSignal(); sig != "" {
		return Applies, msg("explain.csp.ev." + sig)
	}
	a := f.agreement()
	switch {
	case a == AgreementEA || a == AgreementMOSP:
		return RuledOut, agreementMsg("explain.csp.ev.agreement", a)
	case a == AgreementMPA && f.Subscription == nil:
		return RuledOut, msg("explain.csp.ev.partner")
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

// judgeAIO: the seed's "Learn more on AIO (Azure in open) billing and
// usage" (SrcSeedAIO): Azure in Open is bought from a reseller.
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
