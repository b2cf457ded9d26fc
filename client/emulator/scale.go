package emulator

import (
	"fmt"
	"strings"
)

// applyScale adds synthetic data for benchmarks, built from the demo's own
// records so the shapes stay exactly those of the demo.
func (s *Server) applyScale() {
	sc := s.opts.Scale
	d := s.data
	if sc.Invoices > 0 {
		if p := d.financeProfile(); p != nil && len(p.Invoices) > 0 {
			tmpl := p.Invoices[len(p.Invoices)-1]
			start := getTime(tmpl, "properties.invoicePeriodStartDate")
			acct := strings.TrimSuffix(getStr(tmpl, "id"), "/invoices/"+getStr(tmpl, "name"))
			for k := 1; k <= sc.Invoices; k++ {
				inv := clone(tmpl)
				name := fmt.Sprintf("GX%08d", k)
				ps := start.AddDate(0, -k, 0)
				inv["name"], inv["id"] = name, acct+"/invoices/"+name
				pr, _ := inv["properties"].(map[string]any)
				if pr == nil {
					continue
				}
				pr["invoicePeriodStartDate"] = ps.Format("2006-01-02T15:04:05Z")
				pr["invoicePeriodEndDate"] = ps.AddDate(0, 1, -1).Format("2006-01-02T15:04:05Z")
				pr["invoiceDate"] = ps.AddDate(0, 1, 0).Format("2006-01-02T15:04:05Z")
				pr["dueDate"] = ps.AddDate(0, 1, 30).Format("2006-01-02T15:04:05Z")
				pr["status"] = "Paid"
				pr["documents"] = []any{map[string]any{"kind": "Invoice", "name": name, "documentNumbers": []any{name}, "source": "DRS"}}
				p.Invoices = append(p.Invoices, inv)
			}
		}
	}
	if sc.Subscriptions > 0 && len(d.Subs) > 0 {
		tmpl := d.Subs[0]
		for k := 1; k <= sc.Subscriptions; k++ {
			id := fmt.Sprintf("00000000-5ca1-4e00-8000-%012d", k)
			sub := clone(tmpl.Subscription)
			sub["id"], sub["subscriptionId"], sub["displayName"] = "/subscriptions/"+id, id, fmt.Sprintf("Scale Subscription %d", k)
			prop := clone(tmpl.BillingProperty)
			prop["id"] = "/subscriptions/" + id + "/providers/Microsoft.Billing/billingProperty/default"
			d.Subs = append(d.Subs, &subData{Subscription: sub, BillingProperty: prop})
		}
	}
	if sc.Accounts > 0 && len(d.Accounts) > 0 {
		tmpl := d.Accounts[0]
		for k := 1; k <= sc.Accounts; k++ {
			name := fmt.Sprintf("00000000-5ca1-4a00-8000-%012d:00000000-5ca1-4b00-8000-%012d_2019-05-31", k, k)
			acc := clone(tmpl.Account)
			acc["id"], acc["name"] = "/providers/Microsoft.Billing/billingAccounts/"+name, name
			if pr, ok := acc["properties"].(map[string]any); ok {
				pr["displayName"] = fmt.Sprintf("Scale Account %d", k)
				pr["agreementType"] = "MicrosoftCustomerAgreement"
				pr["accountType"] = "Business"
			}
			d.Accounts = append(d.Accounts, &accountData{Account: acc, CallerRole: "Reader"})
		}
	}
}

// financeProfile is the MCA "Finance" billing profile, the one that scales.
func (d *dataset) financeProfile() *profileData {
	for _, a := range d.Accounts {
		for _, p := range a.Profiles {
			if getStr(p.Profile, "properties.displayName") == "Finance" {
				return p
			}
		}
	}
	return nil
}
