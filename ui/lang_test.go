package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/charmbracelet/x/ansi"

	"github.com/azinvoice/azinvoice/ui/i18n"
)

// inLatvian runs the rest of the test in Latvian and restores English after.
func inLatvian(t *testing.T) {
	t.Helper()
	i18n.SetLanguage("lv")
	t.Cleanup(func() { i18n.SetLanguage("en") })
}

// fitsScreen: exactly h lines, none wider than w cells, so nothing wrapped.
func fitsScreen(t *testing.T, scr string, w, h int) {
	t.Helper()
	lines := strings.Split(scr, "\n")
	if len(lines) != h {
		t.Errorf("%d lines, want %d:\n%s", len(lines), h, scr)
	}
	for i, l := range lines {
		if cw := ansi.StringWidth(l); cw > w {
			t.Errorf("line %d is %d cells wide (> %d): %q", i+1, cw, w, l)
		}
	}
}

// TestLatvianGolden: the main screens in Latvian at 80×24 (every invoice, A,
// is the cross-scope screen), each fitting the terminal: longer Latvian
// words are cut with "…", never wrapped.
func TestLatvianGolden(t *testing.T) {
	tests := []struct {
		name  string
		open  func(h *harness)
		wants []string
	}{
		{"lv_accounts_80x24", func(h *harness) {}, []string{"Izmaksu pārvaldība + Norēķini", "Norēķinu tvērumi", "Norēķinu konts"}},
		{"lv_invoices_80x24", func(h *harness) {
			h.selectRow("Contoso Ltd")
			h.keys("enter")
			h.selectRow("Finance")
			h.keys("enter")
		}, []string{"Rēķini", "Norēķinu periods", "€"}},
		{"lv_why_80x24", func(h *harness) {
			h.keys("tab")
			h.selectRow("Fabrikam Free Trial")
			h.keys("w")
		}, []string{"Kāpēc es neredzu rēķinu?", "Attiecas"}},
		{"lv_email_80x24", func(h *harness) {
			h.selectRow("Contoso Ltd")
			h.keys("enter")
			h.selectRow("Finance")
			h.keys("e")
		}, []string{"Saņemt rēķinus e-pastā", "Rēķini e-pastā"}},
		{"lv_every_80x24", func(h *harness) { h.keys("A") }, []string{"Visi rēķini", "tvērum", "Jāmaksā:", "Kavēts"}},
		{"lv_help_80x24", func(h *harness) { h.keys("?") }, []string{"Taustiņi", "English"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			inLatvian(t)
			h := newHarness(t, 80, 24)
			tt.open(h)
			scr := h.screen()
			for _, w := range tt.wants {
				if !strings.Contains(scr, w) {
					t.Errorf("%q missing:\n%s", w, scr)
				}
			}
			fitsScreen(t, scr, 80, 24)
			golden(t, tt.name, scr)
		})
	}
}

// TestLanguageKey: L redraws everything in the other language — crumbs,
// column titles, rows, amounts, the help line — keeping the cursor; a
// second L gives back exactly the English screen.
func TestLanguageKey(t *testing.T) {
	t.Cleanup(func() { i18n.SetLanguage("en") })
	h := newHarness(t, 120, 30)
	h.selectRow("Contoso Ltd")
	h.keys("enter")
	h.selectRow("Finance")
	h.keys("enter", "j")
	english, row := h.screen(), h.selected()
	if !strings.Contains(english, "€") || !strings.Contains(english, "Billing period") {
		t.Fatalf("not the English invoices screen:\n%s", english)
	}
	h.keys("L")
	lv := h.screen()
	for _, want := range []string{"Izmaksu pārvaldība + Norēķini", "Norēķinu profili", "Rēķini", "Norēķinu periods", "Jāmaksā", "Anulēts", ",", "palīdzība"} {
		if !strings.Contains(lv, want) {
			t.Errorf("after L, %q missing:\n%s", want, lv)
		}
	}
	for _, gone := range []string{"Cost Management", "Billing period", "Paid", "help"} {
		if strings.Contains(lv, gone) {
			t.Errorf("after L, %q still shown:\n%s", gone, lv)
		}
	}
	fitsScreen(t, lv, 120, 30)
	h.keys("L")
	if got := h.screen(); got != english {
		t.Errorf("L twice is not the same screen:\n--- got:\n%s\n--- want:\n%s", got, english)
	}
	if h.selected() != row {
		t.Errorf("cursor moved: %q, was %q", h.selected(), row)
	}
}

// TestLanguageKeyInInput: L typed into a filter is a letter, not a switch.
func TestLanguageKeyInInput(t *testing.T) {
	t.Cleanup(func() { i18n.SetLanguage("en") })
	h := newHarness(t, 100, 30)
	h.keys("/", "L")
	if i18n.Language() != "en" {
		t.Fatal("L in the filter switched the language")
	}
}

// TestLanguageKeyOnTextScreens: the why screen and the guide are laid out
// again in the other language, the selected block kept.
func TestLanguageKeyOnTextScreens(t *testing.T) {
	t.Cleanup(func() { i18n.SetLanguage("en") })
	h := newHarness(t, 100, 40)
	h.keys("tab")
	h.selectRow("Fabrikam Free Trial")
	h.keys("w", "j")
	w, ok := h.app.top().(*why)
	if !ok {
		t.Fatalf("not the why screen:\n%s", h.screen())
	}
	cur := w.pg.cursor
	h.keys("L")
	mustShow(t, h, "Kāpēc es neredzu rēķinu?", "Attiecas", "Kāpēc nav rēķina?")
	if w.pg.cursor != cur {
		t.Errorf("why: cursor %d, was %d", w.pg.cursor, cur)
	}
	h.keys("g")
	mustShow(t, h, "Portāla ceļvedis", "Abonementi")
	h.keys("L")
	mustShow(t, h, "Portal guide", "Subscriptions")
}

// TestLanguageKeyOnIssue11Screens: L also redraws what issue 11 added — the
// status bar, every invoice (A), the IDs view (i), the downloads panel
// (ctrl+o) and the full help — and a second L gives back the English screen.
func TestLanguageKeyOnIssue11Screens(t *testing.T) {
	t.Cleanup(func() { i18n.SetLanguage("en") })
	both := func(t *testing.T, h *harness, lv []string, gone []string) {
		t.Helper()
		english := h.screen()
		h.keys("L")
		mustShow(t, h, lv...)
		scr := h.screen()
		for _, g := range gone {
			if strings.Contains(scr, g) {
				t.Errorf("after L, %q still shown:\n%s", g, scr)
			}
		}
		fitsScreen(t, scr, h.app.c.width, h.app.c.height)
		h.keys("L")
		if got := h.screen(); got != english {
			t.Errorf("L twice is not the same screen:\n--- got:\n%s\n--- want:\n%s", got, english)
		}
	}
	t.Run("every", func(t *testing.T) {
		h := newHarness(t, 120, 30, demoReadOnly)
		h.keys("A")
		if _, ok := h.app.top().(*everyInvoice); !ok {
			t.Fatalf("A did not open every invoice:\n%s", h.screen())
		}
		both(t, h, []string{"Visi rēķini", "Konts vai profils", "tvērum", "Jāmaksā:", "Kavēts", "TIKAI LASĪT"},
			[]string{"Every invoice", "Past due", "READ-ONLY", "scopes read"})
		h.keys("enter")
		if _, ok := h.app.top().(*detail); !ok {
			t.Fatalf("enter did not open the invoice:\n%s", h.screen())
		}
		both(t, h, []string{"Izmaksu pārvaldība + Norēķini"}, []string{"Cost Management"})
	})
	t.Run("info", func(t *testing.T) {
		h := financeInvoices(t)
		h.keys("i")
		both(t, h, []string{"Rēķina ID", "Norēķinu konta ID", "Portāls"}, []string{"Invoice ID", "Billing account ID"})
	})
	t.Run("downloads", func(t *testing.T) {
		h := financeInvoices(t)
		h.keys("space", "space")
		both(t, h, []string{"atzīmēti 2", "atzīmēto rēķinu PDF"}, []string{"2 marked"})
		h.keys("d")
		h.waitDownloads()
		h.send(tea.KeyPressMsg{Code: 'o', Mod: tea.ModCtrl})
		both(t, h, []string{"Lejupielādes", "Saglabāts", "Fails", "Mape"}, []string{"Saved", "Downloads"})
	})
	t.Run("help", func(t *testing.T) {
		h := financeInvoices(t)
		h.keys("?")
		both(t, h, []string{"Taustiņi", "English", "visi rēķini", "aizvērt palīdzību"}, []string{"every invoice", "close help"})
		if !h.app.fullHelp {
			t.Error("L closed the help")
		}
	})
}
