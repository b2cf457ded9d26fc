package emulator

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"strings"
	"time"
)

const (
	apiBilling      = "2024-04-01"
	apiResources    = "2022-12-01"
	apiConsumption  = "2021-10-01"
	apiCostMgmt     = "2025-03-01"
	maxRequestBytes = 1 << 20
)

type handler func(w http.ResponseWriter, r *http.Request, v map[string]string, body []byte)

type route struct {
	method, pattern, api string
	h                    handler
}

const ba = "providers/Microsoft.Billing/billingAccounts/{a}"
const bp = ba + "/billingProfiles/{p}"
const bs = ba + "/billingSubscriptions/{s}"

func (s *Server) routes() []route {
	return []route{
		{"GET", "providers/Microsoft.Billing/billingAccounts", apiBilling, s.listAccounts},
		{"GET", ba, apiBilling, s.getAccount},
		{"GET", ba + "/billingProfiles", apiBilling, s.listProfiles},
		{"GET", bp, apiBilling, s.getProfile},
		{"PUT", bp, apiBilling, s.putProfile},
		{"GET", ba + "/billingSubscriptions", apiBilling, s.listAccountBillingSubs},
		{"GET", bp + "/billingSubscriptions", apiBilling, s.listProfileBillingSubs},
		{"GET", ba + "/invoices", apiBilling, s.listAccountInvoices},
		{"GET", ba + "/invoices/{i}", apiBilling, s.getAccountInvoice},
		{"GET", bp + "/invoices", apiBilling, s.listProfileInvoices},
		{"GET", bp + "/invoices/{i}", apiBilling, s.getProfileInvoice},
		{"GET", bs + "/invoices", apiBilling, s.listSubInvoices},
		{"GET", bs + "/invoices/{i}", apiBilling, s.getSubInvoice},
		{"POST", ba + "/invoices/{i}/download", apiBilling, s.downloadByAccount},
		{"POST", ba + "/invoices/{i}/downloadSummary", apiBilling, s.downloadByKind("Summary")},
		{"POST", ba + "/invoices/{i}/transactionsDownload", apiBilling, s.downloadByKind("Transactions")},
		{"POST", bs + "/invoices/{i}/download", apiBilling, s.downloadBySub},
		{"POST", ba + "/downloadDocuments", apiBilling, s.downloadDocsByAccount},
		{"POST", bs + "/downloadDocuments", apiBilling, s.downloadDocsBySub},
		{"GET", ba + "/operationResults/{op}", apiBilling, s.pollOperation},
		{"GET", "subscriptions/{s}/providers/Microsoft.Billing/billingProperty/default", apiBilling, s.getBillingProperty},
		{"GET", ba + "/policies/default", apiBilling, s.getAccountPolicies},
		{"GET", bp + "/policies/default", apiBilling, s.getProfilePolicies},
		{"POST", ba + "/checkAccess", apiBilling, s.checkAccountAccess},
		{"POST", bp + "/checkAccess", apiBilling, s.checkProfileAccess},
		{"GET", ba + "/billingRoleAssignments", apiBilling, s.listAccountRoleAssignments},
		{"GET", bp + "/billingRoleAssignments", apiBilling, s.listProfileRoleAssignments},
		{"GET", "subscriptions", apiResources, s.listSubscriptions},
	}
}

// serveARM is the Resource Manager front door: record, delay, authenticate,
// throttle, inject faults, then route.
func (s *Server) serveARM(w http.ResponseWriter, r *http.Request) {
	body := s.record(r)
	s.logf("ARM %s %s", r.Method, r.URL.Path)
	if s.opts.Latency > 0 {
		select {
		case <-time.After(s.opts.Latency):
		case <-r.Context().Done():
			return
		}
	}
	if r.Header.Get("Authorization") != "Bearer "+s.token {
		writeError(w, http.StatusUnauthorized, "AuthenticationFailed", "Authentication failed. The 'Authorization' header is missing or invalid.")
		return
	}
	if !s.allowW(w, r) {
		return
	}
	f := s.takeFault(r, "arm")
	if f != nil && f.Kind != FaultAfterAccept {
		s.serveFault(w, r, f, func(w http.ResponseWriter) { s.dispatch(w, r, body, nil) })
		return
	}
	s.dispatch(w, r, body, f)
}

// dispatch routes one request; after carries a FaultAfterAccept for LROs.
func (s *Server) dispatch(w http.ResponseWriter, r *http.Request, body []byte, after *Fault) {
	segs := segments(r.URL.Path)
	api := r.URL.Query().Get("api-version")
	if s.scoped(w, r, segs, api, body, after) {
		return
	}
	methodSeen := false
	for _, rt := range s.routes() {
		v, ok := match(rt.pattern, segs)
		if !ok {
			continue
		}
		if rt.method != r.Method {
			methodSeen = true
			continue
		}
		if api != rt.api {
			writeError(w, http.StatusBadRequest, "InvalidApiVersionParameter",
				"The api-version '"+clip(api)+"' is invalid. The supported versions are '"+rt.api+"'.")
			return
		}
		if after != nil {
			r = r.WithContext(withAfterAccept(r.Context(), after))
		}
		rt.h(w, r, v, body)
		return
	}
	if methodSeen {
		writeError(w, http.StatusMethodNotAllowed, "MethodNotAllowed", "The requested method is not allowed for this resource.")
		return
	}
	writeError(w, http.StatusNotFound, "NotFound", "No route matches '"+clip(r.URL.Path)+"'.")
}

// scoped handles the extension routes that hang off any scope:
// {scope}/providers/Microsoft.CostManagement/... and .../Microsoft.Consumption/usageDetails.
func (s *Server) scoped(w http.ResponseWriter, r *http.Request, segs []string, api string, body []byte, after *Fault) bool {
	for i := 1; i+1 < len(segs); i++ {
		if !strings.EqualFold(segs[i], "providers") {
			continue
		}
		scope := "/" + strings.Join(segs[:i], "/")
		rest := segs[i+1:]
		var h func()
		switch {
		case r.Method == "POST" && len(rest) == 2 && strings.EqualFold(rest[0], "Microsoft.CostManagement") && strings.EqualFold(rest[1], "generateCostDetailsReport"):
			h = func() { s.generateCostDetails(w, r.WithContext(withAfterAccept(r.Context(), after)), scope, body) }
		case r.Method == "GET" && len(rest) == 3 && strings.EqualFold(rest[0], "Microsoft.CostManagement") && strings.EqualFold(rest[1], "costDetailsOperationResults"):
			h = func() { s.pollCostDetails(w, r, rest[2]) }
		case r.Method == "GET" && len(rest) == 2 && strings.EqualFold(rest[0], "Microsoft.Consumption") && strings.EqualFold(rest[1], "usageDetails"):
			if api != apiConsumption {
				writeError(w, http.StatusBadRequest, "InvalidApiVersionParameter", "The api-version '"+clip(api)+"' is invalid. The supported versions are '"+apiConsumption+"'.")
				return true
			}
			h = func() { s.usageDetails(w, r, scope) }
		case r.Method == "GET" && len(rest) == 2 && strings.EqualFold(rest[0], "Microsoft.Consumption") && strings.EqualFold(rest[1], "balances"):
			if api != apiConsumption {
				writeError(w, http.StatusBadRequest, "InvalidApiVersionParameter", "The api-version '"+clip(api)+"' is invalid. The supported versions are '"+apiConsumption+"'.")
				return true
			}
			h = func() { s.balance(w, scope) }
		default:
			continue
		}
		if strings.Contains(rest[0], "CostManagement") && api != apiCostMgmt {
			writeError(w, http.StatusBadRequest, "InvalidApiVersionParameter", "The api-version '"+clip(api)+"' is invalid. The supported versions are '"+apiCostMgmt+"'.")
			return true
		}
		h()
		return true
	}
	return false
}

// record keeps the request for Requests() and returns its body.
func (s *Server) record(r *http.Request) []byte {
	var body []byte
	if r.Body != nil {
		body, _ = io.ReadAll(io.LimitReader(r.Body, maxRequestBytes))
		r.Body = io.NopCloser(bytes.NewReader(body))
	}
	q := r.URL.Query()
	if q.Has("sig") {
		q.Set("sig", "REDACTED")
	}
	kept := body
	if len(kept) > maxRecordedBody {
		kept = kept[:maxRecordedBody]
	}
	s.mu.Lock()
	// The log is for tests; a long demo session keeps only the newest.
	if len(s.requests) >= maxRecorded {
		s.requests = append(s.requests[:0], s.requests[len(s.requests)-maxRecorded/2:]...)
	}
	s.requests = append(s.requests, Request{Host: r.Host, Method: r.Method, Path: r.URL.Path, Query: q,
		HasAuth: r.Header.Get("Authorization") != "", Body: kept})
	s.mu.Unlock()
	return body
}

// Bounds of the request log: the newest maxRecorded requests, each body cut
// to maxRecordedBody bytes.
const (
	maxRecorded     = 20000
	maxRecordedBody = 64 << 10
)

// clip keeps echoed request text short in error messages.
func clip(s string) string {
	if len(s) > 200 {
		return s[:200]
	}
	return s
}

type afterKey struct{}

func withAfterAccept(ctx context.Context, f *Fault) context.Context {
	if f == nil {
		return ctx
	}
	return context.WithValue(ctx, afterKey{}, f)
}

func afterAccept(ctx context.Context) *Fault {
	f, _ := ctx.Value(afterKey{}).(*Fault)
	return f
}
