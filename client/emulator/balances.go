package emulator

import (
	"net/http"
	"strings"
)

// balance answers an EA enrollment's Consumption balance for one billing
// period: GET /providers/Microsoft.Billing/billingAccounts/{a}/billingPeriods/{yyyyMM}/providers/Microsoft.Consumption/balances.
func (s *Server) balance(w http.ResponseWriter, scope string) {
	segs := segments(scope)
	if len(segs) != 6 || !strings.EqualFold(segs[4], "billingPeriods") {
		notFound(w, "billing period", scope)
		return
	}
	account, period := segs[3], segs[5]
	s.mu.Lock()
	defer s.mu.Unlock()
	a := s.data.account(account)
	if a == nil {
		notFound(w, "billing account", account)
		return
	}
	for _, b := range a.Balances {
		month := strings.ReplaceAll(getStr(b, "billingPeriod"), "-", "")
		if len(month) >= 6 && month[:6] == period {
			out := clone(b)
			delete(out, "billingPeriod")
			writeJSON(w, http.StatusOK, out)
			return
		}
	}
	notFound(w, "balance of billing period", period)
}
