package ui

import (
	"context"
	"testing"
	"time"

	"github.com/azinvoice/azinvoice/model"
)

// BenchmarkInvoicesSetItems builds the rows of 100,000 invoices (two
// amounts, a status and a type each). Target: ≤ 100 ms, ≤ 50 MB.
func BenchmarkInvoicesSetItems(b *testing.B) {
	a := New(context.Background(), Config{Now: func() time.Time { return testNow }})
	s := invoicesScreen(a.c, model.Scope{Kind: model.ScopeProfile}, []string{"Finance", "Invoices"})
	items := bigInvoices(100_000)
	b.ReportAllocs()
	for b.Loop() {
		s.SetItems(items)
	}
}
