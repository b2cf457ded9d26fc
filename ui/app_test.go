package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/azinvoice/azinvoice/client/emulator"
)

func TestGoldenScreens(t *testing.T) {
	sizes := []struct{ w, h int }{{80, 24}, {120, 40}}
	for _, sz := range sizes {
		t.Run(fmt.Sprintf("%dx%d", sz.w, sz.h), func(t *testing.T) {
			h := newHarness(t, sz.w, sz.h)
			golden(t, fmt.Sprintf("accounts_%dx%d", sz.w, sz.h), h.screen())
			h.selectRow("Contoso Ltd")
			h.keys("enter")
			h.selectRow("Finance")
			h.keys("enter")
			golden(t, fmt.Sprintf("invoices_%dx%d", sz.w, sz.h), h.screen())
		})
	}
}

func TestWalkEveryAgreement(t *testing.T) {
	tests := []struct {
		name  string
		path  []string // rows to open, in order
		crumb string
		want  string // text on the last screen
	}{
		{"MOSP pay-as-you-go", []string{"Fabrikam Studio", "Fabrikam Production"}, "Fabrikam Studio › Subscriptions › Fabrikam Production › Invoices", "Paid"},
		{"MCA Finance", []string{"Contoso Ltd", "Finance"}, "Contoso Ltd › Billing profiles › Finance › Invoices", "Paid"},
		{"EA enrollment", []string{"Contoso Enterprise Enrollment"}, "Contoso Enterprise Enrollment › Invoices", "$"},
		{"MOSP free trial has none", []string{"Fabrikam Studio", "Fabrikam Free Trial"}, "Fabrikam Free Trial › Invoices", "No invoices in this period"},
		{"empty list offers the likely reason", []string{"Fabrikam Studio", "Fabrikam Free Trial"}, "Why this list may be empty", "Free account"},
		{"MCA Marketing forbidden", []string{"Contoso Ltd", "Marketing"}, "Marketing › Invoices", "HTTP 403"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, 120, 40)
			for _, row := range tt.path {
				h.selectRow(row)
				h.keys("enter")
			}
			scr := h.screen()
			if !strings.Contains(scr, tt.crumb) {
				t.Errorf("breadcrumb %q missing:\n%s", tt.crumb, scr)
			}
			if !strings.Contains(scr, tt.want) {
				t.Errorf("%q missing:\n%s", tt.want, scr)
			}
		})
	}
}

func TestSubscriptionsTab(t *testing.T) {
	tests := []struct{ row, want string }{
		{"Northwind Retail (CSP)", "Microsoft shows no invoices for this subscription"},
		{"Fabrikam Production", "Invoices"},
	}
	for _, tt := range tests {
		t.Run(tt.row, func(t *testing.T) {
			h := newHarness(t, 120, 40)
			h.keys("tab")
			if !strings.Contains(h.screen(), "Northwind Retail (CSP)") {
				t.Fatalf("CSP subscription not listed:\n%s", h.screen())
			}
			h.selectRow(tt.row)
			h.keys("enter")
			if !strings.Contains(h.screen(), tt.want) {
				t.Errorf("%q missing:\n%s", tt.want, h.screen())
			}
		})
	}
}

func TestBackKeepsCursor(t *testing.T) {
	for _, back := range []string{"esc", "backspace"} {
		t.Run(back, func(t *testing.T) {
			h := newHarness(t, 100, 30)
			h.selectRow("Contoso Ltd")
			h.keys("enter")
			h.selectRow("Research")
			h.keys("enter")
			if !strings.Contains(h.screen(), "Research › Invoices") {
				t.Fatalf("not on Research invoices:\n%s", h.screen())
			}
			h.keys(back)
			if got := h.selected(); !strings.Contains(got, "Research") {
				t.Errorf("after %s the cursor is on %q, want Research", back, got)
			}
			h.keys(back)
			if got := h.selected(); !strings.Contains(got, "Contoso Ltd") {
				t.Errorf("after second %s the cursor is on %q, want Contoso Ltd", back, got)
			}
		})
	}
}

func TestFilter(t *testing.T) {
	tests := []struct {
		typed     string
		wantShown string
		wantGone  string
	}{
		{"fabri", "Fabrikam Studio", "Contoso Ltd"},
		{"ENTERPRISE", "Contoso Enterprise Enrollment", "Fabrikam Studio"},
	}
	for _, tt := range tests {
		t.Run(tt.typed, func(t *testing.T) {
			h := newHarness(t, 100, 30)
			h.keys("/")
			for _, r := range tt.typed {
				h.keys(string(r))
			}
			h.keys("enter")
			scr := h.screen()
			if !strings.Contains(scr, tt.wantShown) || strings.Contains(scr, tt.wantGone) {
				t.Errorf("filter %q: want %q shown and %q gone:\n%s", tt.typed, tt.wantShown, tt.wantGone, scr)
			}
			// q typed into the filter must not quit; esc in the filter clears it.
			h.keys("/", "q")
			if !strings.Contains(h.screen(), tt.typed+"q") && !strings.Contains(h.screen(), strings.ToLower(tt.typed)+"q") {
				t.Errorf("q did not go into the filter:\n%s", h.screen())
			}
			h.keys("esc")
			if scr := h.screen(); !strings.Contains(scr, tt.wantGone) {
				t.Errorf("esc did not clear the filter:\n%s", scr)
			}
		})
	}
}

func TestTooSmall(t *testing.T) {
	for _, sz := range []struct{ w, h int }{{59, 24}, {80, 14}, {10, 3}, {0, 0}} {
		h := newHarness(t, sz.w, sz.h)
		if !strings.Contains(strings.Join(strings.Fields(h.screen()), " "), "needs at least") {
			t.Errorf("%dx%d: no too-small notice:\n%s", sz.w, sz.h, h.screen())
		}
	}
}

func TestErrorPanelAndRetry(t *testing.T) {
	var srv *emulator.Server
	h := newHarness(t, 100, 30)
	srv = h.srv
	srv.SetFault(emulator.Fault{Method: "GET", PathContains: "/billingAccounts", Status: 500, Code: "InternalServerError", Times: 20})
	h.keys("r")
	scr := h.screen()
	for _, want := range []string{"Could not load billing accounts", "HTTP 500", "Press r"} {
		if !strings.Contains(scr, want) {
			t.Errorf("%q missing from error panel:\n%s", want, scr)
		}
	}
	srv.ClearFaults()
	h.keys("r")
	if !strings.Contains(h.screen(), "Contoso Ltd") {
		t.Errorf("retry did not recover:\n%s", h.screen())
	}
}

func TestEscCancelsLoad(t *testing.T) {
	h := newHarness(t, 100, 30)
	h.selectRow("Contoso Ltd")
	h.keys("enter")
	_, load := h.app.Update(keyMsg("r")) // start a refresh, hold its answer
	if !h.app.top().Busy() {
		t.Fatal("refresh did not start a load")
	}
	if !strings.Contains(h.screen(), "esc cancel") {
		t.Errorf("help line does not offer cancel while loading:\n%s", h.screen())
	}
	h.send(keyMsg("esc"))
	if h.app.top().Busy() {
		t.Fatal("esc did not cancel the load")
	}
	if !strings.Contains(h.screen(), "Billing profiles") {
		t.Fatalf("esc while loading left the screen:\n%s", h.screen())
	}
	h.run(load) // the cancelled answer arrives late and is dropped
	if strings.Contains(h.screen(), "Could not load") {
		t.Errorf("a cancelled load's answer was shown:\n%s", h.screen())
	}
}

func TestMouseWheelScrolls(t *testing.T) {
	h := newHarness(t, 100, 30)
	before := h.selected()
	h.send(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	if h.selected() == before {
		t.Errorf("wheel down did not move from %q", before)
	}
}

func TestHelpLineOnlyListsWorkingKeys(t *testing.T) {
	h := newHarness(t, 120, 40)
	scr := h.screen()
	if strings.Contains(scr, "esc back") {
		t.Errorf("home offers back:\n%s", scr)
	}
	h.selectRow("Contoso Ltd")
	h.keys("enter")
	if !strings.Contains(h.screen(), "esc back") {
		t.Errorf("profiles does not offer back:\n%s", h.screen())
	}
	h.keys("?")
	if !strings.Contains(h.screen(), "Keys") {
		t.Errorf("? did not show full help:\n%s", h.screen())
	}
}

func TestLateAnswerForLeftScreenIsDropped(t *testing.T) {
	h := newHarness(t, 100, 30)
	h.selectRow("Contoso Ltd")
	_, cmd := h.app.Update(keyMsg("enter"))
	var load tea.Cmd
	for _, m := range flatten(cmd) {
		if p, ok := m.(pushMsg); ok {
			_, load = h.app.Update(p) // the profiles screen is pushed; its load is held
		}
	}
	if load == nil {
		t.Fatal("enter pushed no screen")
	}
	h.send(keyMsg("esc"))
	h.run(load)
	if strings.Contains(h.screen(), "Finance") {
		t.Errorf("answer for a left screen reached the home screen:\n%s", h.screen())
	}
}

// flatten runs cmd one level and returns its messages, batches opened.
func flatten(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	switch m := cmd().(type) {
	case tea.BatchMsg:
		var out []tea.Msg
		for _, c := range m {
			out = append(out, flatten(c)...)
		}
		return out
	case nil:
		return nil
	default:
		return []tea.Msg{m}
	}
}

// TestOddSizes draws the main screens at many sizes: never a panic, never a
// line wider than the terminal.
func TestOddSizes(t *testing.T) {
	h := newHarness(t, 120, 40)
	screens := []func(){
		func() {},
		func() { h.selectRow("Contoso Ltd"); h.keys("enter") },
		func() { h.selectRow("Finance"); h.keys("enter") },
		func() { h.keys("enter") },
		func() { h.keys("esc", "w") },
		func() { h.keys("esc", "g") },
	}
	sizes := []struct{ w, h int }{{60, 15}, {61, 16}, {80, 24}, {100, 17}, {250, 80}, {60, 200}, {400, 15}}
	for i, open := range screens {
		h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
		open()
		for _, sz := range sizes {
			h.send(tea.WindowSizeMsg{Width: sz.w, Height: sz.h})
			for n, line := range strings.Split(h.screen(), "\n") {
				if lw := ansi.StringWidth(line); lw > sz.w {
					t.Errorf("screen %d at %dx%d: line %d is %d wide: %q", i, sz.w, sz.h, n, lw, line)
				}
			}
			if lines := strings.Count(h.screen(), "\n") + 1; lines > sz.h {
				t.Errorf("screen %d at %dx%d: %d lines", i, sz.w, sz.h, lines)
			}
		}
	}
}
