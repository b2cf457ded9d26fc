package ui

import (
	"testing"

	"github.com/azinvoice/azinvoice/model"
)

func TestSparkline(t *testing.T) {
	eur := func(a float64) model.Invoice {
		return model.Invoice{Billed: model.Money{Amount: a, Currency: "EUR", Known: true}}
	}
	void := eur(9999)
	void.Status = model.StatusVoid
	tests := []struct {
		name      string
		in        []model.Invoice // newest first
		bars, rng string
	}{
		{"too few", []model.Invoice{eur(1)}, "", ""},
		{"rising", []model.Invoice{eur(30), eur(20), eur(10)}, "▁▄█", "€10.00–€30.00"},
		{"flat", []model.Invoice{eur(5), eur(5)}, "▅▅", "€5.00–€5.00"},
		{"void and unknown skipped", []model.Invoice{void, eur(2), {}, eur(1)}, "▁█", "€1.00–€2.00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bars, rng := sparkline(tt.in, 12)
			if bars != tt.bars || rng != tt.rng {
				t.Errorf("got %q %q, want %q %q", bars, rng, tt.bars, tt.rng)
			}
		})
	}
}
