package i18n

import (
	"strings"

	"github.com/azinvoice/azinvoice/model"
)

// Msg translates a model message (a finding's title, evidence or next
// step). Azure's own tokens in its data (a role such as "InvoiceManager",
// a policy such as "NotAllowed") are put into words through the catalogue
// where it has them; amounts are formatted for the reader and nested
// messages translated. The why screen and the why command both use it.
func Msg(m model.Msg) string {
	if m.ID == "" {
		return ""
	}
	if m.Data == nil {
		return T(m.ID)
	}
	data := make(map[string]any, len(m.Data))
	for k, v := range m.Data {
		data[k] = v
		switch v := v.(type) {
		case string:
			if k == "Role" || k == "Policy" {
				if id := "value." + strings.ToLower(k) + "." + v; Has(id) {
					data[k] = T(id)
				}
			}
		case model.Money:
			data[k] = Money(v)
		case model.Msg:
			data[k] = Msg(v)
		}
	}
	return T(m.ID, data)
}
