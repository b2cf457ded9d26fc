package emulator

import (
	"encoding/json"
	"net/http"
	"strings"
	"time"
)

// generateCostDetails starts a cost-details report on a billing account or
// profile: 202 + Location + Retry-After, then a manifest whose blobs are
// signed links to generated CSV on the blob host.
func (s *Server) generateCostDetails(w http.ResponseWriter, r *http.Request, scope string, body []byte) {
	var req struct {
		InvoiceID     string `json:"invoiceId"`
		BillingPeriod string `json:"billingPeriod"`
		TimePeriod    *struct {
			Start string `json:"start"`
			End   string `json:"end"`
		} `json:"timePeriod"`
	}
	if err := json.Unmarshal(body, &req); err != nil {
		writeError(w, http.StatusBadRequest, "BadRequest", "The request body is not valid JSON.")
		return
	}
	v, ok := match(ba, segments(scope))
	if !ok {
		v, ok = match(bp, segments(scope))
	}
	if !ok {
		writeError(w, http.StatusBadRequest, "BadRequest", "Cost details reports are offered here for billing account and billing profile scopes.")
		return
	}
	s.mu.Lock()
	a, p, found := s.lookup(w, v)
	var role, cur string
	var invoices []obj
	var blocked *apiError
	if found {
		role, cur = a.CallerRole, getStr(a.Account, "properties.enrollmentDetails.currency")
		if p != nil {
			role, invoices, cur, blocked = p.CallerRole, p.Invoices, getStr(p.Profile, "properties.currency"), p.InvoicesError
		} else {
			invoices = a.allInvoices()
		}
		if strings.EqualFold(getStr(a.Account, "properties.agreementType"), "MicrosoftOnlineServicesProgram") {
			found = false
			writeError(w, http.StatusBadRequest, "BadRequest", "Cost details reports are not available for this billing account type; use usageDetails.")
		}
	}
	s.mu.Unlock()
	if !found {
		return
	}
	if blocked != nil || !allowed(role, "Microsoft.CostManagement/costDetailsReports/read") {
		denied(w, "Microsoft.CostManagement/generateCostDetailsReport/action")
		return
	}
	start, end, msg := reportPeriod(req.InvoiceID, req.BillingPeriod, req.TimePeriod, invoices)
	if msg != "" {
		writeError(w, http.StatusBadRequest, "BadRequest", msg)
		return
	}
	if cur == "" {
		cur = "USD"
	}
	u := usageSpec{Seed: seedOf(scope, start.Format(time.DateOnly)), Start: start, End: end, Currency: cur}
	size := s.usageSize(u)
	s.accept(w, r, scope+"/providers/Microsoft.CostManagement/costDetailsOperationResults", apiCostMgmt, func(id string) any {
		link := s.sasLink("/usage/" + u.name() + ".csv")
		return obj{
			"id":   scope + "/providers/Microsoft.CostManagement/costDetailsOperationResults/" + id,
			"name": id, "type": "Microsoft.CostManagement/costDetailsOperationResults",
			"status": "Completed", "validTill": link["expiryTime"],
			"manifest": obj{"manifestVersion": "2024-04-01", "dataFormat": "Csv", "compressData": false,
				"blobCount": 1, "byteCount": size, "requestContext": obj{"requestScope": scope},
				"blobs": []obj{{"blobLink": link["url"], "byteCount": size}}},
		}
	})
}

func (s *Server) pollCostDetails(w http.ResponseWriter, _ *http.Request, id string) { s.poll(w, id) }

// reportPeriod turns the request's one choice (invoice, EA billing period or
// dates) into an inclusive day range, or says what is wrong.
func reportPeriod(invoiceID, billingPeriod string, tp *struct {
	Start string `json:"start"`
	End   string `json:"end"`
}, invoices []obj) (time.Time, time.Time, string) {
	switch {
	case invoiceID != "":
		name := invoiceID[strings.LastIndex(invoiceID, "/")+1:]
		inv := findInvoice(invoices, name)
		if inv == nil {
			return time.Time{}, time.Time{}, "The invoice '" + clip(name) + "' was not found in this scope."
		}
		return getTime(inv, "properties.invoicePeriodStartDate"), getTime(inv, "properties.invoicePeriodEndDate"), ""
	case billingPeriod != "":
		t, err := time.Parse("200601", billingPeriod)
		if err != nil {
			return time.Time{}, time.Time{}, "billingPeriod must look like yyyyMM."
		}
		return t, t.AddDate(0, 1, -1), ""
	case tp != nil:
		st, err1 := time.Parse(time.DateOnly, tp.Start)
		en, err2 := time.Parse(time.DateOnly, tp.End)
		if err1 != nil || err2 != nil || en.Before(st) || en.Sub(st) > 31*24*time.Hour {
			return time.Time{}, time.Time{}, "timePeriod must be start and end dates (yyyy-MM-dd), at most one month apart."
		}
		return st, en, ""
	}
	return time.Time{}, time.Time{}, "One of invoiceId, billingPeriod or timePeriod is required."
}
