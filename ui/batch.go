package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/azinvoice/azinvoice/client"
	"github.com/azinvoice/azinvoice/model"
	"github.com/azinvoice/azinvoice/ui/i18n"
)

// invoiceTone colours an invoice's status cell.
func invoiceTone(c *common, st model.InvoiceStatus, cell string) (string, bool) {
	switch st {
	case model.StatusPaid:
		return c.st.cached(c.st.Good, "good", cell), true
	case model.StatusDue:
		return c.st.cached(c.st.Warn, "warn", cell), true
	case model.StatusOverDue:
		return c.st.cached(c.st.Bad, "bad", cell), true
	case model.StatusVoid:
		return c.st.cached(c.st.Dim, "dim", cell), true
	}
	return "", false
}

// batchKeys downloads the marked invoices together: d their PDFs, u their
// usage files. Each is a download of its own in the status line and the
// downloads panel; an invoice whose scope has no usage file is skipped and
// counted.
func batchKeys(c *common, owner int, items []scopedInvoice, msg tea.KeyPressMsg) (tea.Cmd, bool) {
	var kind client.JobKind
	switch {
	case key.Matches(msg, c.keys.Download):
		kind = client.JobInvoicePDF
	case key.Matches(msg, c.keys.Usage):
		kind = client.JobUsage
	default:
		return nil, false
	}
	var cmds []tea.Cmd
	started, skipped := 0, 0
	for _, si := range items {
		if kind == client.JobUsage && !usageAvailable(si.scope) {
			skipped++
			continue
		}
		cmds = append(cmds, c.dl.start(owner, client.Job{Kind: kind, Scope: si.scope, Invoice: si.inv}, client.ExistingFail))
		started++
	}
	text := i18n.T("batch.started", map[string]any{"Count": started})
	if skipped > 0 {
		text += " " + i18n.T("batch.skipped", map[string]any{"Count": skipped})
	}
	cmds = append(cmds, func() tea.Msg { return statusMsg{text: text} })
	return tea.Batch(cmds...), true
}

// batchBindings are the keys that act on marked invoices.
func batchBindings(c *common) []key.Binding {
	return []key.Binding{bindingWith(c.keys.Download, "key.downloadmarked"), bindingWith(c.keys.Usage, "key.usagemarked")}
}
