package ui

import (
	"errors"
	"strings"
	"testing"

	"github.com/azinvoice/azinvoice/model"
)

func TestWhyGolden(t *testing.T) {
	tests := []struct {
		name  string
		open  func(h *harness)
		wants []string
	}{
		{"why_freetrial", func(h *harness) {
			h.keys("tab")
			h.selectRow("Fabrikam Free Trial")
			h.keys("w")
		}, []string{"Applies", "Free Trial"}},
		{"why_reader", func(h *harness) {
			h.selectRow("Contoso Ltd")
			h.keys("enter")
			h.selectRow("Research")
			h.keys("w")
		}, []string{"Applies"}},
		{"why_csp", func(h *harness) {
			h.keys("tab")
			h.selectRow("Northwind Retail (CSP)")
			h.keys("w")
		}, []string{"Applies", "CSP"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, 100, 40)
			tt.open(h)
			scr := h.screen()
			for _, w := range tt.wants {
				if !strings.Contains(scr, w) {
					t.Errorf("%q missing:\n%s", w, scr)
				}
			}
			golden(t, tt.name+"_100x40", scr)
		})
	}
}

// newReasonCases are the reasons today's docs add, each with its demo scope.
var newReasonCases = []struct {
	reason model.Reason
	tab    bool
	rows   []string
}{
	{model.ReasonAllowOthers, true, []string{"Fabrikam Agency"}},
	{model.ReasonCreditNotExceeded, true, []string{"Fabrikam Student Lab"}},
	{model.ReasonMovedToMCA, true, []string{"Contoso Web (was pay-as-you-go)"}},
	{model.ReasonEAPrepayment, false, []string{"Contoso Enterprise Enrollment"}},
	{model.ReasonEmailOff, false, []string{"Contoso Ltd", "Research"}},
	{model.ReasonWrongTenant, true, []string{"Tailspin Sandbox"}},
	{model.ReasonPartnerBilled, false, []string{"Contoso Ltd", "Contoso Reseller"}},
}

// TestEverySeedReasonApplies: for each reason of the seed article, and each
// reason today's docs add that the demo can show, there is a demo scope
// where the why screen names it as applying.
func TestEverySeedReasonApplies(t *testing.T) {
	tests := []struct {
		reason model.Reason
		tab    bool
		rows   []string
	}{
		{model.ReasonFreeTrial, true, []string{"Fabrikam Free Trial"}},
		{model.ReasonCreditNotExceeded, true, []string{"Fabrikam Dev (Visual Studio)"}},
		{model.ReasonNewSubscription, true, []string{"Fabrikam Free Trial"}},
		{model.ReasonNotAccountAdmin, true, []string{"Fabrikam Shared"}},
		{model.ReasonCSPCustomer, true, []string{"Northwind Retail (CSP)"}},
		{model.ReasonAzureInOpen, true, []string{"Fabrikam Open Licensing"}},
		{model.ReasonPeriodOpen, false, []string{"Contoso Ltd", "Research"}},
	}
	tests = append(tests, newReasonCases...)
	for _, tt := range tests {
		t.Run(string(tt.reason), func(t *testing.T) {
			h := newHarness(t, 120, 40)
			if tt.tab {
				h.keys("tab")
			}
			for i, r := range tt.rows {
				h.selectRow(r)
				if i < len(tt.rows)-1 {
					h.keys("enter")
				}
			}
			h.keys("w")
			w, ok := h.app.top().(*why)
			if !ok {
				t.Fatalf("w did not open the why screen:\n%s", h.screen())
			}
			for _, f := range w.findings {
				if f.Reason == tt.reason {
					if f.Verdict != model.Applies {
						t.Errorf("%s: verdict %v, evidence %q", tt.reason, f.Verdict, tr(f.Evidence))
					}
					return
				}
			}
			t.Errorf("%s not among the findings", tt.reason)
		})
	}
}

func TestDocsListsEverySeedLink(t *testing.T) {
	h := newHarness(t, 120, 40)
	h.keys("l")
	docs, ok := h.app.top().(*listScreen[model.Link])
	if !ok {
		t.Fatalf("l did not open the docs:\n%s", h.screen())
	}
	if docs.tbl.Total() != len(model.Links()) {
		t.Errorf("docs lists %d links, the catalogue has %d", docs.tbl.Total(), len(model.Links()))
	}
}

func TestOpenLinkAllowlist(t *testing.T) {
	var opened []string
	old := openBrowser
	openBrowser = func(u string) error { opened = append(opened, u); return errors.New("no browser here") }
	t.Cleanup(func() { openBrowser = old })
	tests := []struct {
		url  string
		open bool
	}{
		{"https://learn.microsoft.com/azure/cost-management-billing/", true},
		{"http://learn.microsoft.com/", false},
		{"file:///etc/passwd", false},
		{"javascript:alert(1)", false},
		{"https://portal.azure.com.evil.example/", false},
		{"https://portal.azure.com@evil.example/", false},
	}
	for _, tt := range tests {
		opened = nil
		msg := openLink(tt.url)()
		switch m := msg.(type) {
		case openedMsg:
			if !tt.open || len(opened) != 1 {
				t.Errorf("%s: opened=%v", tt.url, opened)
			}
			if st := openedStatus(m); st.url != tt.url {
				t.Errorf("%s: with no browser the URL is not shown: %+v", tt.url, st)
			}
		case statusMsg:
			if tt.open || !m.isErr || len(opened) != 0 {
				t.Errorf("%s: refused=%v opened=%v", tt.url, m.isErr, opened)
			}
		default:
			t.Errorf("%s: unexpected %T", tt.url, msg)
		}
	}
}
