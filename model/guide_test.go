package model

import "testing"

func TestGuide(t *testing.T) {
	validKey := map[string]bool{GuideKeyNone: true, GuideKeyInvoices: true, GuideKeyDownload: true,
		GuideKeyUsage: true, GuideKeyEmail: true, GuideKeyWhy: true, GuideKeyLinks: true}
	cases := []struct {
		a         Agreement
		sections  int
		keys      []string // keys some step must offer
		links     []LinkID // links some step or section must carry
		steps     []string // step messages that must be there
		forbidden []Agreement
	}{
		{AgreementMOSP, 8, []string{"enter", "d", "u", "e", "w", "l"},
			[]LinkID{LinkPortalSubscriptions, LinkBillingAccess, LinkNoInvoiceLastPeriod, LinkProfilePreferences, LinkMOSPInvoice, LinkPortalSubscriptionsMS},
			[]string{"guide.mosp.email.each", "guide.mosp.email.check_address"}, []Agreement{AgreementMCA, AgreementEA, AgreementMPA}},
		{AgreementMCA, 6, []string{"enter", "d", "u", "e", "w"},
			[]LinkID{LinkMCACheckAccess, LinkPortal, LinkPortalCostBilling, LinkRecEmailInbox},
			[]string{"guide.mca.email.readers", "guide.mca.email.update", "guide.mca.email.who"}, []Agreement{AgreementMOSP, AgreementEA, AgreementMPA}},
		{AgreementEA, 5, []string{"u", "w"}, []LinkID{LinkEARoles, LinkPortalCostBilling},
			[]string{"guide.ea.who.roles", "guide.ea.usage.download"}, []Agreement{AgreementMOSP, AgreementMCA, AgreementMPA}},
		{AgreementMPA, 3, []string{"w"}, []LinkID{LinkCSPInvoice},
			[]string{"guide.csp.partner.no_usage"}, []Agreement{AgreementMOSP, AgreementMCA, AgreementEA}},
		{AgreementUnknown, 16, []string{"enter", "d", "u", "e", "w", "l"}, []LinkID{LinkCSPInvoice, LinkEARoles, LinkMOSPInvoice, LinkWhyNoInvoice},
			[]string{"guide.mosp.download.pdf", "guide.mca.email.readers", "guide.ea.who.roles", "guide.csp.partner.bills"}, nil},
		{Agreement("junk"), 16, nil, nil, nil, nil},
	}
	for _, c := range cases {
		t.Run(c.a.Badge()+string(c.a), func(t *testing.T) {
			g := Guide(c.a)
			if len(g) != c.sections {
				t.Fatalf("%d sections, want %d", len(g), c.sections)
			}
			keys, links, steps := map[string]bool{}, map[LinkID]bool{}, map[string]bool{}
			for _, s := range g {
				if s.TitleID == "" || len(s.Steps) == 0 {
					t.Errorf("section %q is empty", s.TitleID)
				}
				for _, bad := range c.forbidden {
					if s.Agreement == bad {
						t.Errorf("section %s of %s in the %s guide", s.TitleID, bad.Badge(), c.a.Badge())
					}
				}
				links[s.Link] = true
				for _, st := range s.Steps {
					if st.TextID == "" || !validKey[st.Key] {
						t.Errorf("step %q has key %q", st.TextID, st.Key)
					}
					keys[st.Key], links[st.Link], steps[st.TextID] = true, true, true
				}
			}
			for _, k := range c.keys {
				if !keys[k] {
					t.Errorf("no step offers key %q", k)
				}
			}
			for _, l := range c.links {
				if !links[l] {
					t.Errorf("no step links %s", l)
				}
			}
			for _, s := range c.steps {
				if !steps[s] {
					t.Errorf("step %s missing", s)
				}
			}
			// The shared sections always close the guide.
			if last := g[len(g)-1]; last.Agreement != AgreementUnknown || last.TitleID != "guide.docs.title" {
				t.Errorf("last section %s", last.TitleID)
			}
		})
	}
}

func TestGuideIsACopy(t *testing.T) {
	g := Guide(AgreementMOSP)
	g[0].Steps[0].Key = "x"
	if Guide(AgreementMOSP)[0].Steps[0].Key == "x" {
		t.Error("Guide shares its steps between calls")
	}
}
