package i18n

import (
	"math"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/message"

	"github.com/azinvoice/azinvoice/model"
)

var symbols = map[string]string{"EUR": "€", "USD": "$", "GBP": "£", "JPY": "¥", "INR": "₹"}

// Money formats an amount in its currency for the active language: the one
// place amounts are turned into text. An amount Azure did not send is "—".
// English writes €1,234.56; Latvian 1 234,56 € (digit groups and the gap
// before the currency are no-break spaces, as CLDR has them).
func Money(m model.Money) string {
	if !m.Known || math.IsNaN(m.Amount) || math.IsInf(m.Amount, 0) {
		return model.None
	}
	st := cur.Load()
	abs := math.Abs(m.Amount)
	code := currency(m.Currency)
	sym, known := symbols[code]
	var b strings.Builder
	b.Grow(24)
	if m.Amount < 0 && math.Round(abs*100) != 0 { // -0.001 is 0.00, not -0.00
		b.WriteByte('-')
	}
	if known && st.lang == "en" {
		b.WriteString(sym) // €1,234.56
		st.num.write(&b, abs)
		return b.String()
	}
	st.num.write(&b, abs)
	switch {
	case known:
		b.WriteString(st.gap)
		b.WriteString(sym) // 1 234,56 €
	case code != "":
		b.WriteString(st.gap)
		b.WriteString(code) // 7,00 SEK
	}
	return b.String()
}

// currency is the currency code in capitals, cleaned as untrusted text; a
// plain three-letter code (every row of a big list) skips the cleaning.
func currency(c string) string {
	plain := len(c) == 3
	for i := 0; plain && i < len(c); i++ {
		plain = c[i] >= 'A' && c[i] <= 'Z'
	}
	if plain {
		return c
	}
	return strings.ToUpper(model.Clean(c))
}

// numbers is how a language writes an amount to the cent. It is learnt once
// per language from that language's CLDR printer (golang.org/x/text), which
// is too slow to run per row of a 100,000-invoice list (~0.8 µs a call).
type numbers struct{ group, decimal string }

func learnNumbers(p *message.Printer) numbers {
	r := []rune(p.Sprintf("%.2f", 1234.5)) // "1,234.50", "1 234,50"
	if len(r) != 8 {
		return numbers{group: ",", decimal: "."}
	}
	return numbers{group: string(r[1]), decimal: string(r[5])}
}

// write appends abs (≥ 0) with two decimals and grouped thousands.
func (n numbers) write(b *strings.Builder, abs float64) {
	var buf [64]byte
	digits := strconv.AppendFloat(buf[:0], abs, 'f', 2, 64)
	whole, frac := digits[:len(digits)-3], digits[len(digits)-2:]
	for i, d := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteString(n.group)
		}
		b.WriteByte(d)
	}
	b.WriteString(n.decimal)
	b.Write(frac)
}

// Value shows a value Azure sends from a fixed set — an account's status, a
// subscription's state, a billing type — in the active language when the
// catalogue has "value.<kind>.<value in lower case>", else as Azure sent it
// (cleaned): a value added to the API later still shows.
func Value(kind, raw string) string {
	if raw == "" {
		return model.None
	}
	if id := "value." + kind + "." + strings.ToLower(raw); Has(id) {
		return T(id)
	}
	return model.Clean(raw)
}

// Bytes writes a file size in binary units with the active language's
// decimal sign: "1.5 MiB", "1,5 MiB".
func Bytes(n int64) string {
	units := []struct {
		size     float64
		name     string
		decimals int
	}{{1 << 30, "GiB", 1}, {1 << 20, "MiB", 1}, {1 << 10, "KiB", 0}}
	for _, u := range units {
		if float64(n) >= u.size {
			s := strconv.FormatFloat(float64(n)/u.size, 'f', u.decimals, 64)
			return strings.Replace(s, ".", cur.Load().num.decimal, 1) + " " + u.name
		}
	}
	return strconv.FormatInt(n, 10) + " B"
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
