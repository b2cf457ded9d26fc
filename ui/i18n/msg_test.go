package i18n

import (
	"strings"
	"testing"

	"github.com/azinvoice/azinvoice/model"
)

// TestMsg: the one translation of a model message that the why screen and
// the why command share puts amounts into the reader's format, translates
// nested messages and Azure's role and policy tokens.
func TestMsg(t *testing.T) {
	if Msg(model.Msg{}) != "" {
		t.Error("an empty message is not empty")
	}
	got := Msg(model.Msg{ID: "explain.ea_prepay.ev.covered", Data: map[string]any{
		"Month": model.Msg{ID: "crumb.root"},
		"Used":  model.Money{Amount: 12659.75, Currency: "USD", Known: true},
	}})
	for _, want := range []string{"Cost Management + Billing", "$12,659.75"} {
		if !strings.Contains(got, want) {
			t.Errorf("Msg = %q, missing %q", got, want)
		}
	}
	if strings.Contains(got, "{") || strings.Contains(got, "crumb.root") {
		t.Errorf("Msg left a value untranslated: %q", got)
	}
}
