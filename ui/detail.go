package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/azinvoice/azinvoice/client"
	"github.com/azinvoice/azinvoice/model"
	"github.com/azinvoice/azinvoice/ui/i18n"
)

// detail shows every field of one invoice and its documents; d, D and u
// save the PDF (or the selected document), all documents, the usage file.
type detail struct {
	c      *common
	id     int
	scope  model.Scope
	inv    model.Invoice
	crumbs []string
	pg     pager
	docIdx []int // pager item -> document index, -1 for none
}

func detailScreen(c *common, sc model.Scope, inv model.Invoice, crumbs []string) *detail {
	d := &detail{c: c, id: c.newID(), scope: sc, inv: inv, pg: pager{c: c},
		crumbs: append(append([]string{}, crumbs...), model.OrNone(model.Clean(inv.Name)))}
	d.layout()
	return d
}

func (d *detail) layout() {
	st, in := d.c.st, d.inv
	field := func(id, v string) string { return st.Dim.Render(pad(i18n.T(id), 22, false)) + " " + v }
	head := []string{
		st.PanelTitle.Render(i18n.T("detail.title", map[string]any{"Name": model.OrNone(model.Clean(in.Name))})),
		field("detail.period", i18n.Period(in.Period)),
		field("detail.date", i18n.Date(in.Date)),
		field("detail.duedate", i18n.Date(in.DueDate)),
		field("detail.status", statusText(in.Status)),
		field("detail.type", invoiceTypeText(in.Type)),
		field("detail.doctype", docKindText(model.DocumentKind(in.DocumentType))),
	}
	head = append(head, amountLines(d.c, d.scope.Agreement, in)...)
	head = append(head,
		field("detail.profile", model.OrNone(model.Clean(in.ProfileDisplayName))),
		field("detail.subscription", model.OrNone(model.Clean(firstNonEmpty(in.SubscriptionName, in.SubscriptionID)))),
		field("detail.po", model.OrNone(model.Clean(in.PurchaseOrder))),
		"",
		st.Bold.Render(i18n.T(documentsLineID(in.Documents), map[string]any{"Count": len(in.Documents)})),
	)
	items := []pagerItem{{plain: true, lines: head}}
	d.docIdx = []int{-1}
	for i, doc := range in.Documents {
		line := fmt.Sprintf("%-13s %s", docKindText(doc.Kind), model.OrNone(model.Clean(doc.Name)))
		// Document numbers that only repeat the document's name say nothing.
		var nums []string
		for _, n := range doc.DocNumbers {
			if n != doc.Name {
				nums = append(nums, n)
			}
		}
		if len(nums) > 0 {
			line += st.Dim.Render("  " + model.Clean(strings.Join(nums, ", ")))
		}
		if _, why := doc.Route(d.scope.Agreement); why != "" {
			line += st.Dim.Render("  " + i18n.T(why))
		}
		items = append(items, pagerItem{lines: []string{line}})
		d.docIdx = append(d.docIdx, i)
	}
	if len(in.Documents) == 0 {
		items = append(items, pagerItem{plain: true, lines: []string{st.Dim.Render(i18n.T("detail.nodocs"))}})
		d.docIdx = append(d.docIdx, -1)
	}
	d.pg.set(items)
}

// documentsLineID offers the zip only when Azure can make one: some
// document has a name.
func documentsLineID(docs []model.Document) string {
	if len(docs) > 0 && !client.ZipOffered(docs) {
		return "shapes.detail.documents.nozip"
	}
	return "detail.documents"
}

// amountLines are the invoice's amounts, each with what the API says it
// means, so billed, due and total reconcile without surprise. A field the
// agreement's invoices never carry (MCA only) says "not given", not zero.
func amountLines(c *common, a model.Agreement, in model.Invoice) []string {
	st := c.st
	var out []string
	for _, f := range model.InvoiceAmounts() {
		v := i18n.Money(f.Get(in))
		if !f.Given(a) {
			v = st.Dim.Render(i18n.T("amount.notgiven"))
		}
		out = append(out, st.Dim.Render(pad(i18n.T(f.LabelID()), 22, false))+" "+pad(v, 14, true)+"  "+st.Dim.Render(i18n.T(f.MeaningID())))
	}
	return out
}

func docKindText(k model.DocumentKind) string {
	id := "doc." + strings.ToLower(string(k))
	if k != "" && i18n.Has(id) {
		return i18n.T(id)
	}
	return model.OrNone(model.Clean(string(k)))
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}

// selectedDoc is the document under the cursor, or nil.
func (d *detail) selectedDoc() *model.Document {
	if d.pg.cursor < 0 || d.pg.cursor >= len(d.docIdx) || d.docIdx[d.pg.cursor] < 0 {
		return nil
	}
	doc := d.inv.Documents[d.docIdx[d.pg.cursor]]
	return &doc
}

func (d *detail) Init() tea.Cmd    { return nil }
func (d *detail) ID() int          { return d.id }
func (d *detail) Busy() bool       { return d.c.dl.active(d.id) }
func (d *detail) Cancel()          { d.c.dl.cancelOwned(d.id) }
func (d *detail) Capturing() bool  { return false }
func (d *detail) Crumbs() []string { return d.crumbs[len(d.crumbs)-1:] }

func (d *detail) Update(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		if cmd, ok := invoiceKeys(d.c, d.id, d.scope, d.inv, d.selectedDoc(), k); ok {
			return cmd
		}
		if key.Matches(k, d.c.keys.Why) {
			return push(whyScreen(d.c, d.crumbs[0], client.FactsRequest{Scope: d.scope}))
		}
		if key.Matches(k, d.c.keys.Enter) {
			if doc := d.selectedDoc(); doc != nil && !doc.Downloadable(d.scope.Agreement) {
				return notDownloadable(doc, d.scope.Agreement)
			}
			return d.c.dl.start(d.id, client.Job{Kind: client.JobInvoicePDF, Scope: d.scope, Invoice: d.inv, Document: d.selectedDoc()}, client.ExistingFail)
		}
	}
	cmd, _ := d.pg.update(msg)
	return cmd
}

func (d *detail) View(width, height int) string { return d.pg.view(width, height) }

func (d *detail) Bindings() []key.Binding {
	b := []key.Binding{d.c.keys.Up, d.c.keys.Down}
	if doc := d.selectedDoc(); doc != nil && doc.Downloadable(d.scope.Agreement) {
		b = append(b, bindingWith(d.c.keys.Enter, "key.downloaddoc"))
	}
	return append(append(b, invoiceBindings(d.c, d.scope, d.inv)...), d.c.keys.Why, d.c.keys.Copy, d.c.keys.Info)
}

// invoiceKeys are the download and open keys of an invoice, on the list
// and on the detail screen alike.
func invoiceKeys(c *common, owner int, sc model.Scope, inv model.Invoice, doc *model.Document, k tea.KeyPressMsg) (tea.Cmd, bool) {
	switch {
	case key.Matches(k, c.keys.Download):
		if doc != nil && !doc.Downloadable(sc.Agreement) {
			return notDownloadable(doc, sc.Agreement), true
		}
		return c.dl.start(owner, client.Job{Kind: client.JobInvoicePDF, Scope: sc, Invoice: inv, Document: doc}, client.ExistingFail), true
	case key.Matches(k, c.keys.DownloadAll):
		if len(inv.Documents) == 0 {
			return func() tea.Msg { return statusMsg{text: i18n.T("dl.nodocs"), isErr: true} }, true
		}
		if !client.ZipOffered(inv.Documents) {
			return func() tea.Msg { return statusMsg{text: i18n.T("shapes.dl.nozip"), isErr: true} }, true
		}
		return c.dl.start(owner, client.Job{Kind: client.JobDocuments, Scope: sc, Invoice: inv}, client.ExistingFail), true
	case key.Matches(k, c.keys.Usage):
		if !usageAvailable(sc) {
			return func() tea.Msg { return statusMsg{text: i18n.T("dl.nousage"), isErr: true} }, true
		}
		if model.UsageTooOld(sc.Agreement, inv, c.now()) {
			return func() tea.Msg { return statusMsg{text: i18n.T("dl.usage.tooold"), isErr: true} }, true
		}
		cmd := c.dl.start(owner, client.Job{Kind: client.JobUsage, Scope: sc, Invoice: inv}, client.ExistingFail)
		if model.UsageMaybeNotReady(sc.Agreement, inv, c.now()) {
			note := func() tea.Msg { return statusMsg{text: i18n.T("dl.usage.notready")} }
			return tea.Sequence(note, cmd), true
		}
		return cmd, true
	case key.Matches(k, c.keys.Open):
		return openLink(invoicePortalURL(sc, inv)), true
	}
	return nil, false
}

// usageAvailable: Microsoft gives usage files for MOSP, MCA/MPA profiles
// and EA enrollments; a CSP customer gets them from the partner.
func usageAvailable(sc model.Scope) bool {
	return sc.Agreement.InvoiceScope() != model.ScopeNone
}

// notDownloadable says, instead of downloading another file, why a
// document cannot be had here.
func notDownloadable(doc *model.Document, a model.Agreement) tea.Cmd {
	_, why := doc.Route(a)
	if why == "" {
		why = model.DocNotDownloadableKind
	}
	text := i18n.T("shapes.dl.notdownloadable", map[string]any{"Kind": docKindText(doc.Kind), "Why": i18n.T(why)})
	return func() tea.Msg { return statusMsg{text: text, isErr: true} }
}

func invoiceBindings(c *common, sc model.Scope, inv model.Invoice) []key.Binding {
	b := []key.Binding{c.keys.Download}
	if client.ZipOffered(inv.Documents) {
		b = append(b, c.keys.DownloadAll)
	}
	if usageAvailable(sc) {
		b = append(b, c.keys.Usage)
	}
	return append(b, c.keys.Open)
}

// copyText is what y copies on the detail screen: the invoice's name.
func (d *detail) copyText() string { return d.inv.Name }

func (d *detail) info() []infoRow { return invoiceInfo(d.scope, d.inv) }

// Leave keeps the screen's downloads running after the person goes back.
func (d *detail) Leave() {}
