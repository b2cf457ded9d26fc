package client

import (
	"bytes"
	"encoding/json"
	"strconv"

	"github.com/azinvoice/azinvoice/model"
)

// armbilling v1.0.0 decodes every amount as float32, which cannot hold
// cents above about 131,072 (200000.01 becomes 200000.02). exactAmounts
// reads the same amounts again from the page as Azure sent it, as float64,
// and puts them back on the converted invoices, matched by name.
func exactAmounts(invs []model.Invoice, raw []byte) []model.Invoice {
	if len(raw) == 0 || len(invs) == 0 {
		return invs
	}
	type money struct {
		Value json.Number `json:"value"`
	}
	var page struct {
		Value []struct {
			Name       string `json:"name"`
			Properties struct {
				AmountDue              *money `json:"amountDue"`
				BilledAmount           *money `json:"billedAmount"`
				CreditAmount           *money `json:"creditAmount"`
				FreeAzureCreditApplied *money `json:"freeAzureCreditApplied"`
				AzurePrepaymentApplied *money `json:"azurePrepaymentApplied"`
				TaxAmount              *money `json:"taxAmount"`
				TotalAmount            *money `json:"totalAmount"`
			} `json:"properties"`
		} `json:"value"`
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if dec.Decode(&page) != nil {
		return invs // the SDK's float32 values stand
	}
	byName := make(map[string]int, len(invs))
	for i, in := range invs {
		byName[in.Name] = i
	}
	set := func(m *model.Money, v *money) {
		if v == nil || !m.Known {
			return
		}
		if f, err := strconv.ParseFloat(string(v.Value), 64); err == nil {
			m.Amount = f
		}
	}
	for _, v := range page.Value {
		i, ok := byName[model.Clean(v.Name)]
		if !ok {
			continue
		}
		p, in := v.Properties, &invs[i]
		set(&in.Due, p.AmountDue)
		set(&in.Billed, p.BilledAmount)
		set(&in.Credit, p.CreditAmount)
		set(&in.FreeCredit, p.FreeAzureCreditApplied)
		set(&in.Prepayment, p.AzurePrepaymentApplied)
		set(&in.Tax, p.TaxAmount)
		set(&in.Total, p.TotalAmount)
	}
	return invs
}
