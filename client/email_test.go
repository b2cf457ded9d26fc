package client

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"sync"
	"testing"

	"github.com/azinvoice/azinvoice/model"
)

// SetEmail sends If-Match with the ETag read, puts back only writable
// fields with the two email fields changed, and reports a change the
// server did not keep.
func TestSetEmailSendsOnlyWritableFields(t *testing.T) {
	var mu sync.Mutex
	var put map[string]any
	var ifMatch string
	keep := true
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		switch r.Method {
		case http.MethodGet:
			w.Header().Set("ETag", `"e1"`)
			optIn := "false"
			if put != nil && keep {
				optIn = "true"
			}
			writeJSON(w, 200, `{"name":"bp","properties":{"displayName":"BP","poNumber":"PO1","status":"Active","systemId":"S-1",
				"invoiceEmailOptIn":`+optIn+`,"invoiceRecipients":["a@b.c"],"currency":"EUR"}}`)
		case http.MethodPut:
			ifMatch = r.Header.Get("If-Match")
			body, _ := io.ReadAll(r.Body)
			put = map[string]any{}
			_ = json.Unmarshal(body, &put)
			writeJSON(w, 200, string(body))
		}
	})
	l, _, _ := newTestLive(t, h)
	on := true
	got, err := l.SetEmail(context.Background(), "acc", "bp", model.EmailPreference{OptIn: &on, Recipients: []string{"a@b.c"}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !got.Email.Enabled() || ifMatch != `"e1"` {
		t.Errorf("enabled %v, If-Match %q", got.Email.Enabled(), ifMatch)
	}
	props, _ := put["properties"].(map[string]any)
	for _, ro := range []string{"status", "systemId", "currency"} {
		if _, ok := props[ro]; ok {
			t.Errorf("read-only %q sent", ro)
		}
	}
	if props["displayName"] != "BP" || props["poNumber"] != "PO1" || props["invoiceEmailOptIn"] != true {
		t.Errorf("PUT properties = %v", props)
	}
	mu.Lock()
	keep = false
	mu.Unlock()
	if _, err := l.SetEmail(context.Background(), "acc", "bp", model.EmailPreference{OptIn: &on}, nil); err == nil {
		t.Error("a change the server did not keep was reported as done")
	}
	if _, err := l.SetEmail(context.Background(), "acc", "bp", model.EmailPreference{}, nil); err == nil {
		t.Error("no choice accepted")
	}
}

// A profile Azure describes in forms the SDK refuses (an invoice day as a
// string, a date in the US form) can still have its email changed: those
// fields are never sent back. A field the PUT must send back that cannot
// be read stops the change before anything is sent.
func TestSetEmailOddProfile(t *testing.T) {
	var mu sync.Mutex
	var put map[string]any
	billTo := `{"companyName":"Contoso","country":"US"}`
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		switch r.Method {
		case http.MethodGet:
			optIn := "false"
			if put != nil {
				optIn = "true"
			}
			writeJSON(w, 200, `{"name":"bp","properties":{"displayName":"BP","invoiceDay":"5","status":"SomethingNew",
				"billTo":`+billTo+`,"invoiceEmailOptIn":`+optIn+`,"invoiceRecipients":[],"currency":"EUR"}}`)
		case http.MethodPut:
			body, _ := io.ReadAll(r.Body)
			put = map[string]any{}
			_ = json.Unmarshal(body, &put)
			writeJSON(w, 200, string(body))
		}
	})
	l, _, _ := newTestLive(t, h)
	on := true
	got, err := l.SetEmail(context.Background(), "acc", "bp", model.EmailPreference{OptIn: &on}, nil)
	if err != nil {
		t.Fatal(err)
	}
	props, _ := put["properties"].(map[string]any)
	bt, _ := props["billTo"].(map[string]any)
	if !got.Email.Enabled() || got.InvoiceDay != 5 || props["displayName"] != "BP" || bt["companyName"] != "Contoso" || props["invoiceDay"] != nil {
		t.Errorf("profile %+v, PUT %v", got, props)
	}

	mu.Lock()
	put, billTo = nil, `"not an address"`
	mu.Unlock()
	_, err = l.SetEmail(context.Background(), "acc", "bp", model.EmailPreference{OptIn: &on}, nil)
	if !errors.Is(err, ErrUnreadable) {
		t.Errorf("err = %v", err)
	}
	mu.Lock()
	defer mu.Unlock()
	if put != nil {
		t.Error("a profile was written without a field it must carry back")
	}
}
