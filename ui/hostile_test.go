package ui

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/azinvoice/azinvoice/model"
)

// sgr matches the colour sequences our own styles write; any other escape
// in a frame came from data and must not be there.
var sgr = regexp.MustCompile(`\x1b\[[0-9;:]*m`)

func TestHostileStringsNeverReachTheTerminal(t *testing.T) {
	evil := []string{
		"\x1b[2J\x1b[HCleared",
		"\x1b]8;;https://evil.example\x07click\x1b]8;;\x07",
		"bell\x07\x07",
		"rtl\u202egpj.exe",
		strings.Repeat("W", 500),
		"tab\tnew\nline",
	}
	a := New(context.Background(), Config{Now: func() time.Time { return testNow }})
	a.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	var accts []model.Account
	var invs []model.Invoice
	for _, e := range evil {
		accts = append(accts, model.Account{DisplayName: e, Name: e, AccountType: e, Status: e})
		invs = append(invs, model.Invoice{Name: e, Type: e, Status: model.InvoiceStatus(e), Billed: model.Money{Amount: 1, Currency: e, Known: true}})
	}
	home := a.stack[0].(*home)
	home.accounts.SetItems(accts)
	check := func(where string) {
		t.Helper()
		frame := sgr.ReplaceAllString(a.render(), "")
		for _, r := range frame {
			if r == '\n' {
				continue
			}
			if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || (r >= 0x202a && r <= 0x202e) {
				t.Fatalf("%s: control %U in frame:\n%q", where, r, frame)
			}
		}
	}
	check("accounts")
	inv := invoicesScreen(a.c, model.Scope{Kind: model.ScopeProfile}, []string{evil[0], "Invoices"})
	inv.SetItems(invs)
	a.stack = append(a.stack, inv)
	check("invoices")
	a.stack = append(a.stack, detailScreen(a.c, model.Scope{}, invs[1], []string{evil[1]}))
	check("detail")
}
