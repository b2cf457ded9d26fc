package emulator

import (
	"encoding/json"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
)

// armError is the body every ARM failure carries.
func armError(code, message string) obj {
	return obj{"error": obj{"code": code, "message": message}}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		status, b = http.StatusInternalServerError, []byte(`{"error":{"code":"InternalServerError","message":"encoding failed"}}`)
	}
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(len(b)))
	h.Set("x-ms-request-id", newID())
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

func writeError(w http.ResponseWriter, status int, code, message string) {
	if status == http.StatusTooManyRequests {
		if w.Header().Get("Retry-After") == "" {
			w.Header().Set("Retry-After", "1")
		}
	}
	writeJSON(w, status, armError(code, message))
}

func writeAPIError(w http.ResponseWriter, e *apiError) {
	writeError(w, e.Status, e.Code, e.Message)
}

// page answers one page of a list, ARM style: {"value":[...],"nextLink":...}
// where nextLink is this same request with $skipToken advanced.
func (s *Server) page(w http.ResponseWriter, r *http.Request, items []obj) {
	s.pageWith(w, r, items, s.nextLink)
}

// pageWith is page with the nextLink made by link.
func (s *Server) pageWith(w http.ResponseWriter, r *http.Request, items []obj, link func(*http.Request, string, int) string) {
	size := s.opts.PageSize
	if top, err := strconv.Atoi(r.URL.Query().Get("top")); err == nil && top > 0 && top < size {
		size = top
	}
	start := skipToken(r.URL.Query())
	if start > len(items) {
		start = len(items)
	}
	end := min(start+size, len(items))
	body := obj{"value": items[start:end]}
	if end < len(items) {
		body["nextLink"] = link(r, "$skipToken", end)
	}
	writeJSON(w, http.StatusOK, body)
}

// relativeNextLink is a nextLink as Azure has sent it for invoice lists:
// a path without scheme or host, "$skiptoken", and period dates written
// "2000-01-01 00:00:00Z" with the spaces unescaped.
func relativeNextLink(r *http.Request, _ string, next int) string {
	q := r.URL.Query()
	parts := []string{"$skiptoken=" + strconv.Itoa(next)}
	for _, k := range []string{"periodStartDate", "periodEndDate"} {
		if v := q.Get(k); v != "" {
			if t, ok := queryDate(v); ok {
				v = t.Format("2006-01-02") + " 00:00:00Z"
			}
			parts = append(parts, k+"="+v)
		}
	}
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		switch k {
		case "periodStartDate", "periodEndDate", "$skipToken", "$skiptoken":
			continue
		}
		for _, v := range q[k] {
			parts = append(parts, url.QueryEscape(k)+"="+url.QueryEscape(v))
		}
	}
	return r.URL.EscapedPath() + "?" + strings.Join(parts, "&")
}

func skipToken(q url.Values) int {
	for _, k := range []string{"$skipToken", "$skiptoken"} {
		if n, err := strconv.Atoi(q.Get(k)); err == nil && n > 0 {
			return n
		}
	}
	return 0
}

func (s *Server) nextLink(r *http.Request, key string, next int) string {
	q := r.URL.Query()
	q.Del("$skipToken")
	q.Del("$skiptoken")
	q.Set(key, strconv.Itoa(next))
	return s.armURL + r.URL.EscapedPath() + "?" + q.Encode()
}

// segments splits a path, dropping empty parts, keeping escapes undone.
func segments(p string) []string {
	var out []string
	for _, part := range strings.Split(p, "/") {
		if part == "" {
			continue
		}
		if u, err := url.PathUnescape(part); err == nil {
			part = u
		}
		out = append(out, part)
	}
	return out
}

// match compares path segments with a pattern such as
// "providers/Microsoft.Billing/billingAccounts/{a}/invoices". Literals compare
// case-insensitively, as ARM does; {x} captures one segment.
func match(pattern string, segs []string) (map[string]string, bool) {
	pat := strings.Split(pattern, "/")
	if len(pat) != len(segs) {
		return nil, false
	}
	vars := map[string]string{}
	for i, p := range pat {
		if strings.HasPrefix(p, "{") {
			vars[strings.Trim(p, "{}")] = segs[i]
			continue
		}
		if !strings.EqualFold(p, segs[i]) {
			return nil, false
		}
	}
	return vars, true
}
