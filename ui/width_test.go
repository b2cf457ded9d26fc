package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// The one-pass measure and lower-case of SetRows agrees with the Unicode
// tables and strings.ToLower on every kind of cell.
func TestAppendLowerWidth(t *testing.T) {
	for _, s := range []string{"", "G1016452", "€2,467.20", "2026-10-01 → 10-31", "Jana Bērziņa", "ĀRĒJS", "東京 Office",
		"e\u0301clair", "Ελλάδα", "Paid", "—", "₹1,00,000.00", "\x1b[31mred"} {
		b, w := appendLowerWidth(nil, s)
		if want := ansi.StringWidth(s); w != want {
			t.Errorf("%q: width %d, want %d", s, w, want)
		}
		if want := strings.ToLower(s); string(b) != want {
			t.Errorf("%q: lower %q, want %q", s, b, want)
		}
		if cellWidth(s) != ansi.StringWidth(s) {
			t.Errorf("%q: cellWidth %d", s, cellWidth(s))
		}
	}
}
