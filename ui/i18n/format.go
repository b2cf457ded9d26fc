package i18n

import (
	"math"
	"strings"
	"time"

	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/azinvoice/azinvoice/model"
)

var symbols = map[string]string{"EUR": "€", "USD": "$", "GBP": "£", "JPY": "¥", "INR": "₹"}

// Money formats an amount in its currency for the active language: the one
// place amounts are turned into text. An amount Azure did not send is "—".
func Money(m model.Money) string {
	if !m.Known || math.IsNaN(m.Amount) || math.IsInf(m.Amount, 0) {
		return model.None
	}
	p := message.NewPrinter(language.Make(Language()))
	num := p.Sprintf("%.2f", math.Abs(m.Amount))
	sign := ""
	if m.Amount < 0 && num != p.Sprintf("%.2f", 0.0) {
		sign = "-"
	}
	cur := strings.ToUpper(model.Clean(m.Currency))
	if sym, ok := symbols[cur]; ok {
		if Language() == "en" {
			return sign + sym + num
		}
		return sign + num + " " + sym
	}
	if cur == "" {
		return sign + num
	}
	return sign + num + " " + cur
}

// Date formats a calendar date (ISO 8601: unambiguous in every language).
func Date(t time.Time) string {
	if t.IsZero() {
		return model.None
	}
	return t.Format("2006-01-02")
}

// Period formats a billing period compactly: "2026-10-01 → 10-31" within a
// year, both dates in full across years.
func Period(p model.Period) string {
	if p.Start.IsZero() && p.End.IsZero() {
		return model.None
	}
	if p.Start.IsZero() || p.End.IsZero() || p.Start.Year() != p.End.Year() {
		return Date(p.Start) + " → " + Date(p.End)
	}
	return Date(p.Start) + " → " + p.End.Format("01-02")
}
