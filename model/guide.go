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

// GuideStep is one portal step of the seed article. TextID is its message;
// Key is the azinvoice key that does it ("" when only the portal can); Link
// is the portal blade or doc for it ("" when none).
type GuideStep struct {
	TextID string
	Key    string
	Link   LinkID
}

// GuideSection is one task (download, usage, email…) as a checklist.
type GuideSection struct {
	Agreement Agreement // AgreementUnknown for the sections every agreement shares
	TitleID   string
	Link      LinkID // the doc for the whole task
	Steps     []GuideStep
}

func step(id, key string, link LinkID) GuideStep {
	return GuideStep{TextID: "guide." + id, Key: key, Link: link}
}

func section(a Agreement, id string, link LinkID, steps ...GuideStep) GuideSection {
	return GuideSection{Agreement: a, TitleID: "guide." + id + ".title", Link: link, Steps: steps}
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
			step("mosp.download.access", GuideKeyNone, LinkBillingAccess),
			step("mosp.download.pdf", GuideKeyDownload, LinkInvoiceUsageData),
			step("mosp.download.not_available", GuideKeyWhy, LinkNoInvoiceLastPeriod),
		),
		section(a, "mosp.usage", LinkInvoiceUsageData,
			step("mosp.usage.period", GuideKeyUsage, LinkInvoiceUsageData),
			step("mosp.usage.understand", GuideKeyNone, LinkUnderstandBill),
			step("mosp.usage.costs", GuideKeyNone, LinkPreventCosts),
		),
		section(a, "mosp.email", LinkEmailBlog,
			step("mosp.email.select", GuideKeyEmail, LinkPortalSubscriptionsMS),
			step("mosp.email.opt_in", GuideKeyEmail, ""),
			step("mosp.email.each", GuideKeyNone, ""),
			step("mosp.email.check_address", GuideKeyNone, LinkProfilePreferences),
		),
		section(a, "mosp.sub_invoice", LinkMOSPInvoice,
			step("mosp.sub_invoice.download", GuideKeyDownload, LinkMOSPInvoice),
		),
	}
}

func mcaGuide() []GuideSection {
	a := AgreementMCA
	return []GuideSection{
		section(a, "mca.access", LinkMCACheckAccess,
			step("mca.access.check", GuideKeyNone, LinkMCACheckAccess),
			step("mca.access.roles", GuideKeyWhy, LinkMCARoles),
		),
		section(a, "mca.usage", LinkPortal,
			step("mca.usage.portal", GuideKeyNone, LinkPortal),
			step("mca.usage.invoices", GuideKeyInvoices, LinkPortalCostBilling),
			step("mca.usage.download", GuideKeyUsage, ""),
			step("mca.usage.pdf", GuideKeyDownload, ""),
		),
		section(a, "mca.email", LinkRecEmailInbox,
			step("mca.email.who", GuideKeyNone, LinkMCARoles),
			step("mca.email.search", GuideKeyNone, LinkPortalCostBilling),
			step("mca.email.properties", GuideKeyEmail, ""),
			step("mca.email.update", GuideKeyEmail, ""),
			step("mca.email.readers", GuideKeyNone, ""),
		),
	}
}

func eaGuide() []GuideSection {
	a := AgreementEA
	return []GuideSection{
		section(a, "ea.who", LinkEARoles,
			step("ea.who.roles", GuideKeyWhy, LinkEARoles),
		),
		section(a, "ea.usage", LinkPortalCostBilling,
			step("ea.usage.search", GuideKeyNone, LinkPortalCostBilling),
			step("ea.usage.download", GuideKeyUsage, ""),
			step("ea.usage.no_email", GuideKeyNone, ""),
		),
	}
}

func cspGuide() []GuideSection {
	a := AgreementMPA
	return []GuideSection{
		section(a, "csp.partner", LinkCSPInvoice,
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
