package emulator

import (
	"encoding/json"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// operation is one long-running operation. It answers 202 until readyAt, then
// its final body, computed once (a profile change lands at that moment).
type operation struct {
	location string
	readyAt  time.Time
	fail     *Fault
	finish   func(id string) any // runs under s.mu
	final    any
	done     bool
}

// accept registers an operation and answers 202 + Location + Retry-After.
func (s *Server) accept(w http.ResponseWriter, r *http.Request, pollPath, api string, finish func(id string) any) {
	id := newID()
	op := &operation{
		location: s.armURL + pollPath + "/" + id + "?api-version=" + api,
		readyAt:  time.Now().Add(s.opts.PollAfter), // wall clock: a test may freeze Now
		fail:     afterAccept(r.Context()),
		finish:   finish,
	}
	s.mu.Lock()
	s.ops[id] = op
	s.mu.Unlock()
	s.running(w, op)
}

func (s *Server) running(w http.ResponseWriter, op *operation) {
	w.Header().Set("Location", op.location)
	w.Header().Set("Retry-After", retryAfter(time.Until(op.readyAt)))
	w.Header().Set("Content-Length", "0")
	w.WriteHeader(http.StatusAccepted)
}

// retryAfter is whole seconds, rounded up, so a client never polls early;
// "0" only when the operation is already done.
func retryAfter(d time.Duration) string {
	if d <= 0 {
		return "0"
	}
	return strconv.Itoa(int(math.Ceil(d.Seconds())))
}

// poll answers a poll of operation id.
func (s *Server) poll(w http.ResponseWriter, id string) {
	s.mu.Lock()
	op := s.ops[id]
	if op == nil {
		s.mu.Unlock()
		writeError(w, http.StatusNotFound, "OperationNotFound", "The operation '"+clip(id)+"' was not found.")
		return
	}
	if time.Now().Before(op.readyAt) {
		s.mu.Unlock()
		s.running(w, op)
		return
	}
	if f := op.fail; f != nil {
		s.mu.Unlock()
		code := f.Code
		if code == "" {
			code = "OperationFailed"
		}
		if f.Status != 0 {
			writeError(w, f.Status, code, "The operation failed.")
			return
		}
		writeJSON(w, http.StatusOK, obj{"status": "Failed", "properties": obj{"provisioningState": "Failed"},
			"error": obj{"code": code, "message": "The operation failed."}})
		return
	}
	if !op.done {
		op.final, op.done = op.finish(id), true
	}
	final := op.final
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, final)
}

func (s *Server) pollOperation(w http.ResponseWriter, _ *http.Request, v map[string]string, _ []byte) {
	s.poll(w, v["op"])
}

// putProfile is BeginCreateOrUpdate: 403 for a role that may not write, 412
// when If-Match names an older version, else 202 and, when the operation
// completes, the sent properties merged over the stored ones.
func (s *Server) putProfile(w http.ResponseWriter, r *http.Request, v map[string]string, body []byte) {
	var in obj
	if err := json.Unmarshal(body, &in); err != nil {
		writeError(w, http.StatusBadRequest, "InvalidRequestContent", "The request content was invalid and could not be deserialized.")
		return
	}
	props, _ := in["properties"].(map[string]any)
	s.mu.Lock()
	_, p, ok := s.lookup(w, v)
	if !ok {
		s.mu.Unlock()
		return
	}
	role, etag := p.CallerRole, p.etag()
	s.mu.Unlock()
	if !canWrite(role) {
		denied(w, "Microsoft.Billing/billingAccounts/billingProfiles/write")
		return
	}
	if m := r.Header.Get("If-Match"); m != "" && m != "*" && m != etag {
		writeError(w, http.StatusPreconditionFailed, "PreconditionFailed", "The billing profile has changed since it was read (ETag mismatch).")
		return
	}
	s.accept(w, r, "/providers/Microsoft.Billing/billingAccounts/"+url.PathEscape(v["a"])+"/operationResults", apiBilling, func(string) any {
		stored, _ := p.Profile["properties"].(map[string]any)
		if stored == nil {
			stored = map[string]any{}
			p.Profile["properties"] = stored
		}
		for k, val := range props {
			if readOnlyProfileField[k] {
				continue
			}
			stored[k] = val
		}
		p.version++
		return clone(p.Profile)
	})
}

// readOnlyProfileField are fields a PUT cannot change.
var readOnlyProfileField = map[string]bool{
	"systemId": true, "status": true, "hasReadAccess": true, "provisioningState": true,
	"currency": true, "invoiceDay": true, "targetClouds": true, "spendingLimit": true,
}

// sasLink makes a signed, expiring blob-host URL for path.
func (s *Server) sasLink(path string) obj {
	exp := s.now().Add(time.Hour).UTC().Truncate(time.Second)
	se := exp.Format(time.RFC3339)
	q := url.Values{"sv": {"2023-11-03"}, "sr": {"b"}, "sp": {"r"}, "se": {se}, "sig": {s.sign(path, se)}}
	return obj{"url": s.blobURL + path + "?" + q.Encode(), "expiryTime": se}
}

// invoiceSet is the invoices reachable from one download route, with the
// role that decides whether the caller may have them.
type invoiceSet struct {
	list []obj
	role string
	err  *apiError
}

func (s *Server) accountInvoiceSets(a *accountData) []invoiceSet {
	sets := []invoiceSet{{list: a.Invoices, role: a.CallerRole}}
	for _, p := range a.Profiles {
		sets = append(sets, invoiceSet{list: p.Invoices, role: p.CallerRole, err: p.InvoicesError})
	}
	return sets
}

// resolveDoc finds an invoice and one of its documents in sets; empty
// docName means the invoice PDF itself.
func resolveDoc(w http.ResponseWriter, sets []invoiceSet, invName, docName string) (docRef, bool) {
	for _, set := range sets {
		inv := findInvoice(set.list, invName)
		if inv == nil {
			continue
		}
		if set.err != nil {
			writeAPIError(w, set.err)
			return docRef{}, false
		}
		if !allowed(set.role, "Microsoft.Billing/billingAccounts/invoices/download/action") {
			denied(w, "Microsoft.Billing/billingAccounts/invoices/download/action")
			return docRef{}, false
		}
		if d, ok := findDoc(inv, docName); ok {
			return d, true
		}
		writeError(w, http.StatusNotFound, "DocumentNotFound", "The document '"+clip(docName)+"' was not found on invoice '"+clip(invName)+"'.")
		return docRef{}, false
	}
	notFound(w, "invoice", invName)
	return docRef{}, false
}

func (s *Server) downloadByAccount(w http.ResponseWriter, r *http.Request, v map[string]string, _ []byte) {
	s.mu.Lock()
	var sets []invoiceSet
	if strings.EqualFold(v["a"], "default") {
		sets = s.subInvoiceSets("")
	} else if a := s.data.account(v["a"]); a != nil {
		sets = s.accountInvoiceSets(a)
	}
	d, ok := resolveDoc(w, sets, v["i"], r.URL.Query().Get("documentName"))
	s.mu.Unlock()
	if ok {
		s.accept(w, r, "/providers/Microsoft.Billing/billingAccounts/"+url.PathEscape(v["a"])+"/operationResults", apiBilling,
			func(string) any { return s.sasLink(d.blobPath()) })
	}
}

func (s *Server) subInvoiceSets(subID string) []invoiceSet {
	var sets []invoiceSet
	for _, sub := range s.data.Subs {
		if subID != "" && !strings.EqualFold(getStr(sub.Subscription, "subscriptionId"), subID) {
			continue
		}
		sets = append(sets, invoiceSet{list: sub.Invoices, role: "AccountAdmin"})
	}
	return sets
}

func (s *Server) downloadBySub(w http.ResponseWriter, r *http.Request, v map[string]string, _ []byte) {
	s.mu.Lock()
	d, ok := resolveDoc(w, s.subInvoiceSets(v["s"]), v["i"], r.URL.Query().Get("documentName"))
	s.mu.Unlock()
	if ok {
		s.accept(w, r, "/providers/Microsoft.Billing/billingAccounts/"+url.PathEscape(v["a"])+"/operationResults", apiBilling,
			func(string) any { return s.sasLink(d.blobPath()) })
	}
}

func (s *Server) downloadDocs(w http.ResponseWriter, r *http.Request, account string, sets []invoiceSet, body []byte) {
	var req []struct {
		InvoiceName  string `json:"invoiceName"`
		DocumentName string `json:"documentName"`
	}
	if err := json.Unmarshal(body, &req); err != nil || len(req) == 0 {
		writeError(w, http.StatusBadRequest, "InvalidRequestContent", "The request body must be a non-empty list of {invoiceName, documentName}.")
		return
	}
	refs := make([]docRef, 0, len(req))
	s.mu.Lock()
	for _, q := range req {
		d, ok := resolveDoc(w, sets, q.InvoiceName, q.DocumentName)
		if !ok {
			s.mu.Unlock()
			return
		}
		refs = append(refs, d)
	}
	zipID := newID()
	s.zips[zipID] = refs
	s.mu.Unlock()
	s.accept(w, r, "/providers/Microsoft.Billing/billingAccounts/"+url.PathEscape(account)+"/operationResults", apiBilling,
		func(string) any { return s.sasLink("/documents/" + zipID + ".zip") })
}

func (s *Server) downloadDocsByAccount(w http.ResponseWriter, r *http.Request, v map[string]string, body []byte) {
	s.mu.Lock()
	var sets []invoiceSet
	if a := s.data.account(v["a"]); a != nil {
		sets = s.accountInvoiceSets(a)
	}
	s.mu.Unlock()
	if sets == nil {
		notFound(w, "billing account", v["a"])
		return
	}
	s.downloadDocs(w, r, v["a"], sets, body)
}

func (s *Server) downloadDocsBySub(w http.ResponseWriter, r *http.Request, v map[string]string, body []byte) {
	s.mu.Lock()
	sets := s.subInvoiceSets(v["s"])
	s.mu.Unlock()
	s.downloadDocs(w, r, v["a"], sets, body)
}

// downloadByKind serves an EA invoice's Summary (POST …/downloadSummary) or
// Transactions (POST …/transactionsDownload): the operations Azure names
// in those documents' urls. An invoice without a document of that kind
// answers 404, as a missing document does.
func (s *Server) downloadByKind(kind string) handler {
	return func(w http.ResponseWriter, r *http.Request, v map[string]string, _ []byte) {
		s.mu.Lock()
		var ref docRef
		ok := false
		if a := s.data.account(v["a"]); a != nil {
			for _, set := range s.accountInvoiceSets(a) {
				inv := findInvoice(set.list, v["i"])
				if inv == nil {
					continue
				}
				if !allowed(set.role, "Microsoft.Billing/billingAccounts/invoices/download/action") {
					s.mu.Unlock()
					denied(w, "Microsoft.Billing/billingAccounts/invoices/download/action")
					return
				}
				ref, ok = findKind(inv, kind)
				if !ok {
					s.mu.Unlock()
					writeError(w, http.StatusNotFound, "DocumentNotFound", "The invoice '"+clip(v["i"])+"' has no "+kind+" document.")
					return
				}
				break
			}
		}
		s.mu.Unlock()
		if !ok {
			notFound(w, "invoice", v["i"])
			return
		}
		s.accept(w, r, "/providers/Microsoft.Billing/billingAccounts/"+url.PathEscape(v["a"])+"/operationResults", apiBilling,
			func(string) any { return s.sasLink(ref.blobPath()) })
	}
}
