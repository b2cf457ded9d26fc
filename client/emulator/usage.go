package emulator

import (
	"encoding/json"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// usageSize is the byte size of a generated file, computed once by a
// counting pass (it must be known for Content-Length and the manifest).
func (s *Server) usageSize(u usageSpec) int64 {
	if s.opts.UsageBytes > 0 {
		return s.opts.UsageBytes
	}
	s.mu.Lock()
	n, ok := s.sizes[u]
	s.mu.Unlock()
	if ok {
		return n
	}
	var c countWriter
	_, _ = writeUsageCSV(&c, u, int64(s.opts.UsageRows), 0)
	s.mu.Lock()
	s.sizes[u] = c.n
	s.mu.Unlock()
	return c.n
}

func (s *Server) usageBlob(w http.ResponseWriter, r *http.Request, name string) {
	u, ok := parseUsageName(name)
	if !ok {
		storageError(w, http.StatusNotFound, "BlobNotFound", "The specified blob does not exist.")
		return
	}
	size := s.usageSize(u)
	w.Header().Set("Content-Type", "text/csv")
	w.Header().Set("Content-Length", strconv.FormatInt(size, 10))
	w.Header().Set("x-ms-blob-type", "BlockBlob")
	w.WriteHeader(http.StatusOK)
	if r.Method == http.MethodHead {
		return
	}
	_, _ = writeUsageCSV(w, u, int64(s.opts.UsageRows), s.opts.UsageBytes)
}

var (
	filterStart = regexp.MustCompile(`(?i)properties/(?:usageStart|date)\s+ge\s+'?([0-9-]{10})`)
	filterEnd   = regexp.MustCompile(`(?i)properties/(?:usageEnd|date)\s+le\s+'?([0-9-]{10})`)
)

// usageDetails is the legacy Consumption list for a subscription, optionally
// under billingPeriods/{yyyyMM...}, filtered by $filter dates, paged by
// $top and $skiptoken. Rows are generated per page from a seed.
func (s *Server) usageDetails(w http.ResponseWriter, r *http.Request, scope string) {
	segs := segments(scope)
	if len(segs) < 2 || !strings.EqualFold(segs[0], "subscriptions") {
		writeError(w, http.StatusBadRequest, "BadRequest", "usageDetails is offered here for subscription scopes only.")
		return
	}
	s.mu.Lock()
	sub := s.data.sub(segs[1])
	var usage bool
	var subName, cur string
	var none []string
	if sub != nil {
		usage, subName = sub.Usage, getStr(sub.Subscription, "displayName")
		cur = getStr(sub.BillingProperty, "properties.billingCurrency")
		none = sub.NoUsagePeriods
	}
	s.mu.Unlock()
	if sub == nil {
		writeError(w, http.StatusNotFound, "SubscriptionNotFound", "The subscription '"+clip(segs[1])+"' could not be found.")
		return
	}
	if cur == "" {
		cur = "EUR"
	}
	today := midnight(s.now())
	start := time.Date(today.Year(), today.Month(), 1, 0, 0, 0, 0, time.UTC)
	end := today
	if len(segs) == 6 && strings.EqualFold(segs[4], "billingPeriods") && len(segs[5]) >= 6 {
		if t, err := time.Parse("200601", segs[5][:6]); err == nil {
			start, end = t, t.AddDate(0, 1, -1)
		}
	}
	f := r.URL.Query().Get("$filter")
	if m := filterStart.FindStringSubmatch(f); m != nil {
		if t, err := time.Parse(time.DateOnly, m[1]); err == nil {
			start = t
		}
	}
	if m := filterEnd.FindStringSubmatch(f); m != nil {
		if t, err := time.Parse(time.DateOnly, m[1]); err == nil {
			end = t
		}
	}
	if end.Before(start) || end.Sub(start) > 400*24*time.Hour {
		writeError(w, http.StatusBadRequest, "BadRequest", "The date range in $filter is invalid.")
		return
	}
	for _, p := range none {
		if p == start.Format(time.DateOnly) {
			// "204 No Content" is the documented answer for a period
			// without usage (Consumption UsageDetails_List).
			w.WriteHeader(http.StatusNoContent)
			return
		}
	}
	total := int64(s.opts.UsageRows)
	if !usage {
		total = 0
	}
	size := int64(1000)
	if top, err := strconv.Atoi(r.URL.Query().Get("$top")); err == nil && top > 0 {
		size = int64(min(top, 5000))
	}
	from := int64(skipToken(r.URL.Query()))
	to := min(from+size, total)
	u := usageSpec{Seed: seedOf(segs[1], start.Format(time.DateOnly)), Start: start, End: end, Currency: cur}
	perDay := total / u.days()
	page := make([]obj, 0, max(to-from, 0))
	for i := from; i < to; i++ {
		page = append(page, legacyRow(u, u.row(i, perDay), i, segs[1], subName, start, end))
	}
	body := obj{"value": page}
	if to < total {
		body["nextLink"] = s.nextLink(r, "$skiptoken", int(to))
	}
	b, err := json.Marshal(body)
	if err != nil {
		writeError(w, http.StatusInternalServerError, "InternalServerError", "encoding failed")
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(b)
}

func legacyRow(u usageSpec, row usageRow, i int64, subID, subName string, start, end time.Time) obj {
	name := strconv.FormatUint(u.Seed, 16) + "-" + strconv.FormatInt(i, 10)
	meterID := strconv.FormatUint(seedOf(row.Meter.category, row.Meter.name), 16)
	return obj{
		"id":   "/subscriptions/" + subID + "/providers/Microsoft.Consumption/usageDetails/" + name,
		"name": name, "type": "Microsoft.Consumption/usageDetails", "kind": "legacy",
		"properties": obj{
			"date": row.Date.Format(time.RFC3339), "billingPeriodStartDate": start.Format(time.RFC3339),
			"billingPeriodEndDate": end.Format(time.RFC3339), "subscriptionId": subID, "subscriptionName": subName,
			"meterId": meterID, "meterDetails": obj{"meterName": row.Meter.name, "meterCategory": row.Meter.category, "unitOfMeasure": row.Meter.unit},
			"resourceId": row.resourceID(subID), "resourceGroup": row.Group, "resourceName": row.resName(),
			"quantity": row.Quantity, "unitPrice": row.Meter.price, "effectivePrice": row.Meter.price, "cost": row.Cost,
			"billingCurrency": u.Currency, "chargeType": "Usage", "frequency": "UsageBased", "offerId": "MS-AZR-0003P",
			"isAzureCreditEligible": true, "consumedService": strings.SplitN(row.Meter.rtype, "/", 2)[0],
		},
	}
}
