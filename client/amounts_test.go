package client

import (
	"context"
	"net/http"
	"testing"

	"github.com/azinvoice/azinvoice/model"
)

func TestExactAmounts(t *testing.T) {
	l, _, _ := newTestLive(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, `{"value":[{"id":"/x/invoices/G1","name":"G1","properties":{
			"billedAmount":{"currency":"EUR","value":200000.01},
			"amountDue":{"currency":"EUR","value":1234567.89}}}]}`)
	}))
	invs, err := l.Invoices(context.Background(), model.Scope{Kind: model.ScopeAccount, Agreement: model.AgreementEA, AccountName: "8608480"}, model.Period{})
	if err != nil || len(invs) != 1 {
		t.Fatalf("%v %d", err, len(invs))
	}
	in := invs[0]
	tests := []struct {
		name string
		got  model.Money
		want float64
	}{
		{"billed", in.Billed, 200000.01},
		{"due", in.Due, 1234567.89},
	}
	for _, tt := range tests {
		if !tt.got.Known || tt.got.Amount != tt.want || tt.got.Currency != "EUR" {
			t.Errorf("%s = %+v, want %v EUR", tt.name, tt.got, tt.want)
		}
	}
	if exactAmounts(nil, []byte(`{`)) != nil || len(exactAmounts([]model.Invoice{{Name: "x"}}, []byte(`garbage`))) != 1 {
		t.Error("bad pages must leave the invoices as they were")
	}
}
