package emulator

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

func notFound(w http.ResponseWriter, what, name string) {
	writeError(w, http.StatusNotFound, "ResourceNotFound", "The "+what+" '"+clip(name)+"' was not found.")
}

func (s *Server) listAccounts(w http.ResponseWriter, r *http.Request, _ map[string]string, _ []byte) {
	s.mu.Lock()
	out := make([]obj, 0, len(s.data.Accounts))
	for _, a := range s.data.Accounts {
		out = append(out, a.Account)
	}
	s.mu.Unlock()
	s.page(w, r, out)
}

func (s *Server) getAccount(w http.ResponseWriter, _ *http.Request, v map[string]string, _ []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	a := s.data.account(v["a"])
	if a == nil {
		notFound(w, "billing account", v["a"])
		return
	}
	writeJSON(w, http.StatusOK, a.Account)
}

// lookup finds the account and (when p is set) the profile, or answers 404.
func (s *Server) lookup(w http.ResponseWriter, v map[string]string) (*accountData, *profileData, bool) {
	a := s.data.account(v["a"])
	if a == nil {
		notFound(w, "billing account", v["a"])
		return nil, nil, false
	}
	if v["p"] == "" {
		return a, nil, true
	}
	p := a.profile(v["p"])
	if p == nil {
		notFound(w, "billing profile", v["p"])
		return nil, nil, false
	}
	return a, p, true
}

func (s *Server) listProfiles(w http.ResponseWriter, r *http.Request, v map[string]string, _ []byte) {
	s.listOf(w, r, v, s.page, func(a *accountData, _ *profileData) (out []obj) {
		for _, p := range a.Profiles {
			out = append(out, clone(p.Profile)) // a PUT may change it while the page is written
		}
		return out
	})
}

// listOf picks a list from the account (and profile) named in v while the
// lock is held, then answers with it after the lock is released, so a slow
// reader never holds up other requests. A name that is not there is a 404.
func (s *Server) listOf(w http.ResponseWriter, r *http.Request, v map[string]string,
	answer func(http.ResponseWriter, *http.Request, []obj), pick func(*accountData, *profileData) []obj) {
	s.mu.Lock()
	a, p, ok := s.lookup(w, v)
	var out []obj
	if ok {
		out = pick(a, p)
	}
	s.mu.Unlock()
	if ok {
		answer(w, r, out)
	}
}

func (s *Server) getProfile(w http.ResponseWriter, _ *http.Request, v map[string]string, _ []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, p, ok := s.lookup(w, v)
	if !ok {
		return
	}
	w.Header().Set("ETag", p.etag())
	writeJSON(w, http.StatusOK, p.Profile)
}

func (p *profileData) etag() string { return `"` + strconv.Itoa(p.version+1) + `"` }

func (s *Server) listAccountBillingSubs(w http.ResponseWriter, r *http.Request, v map[string]string, _ []byte) {
	s.listOf(w, r, v, s.page, func(a *accountData, _ *profileData) []obj {
		out := append([]obj(nil), a.BillingSubscriptions...)
		for _, p := range a.Profiles {
			out = append(out, p.BillingSubscriptions...)
		}
		return out
	})
}

func (s *Server) listProfileBillingSubs(w http.ResponseWriter, r *http.Request, v map[string]string, _ []byte) {
	s.listOf(w, r, v, s.page, func(_ *accountData, p *profileData) []obj { return p.BillingSubscriptions })
}

// periodFilter keeps the invoices whose billing period overlaps the
// periodStartDate..periodEndDate query, as the portal's date picker does.
func periodFilter(r *http.Request, in []obj) ([]obj, bool) {
	q := r.URL.Query()
	from, to := time.Time{}, time.Time{}
	var ok bool
	if v := q.Get("periodStartDate"); v != "" {
		if from, ok = queryDate(v); !ok {
			return nil, false
		}
	}
	if v := q.Get("periodEndDate"); v != "" {
		if to, ok = queryDate(v); !ok {
			return nil, false
		}
	}
	out := make([]obj, 0, len(in))
	for _, i := range in {
		ps, pe := getTime(i, "properties.invoicePeriodStartDate"), getTime(i, "properties.invoicePeriodEndDate")
		if !to.IsZero() && ps.After(to) {
			continue
		}
		if !from.IsZero() && pe.Before(from) {
			continue
		}
		out = append(out, i)
	}
	return out, true
}

// queryDate reads a period date as the client sends it (yyyy-MM-dd) or as
// Azure writes it back into its own nextLinks ("2000-01-01 00:00:00Z").
func queryDate(v string) (time.Time, bool) {
	for _, layout := range []string{time.DateOnly, "2006-01-02 15:04:05Z07:00"} {
		if t, err := time.Parse(layout, v); err == nil {
			return midnight(t), true
		}
	}
	return time.Time{}, false
}

// listInvoices answers an invoice list. Its nextLink is the form Azure has
// sent for invoice lists: relative to the endpoint, with the period dates
// rewritten as "yyyy-MM-dd 00:00:00Z" and their spaces left unescaped.
func (s *Server) listInvoices(w http.ResponseWriter, r *http.Request, in []obj) {
	out, ok := periodFilter(r, in)
	if !ok {
		writeError(w, http.StatusBadRequest, "InvalidInput", "periodStartDate and periodEndDate must be dates (yyyy-MM-dd).")
		return
	}
	s.pageWith(w, r, out, relativeNextLink)
}

func (s *Server) listAccountInvoices(w http.ResponseWriter, r *http.Request, v map[string]string, _ []byte) {
	s.listOf(w, r, v, s.listInvoices, func(a *accountData, _ *profileData) []obj { return a.Invoices })
}

func (s *Server) listProfileInvoices(w http.ResponseWriter, r *http.Request, v map[string]string, _ []byte) {
	s.mu.Lock()
	_, p, ok := s.lookup(w, v)
	var in []obj
	var denied *apiError
	if ok {
		in, denied = p.Invoices, p.InvoicesError
	}
	s.mu.Unlock()
	switch {
	case !ok:
	case denied != nil:
		writeAPIError(w, denied)
	default:
		s.listInvoices(w, r, in)
	}
}

func (s *Server) getAccountInvoice(w http.ResponseWriter, _ *http.Request, v map[string]string, _ []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var inv obj
	if strings.EqualFold(v["a"], "default") {
		for _, sub := range s.data.Subs {
			if inv = findInvoice(sub.Invoices, v["i"]); inv != nil {
				break
			}
		}
	} else if a := s.data.account(v["a"]); a != nil {
		inv = findInvoice(a.allInvoices(), v["i"])
	}
	if inv == nil {
		notFound(w, "invoice", v["i"])
		return
	}
	writeJSON(w, http.StatusOK, inv)
}

func (s *Server) getProfileInvoice(w http.ResponseWriter, _ *http.Request, v map[string]string, _ []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, p, ok := s.lookup(w, v)
	if !ok {
		return
	}
	if p.InvoicesError != nil {
		writeAPIError(w, p.InvoicesError)
		return
	}
	if inv := findInvoice(p.Invoices, v["i"]); inv != nil {
		writeJSON(w, http.StatusOK, inv)
		return
	}
	notFound(w, "invoice", v["i"])
}

// subForBilling finds a subscription addressed under billingAccounts/{a}:
// "default" (what the SDK sends for MOSP) or the account's real name.
func (s *Server) subForBilling(w http.ResponseWriter, v map[string]string) *subData {
	sub := s.data.sub(v["s"])
	if sub == nil || (sub.BillingPropertyError == nil && sub.BillingProperty == nil) {
		notFound(w, "billing subscription", v["s"])
		return nil
	}
	return sub
}

func (s *Server) listSubInvoices(w http.ResponseWriter, r *http.Request, v map[string]string, _ []byte) {
	s.mu.Lock()
	sub := s.subForBilling(w, v)
	var in []obj
	var denied *apiError
	if sub != nil {
		in, denied = sub.Invoices, sub.InvoicesError
	}
	s.mu.Unlock()
	switch {
	case sub == nil:
	case denied != nil:
		writeAPIError(w, denied)
	default:
		s.listInvoices(w, r, in)
	}
}

func (s *Server) getSubInvoice(w http.ResponseWriter, _ *http.Request, v map[string]string, _ []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	sub := s.subForBilling(w, v)
	if sub == nil {
		return
	}
	if inv := findInvoice(sub.Invoices, v["i"]); inv != nil {
		writeJSON(w, http.StatusOK, inv)
		return
	}
	notFound(w, "invoice", v["i"])
}

func (s *Server) getBillingProperty(w http.ResponseWriter, _ *http.Request, v map[string]string, _ []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	sub := s.data.sub(v["s"])
	switch {
	case sub == nil:
		writeError(w, http.StatusNotFound, "SubscriptionNotFound", "The subscription '"+clip(v["s"])+"' could not be found.")
	case sub.BillingPropertyError != nil:
		writeAPIError(w, sub.BillingPropertyError)
	case sub.BillingProperty == nil:
		notFound(w, "billing property of subscription", v["s"])
	default:
		writeJSON(w, http.StatusOK, sub.BillingProperty)
	}
}

func (s *Server) getAccountPolicies(w http.ResponseWriter, _ *http.Request, v map[string]string, _ []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, _, ok := s.lookup(w, v)
	if !ok {
		return
	}
	if a.Policies == nil {
		notFound(w, "policy of billing account", v["a"])
		return
	}
	writeJSON(w, http.StatusOK, a.Policies)
}

func (s *Server) getProfilePolicies(w http.ResponseWriter, _ *http.Request, v map[string]string, _ []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, p, ok := s.lookup(w, v)
	if !ok {
		return
	}
	pol := p.Policies
	if pol == nil {
		id := getStr(p.Profile, "id") + "/policies/default"
		pol = obj{"id": id, "name": "default", "type": "Microsoft.Billing/billingAccounts/billingProfiles/policies",
			"properties": obj{"viewCharges": "Allowed", "marketplacePurchases": "AllAllowed", "reservationPurchases": "Allowed",
				"savingsPlanPurchases": "Allowed", "invoiceSectionLabelManagement": "Allowed", "provisioningState": "Succeeded"}}
	}
	writeJSON(w, http.StatusOK, pol)
}

func (s *Server) listSubscriptions(w http.ResponseWriter, r *http.Request, _ map[string]string, _ []byte) {
	s.mu.Lock()
	out := make([]obj, 0, len(s.data.Subs))
	for _, sub := range s.data.Subs {
		out = append(out, sub.Subscription)
	}
	s.mu.Unlock()
	s.page(w, r, out)
}
