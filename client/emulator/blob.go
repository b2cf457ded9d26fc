package emulator

import (
	"archive/zip"
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// docRef is one invoice document, with what its PDF prints.
type docRef struct {
	Invoice, Name, Kind string
	Amount              float64
	Currency            string
	PeriodStart         time.Time
	PeriodEnd           time.Time
}

func (d docRef) blobPath() string {
	if d.Kind == "Transactions" {
		return "/transactions/" + url.PathEscape(d.Name) + ".csv"
	}
	return "/invoices/" + url.PathEscape(d.Name) + ".pdf"
}

// kindSuffix names the blob of an EA document that has no name of its
// own: the invoice's name and its kind ("7511356-Summary").
func kindSuffix(kind string) string { return "-" + kind }

func invoiceRef(inv obj) docRef {
	return docRef{Invoice: getStr(inv, "name"),
		Amount:      getNum(inv, "properties.totalAmount.value"),
		Currency:    getStr(inv, "properties.totalAmount.currency"),
		PeriodStart: getTime(inv, "properties.invoicePeriodStartDate"),
		PeriodEnd:   getTime(inv, "properties.invoicePeriodEndDate")}
}

// findKind finds an invoice's document of a kind (EA documents have no
// name; they are served by the operation of their kind).
func findKind(inv obj, kind string) (docRef, bool) {
	ref := invoiceRef(inv)
	docs, _ := get(inv, "properties.documents").([]any)
	for _, d := range docs {
		m, _ := d.(map[string]any)
		if k, _ := m["kind"].(string); strings.EqualFold(k, kind) {
			ref.Kind = k
			ref.Name, _ = m["name"].(string)
			if ref.Name == "" {
				ref.Name = ref.Invoice
				if k != "Invoice" {
					ref.Name += kindSuffix(k)
				}
			}
			return ref, true
		}
	}
	return docRef{}, false
}

func findDoc(inv obj, docName string) (docRef, bool) {
	ref := invoiceRef(inv)
	if docName == "" {
		if d, ok := findKind(inv, "Invoice"); ok {
			return d, true
		}
	}
	docs, _ := get(inv, "properties.documents").([]any)
	for _, d := range docs {
		m, _ := d.(map[string]any)
		name, _ := m["name"].(string)
		kind, _ := m["kind"].(string)
		if docName != "" && name != "" && strings.EqualFold(name, docName) {
			ref.Name, ref.Kind = name, kind
			return ref, true
		}
	}
	if docName == "" || strings.EqualFold(docName, ref.Invoice) {
		ref.Name, ref.Kind = ref.Invoice, "Invoice"
		return ref, true
	}
	return docRef{}, false
}

// docByName finds a document anywhere in the data set (the blob host is
// reached only through a signed link, so no role check here).
func (s *Server) docByName(name string) (docRef, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var lists [][]obj
	for _, a := range s.data.Accounts {
		lists = append(lists, a.allInvoices())
	}
	for _, sub := range s.data.Subs {
		lists = append(lists, sub.Invoices)
	}
	for _, l := range lists {
		for _, inv := range l {
			if d, ok := findDoc(inv, name); ok && strings.EqualFold(d.Name, name) {
				return d, true
			}
			for _, kind := range []string{"Summary", "Transactions"} {
				if strings.EqualFold(name, getStr(inv, "name")+kindSuffix(kind)) {
					if d, ok := findKind(inv, kind); ok {
						return d, true
					}
				}
			}
		}
	}
	return docRef{}, false
}

func (s *Server) sign(path, se string) string {
	m := hmac.New(sha256.New, s.secret)
	m.Write([]byte(path + "\n" + se))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// storageError answers like Azure Storage: an XML error body.
func storageError(w http.ResponseWriter, status int, code, msg string) {
	b := []byte(`<?xml version="1.0" encoding="utf-8"?><Error><Code>` + code + `</Code><Message>` + msg + `</Message></Error>`)
	w.Header().Set("Content-Type", "application/xml")
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	w.Header().Set("x-ms-error-code", code)
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

// serveBlob is the blob host. A bearer token must never reach it: such a
// request is refused (and recorded, for the tests that check it never happens).
func (s *Server) serveBlob(w http.ResponseWriter, r *http.Request) {
	s.record(r)
	s.logf("BLOB %s %s", r.Method, r.URL.Path)
	if r.Header.Get("Authorization") != "" {
		storageError(w, http.StatusForbidden, "AuthenticationFailed", "An Authorization header is not accepted on a SAS request.")
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		storageError(w, http.StatusMethodNotAllowed, "UnsupportedHttpVerb", "The resource doesn't support the specified HTTP verb.")
		return
	}
	q := r.URL.Query()
	se := q.Get("se")
	exp, err := time.Parse(time.RFC3339, se)
	if err != nil || !hmac.Equal([]byte(q.Get("sig")), []byte(s.sign(r.URL.EscapedPath(), se))) {
		storageError(w, http.StatusForbidden, "AuthenticationFailed", "Server failed to authenticate the request. Signature did not match.")
		return
	}
	if !s.now().Before(exp) {
		storageError(w, http.StatusForbidden, "AuthenticationFailed", "Signed expiry time ["+se+"] must be after signed start time (the link has expired).")
		return
	}
	serve := func(w http.ResponseWriter) { s.blobContent(w, r) }
	if f := s.takeFault(r, "blob"); f != nil {
		s.serveFault(w, r, f, serve)
		return
	}
	serve(w)
}

func (s *Server) blobContent(w http.ResponseWriter, r *http.Request) {
	p := r.URL.Path
	switch {
	case strings.HasPrefix(p, "/invoices/") && strings.HasSuffix(p, ".pdf"):
		d, ok := s.docByName(strings.TrimSuffix(strings.TrimPrefix(p, "/invoices/"), ".pdf"))
		if !ok {
			storageError(w, http.StatusNotFound, "BlobNotFound", "The specified blob does not exist.")
			return
		}
		writeBlob(w, r, "application/pdf", invoicePDF(d))
	case strings.HasPrefix(p, "/documents/") && strings.HasSuffix(p, ".zip"):
		s.mu.Lock()
		refs, ok := s.zips[strings.TrimSuffix(strings.TrimPrefix(p, "/documents/"), ".zip")]
		s.mu.Unlock()
		if !ok {
			storageError(w, http.StatusNotFound, "BlobNotFound", "The specified blob does not exist.")
			return
		}
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for _, d := range refs {
			f, err := zw.Create(d.Name + ".pdf")
			if err == nil {
				_, _ = f.Write(invoicePDF(d))
			}
		}
		_ = zw.Close()
		writeBlob(w, r, "application/zip", buf.Bytes())
	case strings.HasPrefix(p, "/transactions/") && strings.HasSuffix(p, ".csv"):
		d, ok := s.docByName(strings.TrimSuffix(strings.TrimPrefix(p, "/transactions/"), ".csv"))
		if !ok || d.Kind != "Transactions" {
			storageError(w, http.StatusNotFound, "BlobNotFound", "The specified blob does not exist.")
			return
		}
		writeBlob(w, r, "text/csv", transactionsCSV(d))
	case strings.HasPrefix(p, "/usage/") && strings.HasSuffix(p, ".csv"):
		s.usageBlob(w, r, strings.TrimSuffix(strings.TrimPrefix(p, "/usage/"), ".csv"))
	default:
		storageError(w, http.StatusNotFound, "BlobNotFound", "The specified blob does not exist.")
	}
}

func writeBlob(w http.ResponseWriter, r *http.Request, ctype string, b []byte) {
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	w.Header().Set("x-ms-blob-type", "BlockBlob")
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		_, _ = w.Write(b)
	}
}
