package emulator

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/billing/armbilling"
)

func rawARM(t *testing.T, s *Server, method, path string, auth bool) (int, map[string]map[string]any) {
	t.Helper()
	req, _ := http.NewRequest(method, s.URL()+path, nil)
	if auth {
		tok, _ := s.Credential().GetToken(context.Background(), policy.TokenRequestOptions{})
		req.Header.Set("Authorization", "Bearer "+tok.Token)
	}
	resp, err := s.HTTPClient().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body map[string]map[string]any
	b, _ := io.ReadAll(resp.Body)
	if err := json.Unmarshal(b, &body); err != nil && resp.StatusCode != 200 {
		t.Fatalf("%s %s: not JSON: %q", method, path, b)
	}
	return resp.StatusCode, body
}

func TestARMErrors(t *testing.T) {
	s := start(t, Options{})
	for _, tc := range []struct {
		name, method, path string
		auth               bool
		status             int
		code               string
	}{
		{"unknown route", "GET", "/providers/Microsoft.Billing/nothingHere?api-version=2024-04-01", true, 404, "NotFound"},
		{"wrong api-version", "GET", "/providers/Microsoft.Billing/billingAccounts?api-version=2019-10-01-preview", true, 400, "InvalidApiVersionParameter"},
		{"missing api-version", "GET", "/subscriptions", true, 400, "InvalidApiVersionParameter"},
		{"no token", "GET", "/providers/Microsoft.Billing/billingAccounts?api-version=2024-04-01", false, 401, "AuthenticationFailed"},
		{"wrong method", "DELETE", "/providers/Microsoft.Billing/billingAccounts?api-version=2024-04-01", true, 405, "MethodNotAllowed"},
		{"unknown account", "GET", "/providers/Microsoft.Billing/billingAccounts/123?api-version=2024-04-01", true, 404, "ResourceNotFound"},
		{"bad period", "GET", "/providers/Microsoft.Billing/billingAccounts/8608480/invoices?api-version=2024-04-01&periodStartDate=soon", true, 400, "InvalidInput"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st, body := rawARM(t, s, tc.method, tc.path, tc.auth)
			if st != tc.status || body["error"]["code"] != tc.code || body["error"]["message"] == nil {
				t.Fatalf("%d %v", st, body)
			}
		})
	}
}

func TestFaults(t *testing.T) {
	ctx := context.Background()
	list := func(s *Server) error {
		// Profiles, not accounts: the accounts list holds the EA enrollment's
		// US-form dates, which the SDK's strict types refuse.
		c, _ := armbilling.NewProfilesClient(s.Credential(), armOptions(s))
		_, err := c.NewListByBillingAccountPager(mcaAccount, nil).NextPage(ctx)
		return err
	}
	for _, tc := range []struct {
		name    string
		fault   Fault
		wantErr func(error) bool
	}{
		{"5xx once is retried away", Fault{PathContains: "/billingAccounts", Status: 503, Times: 1}, func(err error) bool { return err == nil }},
		{"403 forever", Fault{Method: "GET", PathContains: "/billingaccounts", Status: 403, Code: "AuthorizationFailed"}, func(err error) bool {
			var re *azcore.ResponseError
			return errors.As(err, &re) && re.StatusCode == 403 && re.ErrorCode == "AuthorizationFailed"
		}},
		{"truncated body", Fault{PathContains: "/billingAccounts", Kind: FaultTruncate}, func(err error) bool { return err != nil }},
		{"reset mid-body", Fault{PathContains: "/billingAccounts", Kind: FaultReset}, func(err error) bool { return err != nil }},
		{"malformed JSON", Fault{PathContains: "/billingAccounts", Kind: FaultMalformedJSON}, func(err error) bool {
			return err != nil && !strings.Contains(err.Error(), "status")
		}},
		{"other path untouched", Fault{PathContains: "/checkAccess", Status: 500}, func(err error) bool { return err == nil }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := start(t, Options{})
			s.SetFault(tc.fault)
			if err := list(s); !tc.wantErr(err) {
				t.Fatalf("got %v", err)
			}
			s.ClearFaults()
			if err := list(s); err != nil {
				t.Fatalf("after ClearFaults: %v", err)
			}
		})
	}
}

func TestFaultOnBlob(t *testing.T) {
	s := start(t, Options{})
	link := s.sasLink("/usage/" + usageSpec{Seed: 1, Start: testNow.AddDate(0, 0, -3), End: testNow, Currency: "EUR"}.name() + ".csv")["url"].(string)
	for _, k := range []FaultKind{FaultTruncate, FaultReset} {
		s.SetFault(Fault{PathContains: "/usage/", Kind: k, Times: 1})
		resp, err := s.HTTPClient().Get(link)
		if err != nil {
			continue // a reset may already fail the response
		}
		_, err = io.ReadAll(resp.Body)
		resp.Body.Close()
		if err == nil {
			t.Fatalf("kind %d: body read fully", k)
		}
	}
	resp, err := s.HTTPClient().Get(link)
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("after Times ran out: %v", err)
	}
	resp.Body.Close()
}

func TestFaultAfterAccept(t *testing.T) {
	for _, tc := range []struct {
		name   string
		status int
	}{{"operation ends Failed", 0}, {"poll answers 409", 409}} {
		t.Run(tc.name, func(t *testing.T) {
			s := start(t, Options{PollAfter: 10 * time.Millisecond})
			s.SetFault(Fault{Method: "POST", PathContains: "/download", Kind: FaultAfterAccept, Status: tc.status, Code: "DocumentGenerationFailed", Times: 1})
			c, _ := armbilling.NewInvoicesClient("unused", s.Credential(), armOptions(s))
			ctx := context.Background()
			inv, err := c.NewListByBillingAccountPager(eaAccount, nil).NextPage(ctx)
			if err != nil {
				t.Fatal(err)
			}
			p, err := c.BeginDownloadByBillingAccount(ctx, eaAccount, *inv.Value[0].Name, nil)
			if err != nil {
				t.Fatalf("the POST itself should be accepted: %v", err)
			}
			_, err = p.PollUntilDone(ctx, fast)
			var re *azcore.ResponseError
			if !errors.As(err, &re) || re.ErrorCode != "DocumentGenerationFailed" {
				t.Fatalf("got %v", err)
			}
		})
	}
}

func TestThrottle(t *testing.T) {
	s := start(t, Options{Throttle: &Throttle{Rate: 0.001, Burst: 2}})
	codes := []int{}
	for range 3 {
		st, _ := rawARM(t, s, "GET", "/providers/Microsoft.Billing/billingAccounts?api-version=2024-04-01", true)
		codes = append(codes, st)
	}
	if codes[0] != 200 || codes[1] != 200 || codes[2] != 429 {
		t.Fatalf("%v", codes)
	}
}
