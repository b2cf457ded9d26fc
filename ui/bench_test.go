package ui

import (
	"context"
	"fmt"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/azinvoice/azinvoice/model"
)

// bigInvoices makes n plausible invoices without any I/O.
func bigInvoices(n int) []model.Invoice {
	out := make([]model.Invoice, n)
	start := time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)
	for i := range out {
		p := start.AddDate(0, -i%120, 0)
		out[i] = model.Invoice{
			Name:   fmt.Sprintf("G%09d", 100000000+i),
			Period: model.Period{Start: p, End: p.AddDate(0, 1, -1)},
			Date:   p.AddDate(0, 1, 4),
			Billed: model.Money{Amount: float64(i%5000) + 0.99, Currency: "EUR", Known: true},
			Due:    model.Money{Amount: float64(i % 7), Currency: "EUR", Known: true},
			Status: []model.InvoiceStatus{model.StatusPaid, model.StatusDue, model.StatusVoid}[i%3],
			Type:   "AzureServices",
		}
	}
	return out
}

func benchApp(b *testing.B, n int) (*App, *invoicesScr) {
	b.Helper()
	a := New(context.Background(), Config{Now: func() time.Time { return testNow }})
	a.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	s := invoicesScreen(a.c, model.Scope{Kind: model.ScopeProfile}, []string{"Finance", "Invoices"})
	s.SetItems(bigInvoices(n))
	a.stack = append(a.stack, s)
	return a, s
}

// BenchmarkInvoicesKeyAndView is one key press plus a full frame with
// 100,000 invoices loaded. Target: ≤ 1 ms.
func BenchmarkInvoicesKeyAndView(b *testing.B) {
	a, _ := benchApp(b, 100_000)
	down, up := keyMsg("j"), keyMsg("k")
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if i%2 == 0 {
			a.Update(down)
		} else {
			a.Update(up)
		}
		_ = a.View()
	}
}

// BenchmarkInvoicesFilter applies a filter over 100,000 invoices and draws
// the frame. Target: ≤ 30 ms.
func BenchmarkInvoicesFilter(b *testing.B) {
	_, s := benchApp(b, 100_000)
	queries := []string{"g1000999", "void", "2019-", ""}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		s.tbl.SetFilter(queries[i%len(queries)])
		_ = s.View(118, 36)
	}
}

// BenchmarkInvoicesSetItems builds the rows of 100,000 invoices (5,000
// distinct billed amounts, seven amounts due, as bigInvoices makes them).
// Target: ≤ 100 ms and ≤ 50 MB.
func BenchmarkInvoicesSetItems(b *testing.B) {
	a := New(context.Background(), Config{Now: func() time.Time { return testNow }})
	invs := bigInvoices(100_000)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		s := invoicesScreen(a.c, model.Scope{Kind: model.ScopeProfile}, []string{"Finance", "Invoices"})
		s.SetItems(invs)
	}
}

// BenchmarkInvoicesSetItemsDistinct is BenchmarkInvoicesSetItems with every
// billed amount different, so no formatted amount is reused: the worst case
// for the money printer.
func BenchmarkInvoicesSetItemsDistinct(b *testing.B) {
	a := New(context.Background(), Config{Now: func() time.Time { return testNow }})
	invs := bigInvoices(100_000)
	for i := range invs {
		invs[i].Billed.Amount = float64(i) + 0.37
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		s := invoicesScreen(a.c, model.Scope{Kind: model.ScopeProfile}, []string{"Finance", "Invoices"})
		s.SetItems(invs)
	}
}

// BenchmarkInvoicesFilterKeystroke is one key typed into the filter over
// 100,000 invoices, with the frame drawn. Target: ≤ 5 ms.
func BenchmarkInvoicesFilterKeystroke(b *testing.B) {
	a, _ := benchApp(b, 100_000)
	a.Update(keyMsg("/"))
	typed := []string{"g", "1", "0", "0", "0", "9"}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if i%(len(typed)+1) == len(typed) {
			for range typed {
				a.Update(tea.KeyPressMsg{Code: tea.KeyBackspace})
			}
			continue
		}
		a.Update(keyMsg(typed[i%(len(typed)+1)]))
		_ = a.View()
	}
}
