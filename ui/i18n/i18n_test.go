package i18n

import (
	"math"
	"testing"
	"time"

	"github.com/azinvoice/azinvoice/model"
)

func TestT(t *testing.T) {
	tests := []struct {
		id   string
		data map[string]any
		want string
	}{
		{"crumb.root", nil, "Cost Management + Billing"},
		{"no.such.id", nil, "no.such.id"},
		{"filter.count", map[string]any{"Shown": 2, "Total": 9}, "2 of 9"},
		{"why.ruledout.hidden", map[string]any{"Count": 1}, "1 reason ruled out — press x to show it."},
		{"why.ruledout.hidden", map[string]any{"Count": 3}, "3 reasons ruled out — press x to show them."},
	}
	for _, tt := range tests {
		var got string
		if tt.data == nil {
			got = T(tt.id)
		} else {
			got = T(tt.id, tt.data)
		}
		if got != tt.want {
			t.Errorf("T(%q) = %q, want %q", tt.id, got, tt.want)
		}
	}
	if !Has("crumb.root") || Has("no.such.id") {
		t.Error("Has")
	}
}

func TestMoney(t *testing.T) {
	tests := []struct {
		m    model.Money
		want string
	}{
		{model.Money{Amount: 1234.5, Currency: "EUR", Known: true}, "€1,234.50"},
		{model.Money{Amount: -20, Currency: "usd", Known: true}, "-$20.00"},
		{model.Money{Amount: 7, Currency: "SEK", Known: true}, "7.00 SEK"},
		{model.Money{Amount: 7, Known: true}, "7.00"},
		{model.Money{Amount: -0.001, Currency: "EUR", Known: true}, "€0.00"},
		{model.Money{}, model.None},
		{model.Money{Amount: math.NaN(), Currency: "EUR", Known: true}, model.None},
		{model.Money{Amount: 1, Currency: "E\x1bUR", Known: true}, "€1.00"}, // cleaned first
	}
	for _, tt := range tests {
		if got := Money(tt.m); got != tt.want {
			t.Errorf("Money(%+v) = %q, want %q", tt.m, got, tt.want)
		}
	}
}

func TestDates(t *testing.T) {
	d := func(y, m, day int) time.Time { return time.Date(y, time.Month(m), day, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		p    model.Period
		want string
	}{
		{model.Period{Start: d(2026, 10, 1), End: d(2026, 10, 31)}, "2026-10-01 → 10-31"},
		{model.Period{Start: d(2025, 12, 15), End: d(2026, 1, 14)}, "2025-12-15 → 2026-01-14"},
		{model.Period{}, model.None},
		{model.Period{Start: d(2026, 1, 1)}, "2026-01-01 → —"},
	}
	for _, tt := range tests {
		if got := Period(tt.p); got != tt.want {
			t.Errorf("Period(%v) = %q, want %q", tt.p, got, tt.want)
		}
	}
	if Date(time.Time{}) != model.None || Date(d(2026, 2, 3)) != "2026-02-03" {
		t.Error("Date")
	}
}
