package emulator

import (
	"regexp"
	"strconv"
	"time"
)

// The demo data never holds a literal date: every date is a placeholder
// resolved against Options.Now at load time, so the demo never ages.
//
//	@today[+-Nd]                   today (midnight UTC), optionally shifted by days
//	@month[+-N]:start|end|dD        first day, last day or day D of a calendar month
//	@periodD[+-N]:start|end|invoice a billing period of a profile that invoices on
//	                               day D; period 0 contains today; invoice = end + 1 day
//	@periodD[+-N]:billstart|billend the calendar month an MCA invoice made on that
//	                               invoice day bills (MCA periods are calendar months)
//
// Any of them may add "+Nd"/"-Nd" after the part, and end in "|date" for a
// plain YYYY-MM-DD, or "|us" for the form Azure really sends EA enrollment
// dates in ("6/1/2020 12:00:00 AM +00:00"), instead of RFC 3339. See
// assets/demo/README.md.
var placeholder = regexp.MustCompile(`^@(today|month([+-]\d+)?|period(\d{1,2})([+-]\d+)?)(?::(start|end|invoice|billstart|billend|d\d{1,2}))?([+-]\d+d)?(\|date|\|us)?$`)

// usDate is the US form with a zone that Azure sends EA enrollment dates in
// (azure-cli-extensions recording test_ea_accounts_list_and_get).
const usDate = "1/2/2006 3:04:05 PM -07:00"

// resolveDate turns a placeholder into a date string; ok is false when s is
// not a placeholder.
func resolveDate(s string, now time.Time) (string, bool) {
	m := placeholder.FindStringSubmatch(s)
	if m == nil {
		return "", false
	}
	t, ok := anchorDate(m, now)
	if !ok {
		return "", false
	}
	if m[6] != "" {
		n, _ := strconv.Atoi(m[6][:len(m[6])-1])
		t = t.AddDate(0, 0, n)
	}
	switch m[7] {
	case "|date":
		return t.Format(time.DateOnly), true
	case "|us":
		return t.Format(usDate), true
	}
	return t.Format(time.RFC3339), true
}

func anchorDate(m []string, now time.Time) (time.Time, bool) {
	today := midnight(now)
	part := m[5]
	switch {
	case m[1] == "today":
		return today, part == ""
	case m[3] != "":
		day, _ := strconv.Atoi(m[3])
		if day < 1 || day > 28 {
			return time.Time{}, false
		}
		off := atoiOr0(m[4])
		start := time.Date(today.Year(), today.Month(), day, 0, 0, 0, 0, time.UTC)
		if today.Day() < day {
			start = start.AddDate(0, -1, 0)
		}
		start = start.AddDate(0, off, 0)
		switch part {
		case "start", "":
			return start, true
		case "end":
			return start.AddDate(0, 1, -1), true
		case "invoice":
			return start.AddDate(0, 1, 0), true
		case "billstart", "billend":
			inv := start.AddDate(0, 1, 0)
			first := time.Date(inv.Year(), inv.Month(), 1, 0, 0, 0, 0, time.UTC)
			if part == "billstart" {
				return first.AddDate(0, -1, 0), true
			}
			return first.AddDate(0, 0, -1), true
		}
		return time.Time{}, false
	default: // month
		first := time.Date(today.Year(), today.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, atoiOr0(m[2]), 0)
		switch {
		case part == "start" || part == "":
			return first, true
		case part == "end":
			return first.AddDate(0, 1, -1), true
		case len(part) > 1 && part[0] == 'd':
			d, _ := strconv.Atoi(part[1:])
			if d < 1 || d > 28 {
				return time.Time{}, false
			}
			return first.AddDate(0, 0, d-1), true
		}
		return time.Time{}, false
	}
}

func midnight(t time.Time) time.Time {
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func atoiOr0(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// resolveTree replaces every placeholder string in a decoded JSON tree.
func resolveTree(v any, now time.Time) any {
	switch x := v.(type) {
	case string:
		if r, ok := resolveDate(x, now); ok {
			return r
		}
		return x
	case map[string]any:
		for k, e := range x {
			x[k] = resolveTree(e, now)
		}
		return x
	case []any:
		for i, e := range x {
			x[i] = resolveTree(e, now)
		}
		return x
	}
	return v
}
