package model

// Keys a guide step can name: the azinvoice key that does the step for the
// person. The UI's key map binds the same keys.
const (
	GuideKeyNone     = ""
	GuideKeyInvoices = "enter" // open the scope's invoices
	GuideKeyDownload = "d"     // download the invoice PDF
	GuideKeyUsage    = "u"     // download the usage file
	GuideKeyEmail    = "e"     // the email-invoice screen
	GuideKeyWhy      = "w"     // why an invoice is missing
	GuideKeyLinks    = "l"     // the doc links
)

// GuideStep is one portal step. TextID is its message; Key is the
// azinvoice key that does it ("" when only the portal can); Link is the
// portal blade or doc for it ("" when none). Seed marks a step as the 2021
// seed article words it (kept visible, marked as the article's); Source is
// the doc sentence a step of today's docs follows.
type GuideStep struct {
	TextID string
	Key    string
	Link   LinkID
	Seed   bool
	Source SourceID
}

// GuideSection is one task (download, usage, email…) as a checklist. A Seed
// section is the seed article's own steps for a task whose portal path has
// changed since; today's path is the section before it.
type GuideSection struct {
	Agreement Agreement // AgreementUnknown for the sections every agreement shares
	TitleID   string
	Link      LinkID // the doc for the whole task
	Steps     []GuideStep
	Seed      bool
}

func step(id, key string, link LinkID) GuideStep {
	return GuideStep{TextID: "guide." + id, Key: key, Link: link, Seed: true}
}

// today is a step of today's docs, with the sentence it follows.
func today(id, key string, link LinkID, src SourceID) GuideStep {
	return GuideStep{TextID: "guide." + id, Key: key, Link: link, Source: src}
}

func section(a Agreement, id string, link LinkID, steps ...GuideStep) GuideSection {
	return GuideSection{Agreement: a, TitleID: "guide." + id + ".title", Link: link, Steps: steps}
}

// seedSection is the seed article's own steps for a task, marked as such.
func seedSection(a Agreement, id string, link LinkID, steps ...GuideStep) GuideSection {
	s := section(a, id, link, steps...)
	s.Seed = true
	return s
}

// Guide returns the portal steps for an agreement, then the sections every
// agreement shares (troubleshooting, documents). For an unknown agreement it
// returns every agreement's sections, as the seed article does.
func Guide(a Agreement) []GuideSection {
	var out []GuideSection
	switch a {
	case AgreementMOSP, AgreementMCA, AgreementEA, AgreementMPA:
		out = append(out, guideFor(a)...)
	default:
		for _, each := range []Agreement{AgreementMOSP, AgreementMCA, AgreementEA, AgreementMPA} {
			out = append(out, guideFor(each)...)
		}
	}
	return append(out, shared()...)
}

func guideFor(a Agreement) []GuideSection {
	switch a {
	case AgreementMOSP:
		return mospGuide()
	case AgreementMCA:
		return mcaGuide()
	case AgreementEA:
		return eaGuide()
	case AgreementMPA:
		return cspGuide()
	}
	return nil
}

func mospGuide() []GuideSection {
	a := AgreementMOSP
	return []GuideSection{
		section(a, "mosp.download", LinkInvoiceUsageData,
			step("mosp.download.select", GuideKeyInvoices, LinkPortalSubscriptions),
			today("mosp.download.access", GuideKeyNone, LinkBillingAccess, SrcMOSPRole),
			step("mosp.download.pdf", GuideKeyDownload, LinkInvoiceUsageData),
			step("mosp.download.not_available", GuideKeyWhy, LinkNoInvoiceLastPeriod),
		),
		section(a, "mosp.allow", LinkAllowOthers,
			today("mosp.allow.path", GuideKeyNone, LinkAllowOthers, SrcAllowOthers),
			today("mosp.allow.old", GuideKeyNone, LinkAllowOthers, SrcPre2016),
		),
		section(a, "mosp.usage", LinkInvoiceUsageData,
			step("mosp.usage.period", GuideKeyUsage, LinkInvoiceUsageData),
			step("mosp.usage.understand", GuideKeyNone, LinkUnderstandBill),
			step("mosp.usage.costs", GuideKeyNone, LinkPreventCosts),
		),
		section(a, "mosp.email", LinkMOSPEmail,
			today("mosp.email.path", GuideKeyEmail, LinkMOSPEmail, SrcMOSPEmail),
			today("mosp.email.status", GuideKeyNone, "", SrcMOSPEmail),
			today("mosp.email.admin", GuideKeyNone, "", SrcMOSPEmailAdmin),
		),
		seedSection(a, "mosp.email_seed", LinkEmailBlog,
			step("mosp.email.select", GuideKeyEmail, LinkPortalSubscriptionsMS),
			step("mosp.email.opt_in", GuideKeyNone, ""),
			step("mosp.email.each", GuideKeyNone, ""),
			step("mosp.email.check_address", GuideKeyNone, LinkProfilePreferences),
		),
		section(a, "mosp.sub_invoice", LinkMOSPInvoice,
			step("mosp.sub_invoice.download", GuideKeyDownload, LinkMOSPInvoice),
			today("mosp.sub_invoice.timing", GuideKeyNone, "", SrcMOSPTiming),
			today("mosp.sub_invoice.marketplace", GuideKeyNone, "", SrcMarketplace9th),
		),
	}
}

func mcaGuide() []GuideSection {
	a := AgreementMCA
	return []GuideSection{
		section(a, "mca.access", LinkMCACheckAccess,
			step("mca.access.check", GuideKeyNone, LinkMCACheckAccess),
			today("mca.access.roles", GuideKeyWhy, LinkMCARoles, SrcMCARoles),
		),
		section(a, "mca.usage", LinkPortal,
			step("mca.usage.portal", GuideKeyNone, LinkPortal),
			today("mca.usage.invoices", GuideKeyInvoices, LinkPortalCostBilling, SrcMCAMonthly),
			step("mca.usage.download", GuideKeyUsage, ""),
			today("mca.usage.ready", GuideKeyNone, "", SrcMCAUsage72h),
			step("mca.usage.pdf", GuideKeyDownload, ""),
		),
		section(a, "mca.email", LinkMCAEmail,
			today("mca.email.path", GuideKeyEmail, LinkMCAEmail, SrcMCAEmailSteps),
			today("mca.email.toggle", GuideKeyEmail, "", SrcMCAEmailSteps),
			today("mca.email.receivers", GuideKeyNone, LinkMCARoles, SrcMCAEmailWho),
			today("mca.email.change", GuideKeyNone, LinkMCARoles, SrcMCAEmailChange),
			today("mca.email.partner", GuideKeyNone, "", SrcMCAEmailPartner),
		),
		seedSection(a, "mca.email_seed", LinkRecEmailInbox,
			step("mca.email.who", GuideKeyNone, LinkMCARoles),
			step("mca.email.search", GuideKeyNone, LinkPortalCostBilling),
			step("mca.email.properties", GuideKeyNone, ""),
			step("mca.email.update", GuideKeyNone, ""),
			step("mca.email.readers", GuideKeyNone, ""),
		),
	}
}

func eaGuide() []GuideSection {
	a := AgreementEA
	return []GuideSection{
		section(a, "ea.invoice", LinkEAInvoice,
			today("ea.invoice.who", GuideKeyWhy, LinkEAInvoice, SrcEAOnlyAdmin),
			today("ea.invoice.path", GuideKeyInvoices, LinkPortalCostBilling, SrcEAOnlyAdmin),
			today("ea.invoice.email", GuideKeyNone, "", SrcEAEmail),
			today("ea.invoice.prepay", GuideKeyNone, "", SrcEAWhenInvoice),
		),
		section(a, "ea.who", LinkEARoles,
			step("ea.who.roles", GuideKeyWhy, LinkEARoles),
			today("ea.who.policy", GuideKeyNone, LinkEARoles, SrcEAViewCharges),
		),
		section(a, "ea.usage", LinkPortalCostBilling,
			today("ea.usage.path", GuideKeyUsage, LinkEAInvoice, SrcEAUsagePath),
			step("ea.usage.search", GuideKeyNone, LinkPortalCostBilling),
			step("ea.usage.download", GuideKeyUsage, ""),
			today("ea.usage.months", GuideKeyNone, "", SrcCost13Months),
		),
	}
}

func cspGuide() []GuideSection {
	a := AgreementMPA
	return []GuideSection{
		section(a, "csp.partner", LinkCSPInvoice,
			today("csp.partner.mpa", GuideKeyNone, "", SrcMPAPartner),
			step("csp.partner.bills", GuideKeyNone, ""),
			step("csp.partner.no_usage", GuideKeyWhy, ""),
			step("csp.partner.invoice_doc", GuideKeyNone, LinkCSPInvoice),
		),
	}
}

func shared() []GuideSection {
	a := AgreementUnknown
	return []GuideSection{
		section(a, "why", LinkWhyNoInvoice,
			step("why.check", GuideKeyWhy, LinkWhyNoInvoice),
			step("why.aio", GuideKeyNone, LinkAzureInOpen),
		),
		section(a, "docs", LinkRecRequestDownload,
			step("docs.recommended", GuideKeyLinks, ""),
			step("docs.terms", GuideKeyNone, LinkInvoiceTerms),
			step("docs.usage", GuideKeyNone, LinkUsageCharges),
		),
	}
}
