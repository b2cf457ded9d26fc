package cli

import (
	"sort"
	"strconv"
	"strings"
	"time"
)

func itoa(n int) string { return strconv.Itoa(n) }

// joinSemi joins a list into one CSV cell.
func joinSemi(s []string) string { return strings.Join(s, ";") }

func now(o *IO) time.Time {
	if o.Now != nil {
		return o.Now()
	}
	return time.Now()
}

func sortStrings(s []string) { sort.Strings(s) }
