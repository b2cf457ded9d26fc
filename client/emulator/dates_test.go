package emulator

import (
	"testing"
	"time"
)

func TestResolveDate(t *testing.T) {
	now := time.Date(2025, 3, 10, 15, 0, 0, 0, time.UTC)
	for _, tc := range []struct{ in, want string }{
		{"@today", "2025-03-10T00:00:00Z"},
		{"@today-20d|date", "2025-02-18"},
		{"@month-1:end|date", "2025-02-28"},
		{"@month+2:d5|date", "2025-05-05"},
		{"@period1-1:start|date", "2025-02-01"},
		{"@period1-1:invoice+30d|date", "2025-03-31"},
		{"@period15:start|date", "2025-02-15"},     // the 10th is before the 15th
		{"@period15-1:invoice|date", "2025-02-15"}, // the last invoice made
		{"@period15:end|date", "2025-03-14"},
	} {
		got, ok := resolveDate(tc.in, now)
		if !ok || got != tc.want {
			t.Errorf("%s = %q, %v; want %q", tc.in, got, ok, tc.want)
		}
	}
	for _, bad := range []string{"@", "@yesterday", "@period31:start", "@month:d31", "@today:start", "plain", "@today-20x"} {
		if got, ok := resolveDate(bad, now); ok {
			t.Errorf("%q resolved to %q", bad, got)
		}
	}
}

// TestDemoDatesSane checks the demo against several "todays": no invoice
// dated after today, periods well-formed, the free trial 20 days old.
func TestDemoDatesSane(t *testing.T) {
	for _, now := range []time.Time{testNow, time.Date(2024, 2, 29, 0, 0, 1, 0, time.UTC),
		time.Date(2026, 1, 1, 23, 59, 0, 0, time.UTC), time.Date(2025, 7, 15, 12, 0, 0, 0, time.UTC)} {
		s := start(t, Options{Now: func() time.Time { return now }})
		today := midnight(now)
		var all []obj
		for _, a := range s.data.Accounts {
			all = append(all, a.allInvoices()...)
		}
		for _, sub := range s.data.Subs {
			all = append(all, sub.Invoices...)
		}
		if len(all) < 40 {
			t.Fatalf("only %d invoices", len(all))
		}
		for _, inv := range all {
			date := getTime(inv, "properties.invoiceDate")
			ps, pe := getTime(inv, "properties.invoicePeriodStartDate"), getTime(inv, "properties.invoicePeriodEndDate")
			if date.IsZero() || date.After(today) || !pe.After(ps) || date.Before(pe) || ps.Before(today.AddDate(-2, 0, 0)) {
				t.Fatalf("%s on %s: date %s period %s..%s", getStr(inv, "name"), today, date, ps, pe)
			}
		}
		var trial obj
		for _, a := range s.data.Accounts {
			for _, b := range a.BillingSubscriptions {
				if getStr(b, "properties.displayName") == "Fabrikam Free Trial" {
					trial = b
				}
			}
		}
		if got := getTime(trial, "properties.purchaseDate"); !got.Equal(today.AddDate(0, 0, -20)) {
			t.Fatalf("free trial bought %s, today %s", got, today)
		}
	}
}

// An MCA profile invoicing on the 15th bills the calendar month before the
// invoice: on 31 March the newest such invoice is 15 March's, for February.
func TestBillMonthPlaceholders(t *testing.T) {
	for in, want := range map[string]string{
		"@period15-1:invoice|date":   "2025-03-15",
		"@period15-1:billstart|date": "2025-02-01",
		"@period15-1:billend|date":   "2025-02-28",
		"@period15-2:billend|date":   "2025-01-31",
	} {
		if got, ok := resolveDate(in, testNow); !ok || got != want {
			t.Errorf("%s = %q, %v; want %s", in, got, ok, want)
		}
	}
}
