package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/azinvoice/azinvoice/client"
	"github.com/azinvoice/azinvoice/model"
	"github.com/azinvoice/azinvoice/ui/i18n"
)

// pushWhy opens the why screen on fixed facts, as the client would gather them.
func pushWhy(h *harness, title string, f model.Facts) *why {
	w := whyScreen(h.app.c, title, client.FactsRequest{Scope: f.Scope})
	w.gather = func(context.Context) model.Facts { return f }
	h.run(push(w))
	return w
}

func eur(v float64) model.Money { return model.Money{Amount: v, Currency: "EUR", Known: true} }

// TestWhyTruthGolden: the why screens issue 9 asks for, each checked for
// what it must (and must not) say.
func TestWhyTruthGolden(t *testing.T) {
	eaScope := model.Scope{Kind: model.ScopeAccount, Agreement: model.AgreementEA, AccountName: "8608480"}
	mcaScope := model.Scope{Kind: model.ScopeProfile, Agreement: model.AgreementMCA, AccountName: "b5492c9a", ProfileName: "BB34"}
	tests := []struct {
		name    string
		open    func(h *harness)
		wants   []string
		unwants []string
	}{
		{"why_mosp_allow_others_off", func(h *harness) {
			h.keys("tab")
			h.selectRow("Fabrikam Agency")
			h.keys("w")
		}, []string{"Applies · The Account Administrator has not allowed others", "Allow others to download invoice"}, nil},
		{"why_ea_department_admin", func(h *harness) {
			pushWhy(h, "Contoso Enterprise Enrollment", model.Facts{Now: testNow, Scope: eaScope, Agreement: model.AgreementEA,
				CallerRoleEA: model.RoleDepartmentAdmin, CallerKind: model.IdentityWork, CallerName: "dept-admin@contoso.com",
				Policies:     &model.Policies{DepartmentAdminViewCharges: model.ViewChargesAllowed, AccountOwnerViewCharges: model.ViewChargesAllowed},
				InvoicesRead: true, InvoicesErr: model.ErrForbidden,
				Account: &model.Account{Agreement: model.AgreementEA, Enrollment: &model.Enrollment{Channel: "EaDirect"}}})
		}, []string{"Applies · Only an Enterprise Administrator can view and download an EA invoice", "Department"}, nil},
		{"why_mca_profile_with_credit", func(h *harness) {
			on := true
			inv := model.Invoice{Name: "G0123", Date: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC),
				Period:     model.Period{Start: time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC), End: time.Date(2026, 10, 31, 0, 0, 0, 0, time.UTC)},
				FreeCredit: eur(50), Credit: eur(120)}
			pushWhy(h, "Finance", model.Facts{Now: testNow, Scope: mcaScope, Agreement: model.AgreementMCA,
				Profile:  &model.Profile{Name: "BB34", DisplayName: "Finance", InvoiceDay: 1, Relationship: "Direct", Email: model.EmailPreference{OptIn: &on}},
				Access:   &model.Access{Role: model.RoleOwner, CanReadInvoices: true},
				Invoices: []model.Invoice{inv}, InvoicesRead: true, Cloud: "AzureCloud", CallerTenantID: "t"})
		}, []string{"The invoice is not generated yet"}, []string{"Applies · Pay-as-you-go credit", "credit not exceeded", "Applies · Free account"}},
		{"why_ea_prepayment", func(h *harness) {
			h.selectRow("Contoso Enterprise Enrollment")
			h.keys("w")
		}, []string{"Applies · The Azure Prepayment covered the month's usage", "no overage"}, nil},
		{"why_past_window", func(h *harness) {
			h.selectRow("Contoso Ltd")
			h.keys("enter")
			h.selectRow("Finance")
			h.keys("enter", "[", "w")
		}, []string{"a window in the past", "Periods from 2024-"}, []string{"Applies · The invoice is not generated yet"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, 100, 60)
			tt.open(h)
			scr := h.screen()
			for _, w := range tt.wants {
				if !strings.Contains(scr, w) {
					t.Errorf("%q missing:\n%s", w, scr)
				}
			}
			for _, w := range tt.unwants {
				if strings.Contains(scr, w) {
					t.Errorf("%q must not be said:\n%s", w, scr)
				}
			}
			golden(t, tt.name+"_100x60", scr)
		})
	}
}

// TestChangedNotesExist: every source that changed since the seed has its
// "changed since the 2021 article" note.
func TestChangedNotesExist(t *testing.T) {
	for _, s := range model.Sources() {
		if id := s.ChangedMsg(); id != "" && !i18n.Has(id) {
			t.Errorf("%s: no message %s", s.ID, id)
		}
	}
}

// TestDetailAmounts: each amount carries the API's meaning; MCA-only
// amounts say "not given" on MOSP and EA invoices; statuses use the
// portal's words.
func TestDetailAmounts(t *testing.T) {
	tests := []struct {
		name    string
		path    []string
		down    int
		wants   []string
		unwants []string
	}{
		{"detail_mosp", []string{"Fabrikam Studio", "Fabrikam Production"}, 0,
			[]string{"the charges of the billing period", "due as of now", "not given"}, []string{"Overdue"}},
		{"detail_mca_refund", []string{"Contoso Ltd", "Finance"}, 1,
			[]string{"Refunds", "€120.00", "refunds for returns and cancellations", "Past due"}, []string{"not given", "Overdue"}},
		{"detail_ea", []string{"Contoso Enterprise Enrollment"}, 0,
			[]string{"not given", "$"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, 100, 40)
			for _, r := range tt.path {
				h.selectRow(r)
				h.keys("enter")
			}
			for i := 0; i < tt.down; i++ {
				h.keys("j")
			}
			h.keys("enter")
			scr := h.screen()
			for _, w := range tt.wants {
				if !strings.Contains(scr, w) {
					t.Errorf("%q missing:\n%s", w, scr)
				}
			}
			for _, w := range tt.unwants {
				if strings.Contains(scr, w) {
					t.Errorf("%q must not be shown:\n%s", w, scr)
				}
			}
			golden(t, tt.name+"_100x40", scr)
		})
	}
}

// TestGuideMarksTheSeed: the guide gives today's portal path first and
// keeps the 2021 article's own steps, marked as the article's.
func TestGuideMarksTheSeed(t *testing.T) {
	h := newHarness(t, 120, 200)
	h.keys("g")
	scr := h.screen()
	for _, w := range []string{"Receive invoice by", "as the 2021 article gave it", "Email my invoice"} {
		if !strings.Contains(scr, w) {
			t.Errorf("%q missing:\n%s", w, scr)
		}
	}
	if strings.Index(scr, "Receive invoice by") > strings.Index(scr, "Email my invoice") {
		t.Errorf("the article's steps come before today's path:\n%s", scr)
	}
}

// TestPre2016InDemo: looking back before December 2016 on a subscription
// whose Account Administrator you are not names the December 2016 limit.
func TestPre2016InDemo(t *testing.T) {
	h := newHarness(t, 120, 40)
	h.keys("tab")
	h.selectRow("Fabrikam Agency")
	h.keys("enter")
	for i := 0; i < 11; i++ {
		h.keys("[")
	}
	h.keys("w")
	w, ok := h.app.top().(*why)
	if !ok {
		t.Fatalf("w did not open the why screen:\n%s", h.screen())
	}
	for _, f := range w.findings {
		if f.Reason == model.ReasonPre2016 && f.Verdict != model.Applies {
			t.Errorf("pre-2016: %v, %s\n%s", f.Verdict, tr(f.Evidence), h.screen())
		}
	}
}
