package i18n

import (
	"testing"

	"github.com/azinvoice/azinvoice/model"
)

// BenchmarkMoney is one amount formatted, as each invoice row does twice.
func BenchmarkMoney(b *testing.B) {
	m := model.Money{Amount: 1234.56, Currency: "EUR", Known: true}
	b.ReportAllocs()
	for b.Loop() {
		_ = Money(m)
	}
}
