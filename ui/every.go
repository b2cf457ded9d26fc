package ui

import (
	"context"
	"slices"
	"strings"
	"sync"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/azinvoice/azinvoice/client"
	"github.com/azinvoice/azinvoice/model"
	"github.com/azinvoice/azinvoice/ui/i18n"
)

// maxInFlight bounds the requests the cross-scope view keeps open. ARM
// allows about 250 reads, then about 25 a second per tenant; at 64 in
// flight 429s reached the person, at 16 they did not.
const maxInFlight = 16

// scopedInvoice is an invoice with the scope it was listed under, so
// enter, d and u act on the right account.
type scopedInvoice struct {
	scope model.Scope
	where string // the account or profile, as shown
	inv   model.Invoice
}

// everyMsg is one step of the crawl: scopes found, or one scope's invoices.
type everyMsg struct {
	scopes int // scopes newly found
	found  []scopedInvoice
	done   bool   // one scope was read (found may be empty)
	failed bool   // …and could not be read
	where  string // the scope that failed, as shown
	listed bool   // every scope has been found
}

// everyInvoice (A) is every invoice the identity can see, across every
// billing scope, for the last twelve months: due and past due first, with
// totals due per currency. It fills in as scopes answer and can be used
// while it loads.
type everyInvoice struct {
	*listScreen[scopedInvoice]
	feed                chan everyMsg
	stop                context.CancelFunc
	total, done, failed int
	listed, running     bool
	stopped             bool     // cancelled before every scope answered
	failedWhere         []string // the scopes that could not be read
	all                 []scopedInvoice
}

func newEveryInvoice(c *common) *everyInvoice {
	e := &everyInvoice{}
	e.listScreen = newList(c, listSpec[scopedInvoice]{
		crumbs: []string{i18n.Ref("crumb.every")},
		cols: []column{
			{TitleID: "col.invoice", Flex: true},
			{TitleID: "col.where", Width: 16, Max: 24, Drop: 3},
			{TitleID: "col.duedate", Width: 10, Drop: 2},
			{TitleID: "col.billed", Width: 12, Right: true, Drop: 1},
			{TitleID: "col.due", Width: 12, Right: true},
			{TitleID: "col.invstatus", Width: 7},
		},
		row: func(si scopedInvoice) []string {
			in := si.inv
			return []string{model.OrNone(model.Clean(in.Name)), si.where, i18n.Date(in.DueDate),
				i18n.Money(in.Billed), i18n.Money(in.Due), statusText(in.Status)}
		},
		tone: func(si scopedInvoice, col int, cell string) (string, bool) {
			if col != 5 {
				return "", false
			}
			return invoiceTone(c, si.inv.Status, cell)
		},
		enter: func(si scopedInvoice) tea.Cmd {
			return push(detailScreen(c, si.scope, si.inv, []string{si.where, i18n.Ref("crumb.invoices")}))
		},
		copy:    func(si scopedInvoice) string { return si.inv.Name },
		info:    func(si scopedInvoice) []infoRow { return invoiceInfo(si.scope, si.inv) },
		emptyID: "every.empty", hintID: "every.empty.hint", whatID: "what.every",
		sortKey: "every", mark: true,
		above: func(width int) string { return e.header(width) },
	})
	e.spec.keys = e.keys
	e.spec.bindings = func(si *scopedInvoice) []key.Binding {
		if si == nil {
			return nil
		}
		if len(e.marks) > 0 {
			return append(batchBindings(c), c.keys.Refresh)
		}
		return append(invoiceBindings(c, si.scope, si.inv), c.keys.Refresh)
	}
	e.loaded = true // usable at once: rows appear as scopes answer
	return e
}

func (e *everyInvoice) Init() tea.Cmd { return e.reload() }

// reload starts the crawl again.
func (e *everyInvoice) reload() tea.Cmd {
	e.Cancel()
	ctx, cancel := context.WithCancel(e.c.ctx)
	e.stop = cancel
	e.feed = make(chan everyMsg, 64)
	e.total, e.done, e.failed, e.listed, e.running, e.stopped, e.all = 0, 0, 0, false, true, false, nil
	e.failedWhere = nil
	e.SetItems(nil)
	go crawl(ctx, e.c.cfg.Billing, yearWindow(e.c.now(), 0), e.feed)
	return e.listen()
}

func (e *everyInvoice) listen() tea.Cmd {
	feed, id := e.feed, e.id
	return func() tea.Msg {
		m, ok := <-feed
		if !ok {
			return loadedMsg{screen: id, value: everyEnd{feed: feed}}
		}
		return loadedMsg{screen: id, value: m}
	}
}

// everyEnd says a crawl's feed closed.
type everyEnd struct{ feed chan everyMsg }

func (e *everyInvoice) Busy() bool { return e.running }

func (e *everyInvoice) Cancel() {
	if e.stop != nil {
		e.stop()
		e.stop = nil
	}
	if e.running {
		e.stopped = true // esc: what was read stays, and says it is partial
	}
	e.running = false
}

func (e *everyInvoice) Leave() { e.Cancel() }

func (e *everyInvoice) Update(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok && !e.filtering && key.Matches(k, e.c.keys.Refresh) {
		return e.reload()
	}
	m, ok := msg.(loadedMsg)
	if !ok || m.screen != e.id {
		return e.listScreen.Update(msg)
	}
	switch v := m.value.(type) {
	case everyEnd:
		if v.feed == e.feed {
			e.running = false
			e.readAt = e.c.now()
		}
		return nil
	case everyMsg:
		if !e.running {
			return nil // cancelled: drain nothing more
		}
		e.total += v.scopes
		e.listed = e.listed || v.listed
		if v.done {
			e.done++
		}
		if v.failed {
			e.failed++
			if v.where != "" {
				e.failedWhere = append(e.failedWhere, v.where)
			}
		}
		if len(v.found) > 0 {
			e.all = append(e.all, v.found...)
			e.show()
		}
		return e.listen()
	}
	return nil
}

// show sorts due and past due first and keeps the cursor on its invoice.
func (e *everyInvoice) show() {
	var keep string // the cursor stays on the top row until the person moves it
	if cur := e.Current(); cur != nil && e.tbl.cursor > 0 {
		keep = cur.inv.ID + cur.inv.Name
	}
	slices.SortStableFunc(e.all, func(a, b scopedInvoice) int {
		if ra, rb := dueRank(a.inv.Status), dueRank(b.inv.Status); ra != rb {
			return ra - rb
		}
		if c := a.inv.DueDate.Compare(b.inv.DueDate); c != 0 && dueRank(a.inv.Status) < 2 {
			return c // the soonest due first
		}
		if c := b.inv.Date.Compare(a.inv.Date); c != 0 {
			return c // newest first
		}
		// Scopes answer in any order: the same data always shows the same way.
		if c := strings.Compare(a.where, b.where); c != 0 {
			return c
		}
		return strings.Compare(a.inv.Name, b.inv.Name)
	})
	e.SetItems(e.all)
	for i, si := range e.items {
		if si.inv.ID+si.inv.Name == keep {
			e.tbl.Select(i)
			break
		}
	}
}

func dueRank(s model.InvoiceStatus) int {
	switch s {
	case model.StatusOverDue:
		return 0
	case model.StatusDue:
		return 1
	}
	return 2
}

// header is the progress ("142 of 500 scopes") and the totals due per currency.
func (e *everyInvoice) header(width int) string {
	st := e.c.st
	var parts []string
	switch {
	case e.running && !e.listed:
		parts = append(parts, e.c.spin+" "+i18n.T("every.finding", map[string]any{"Done": e.done, "Count": e.total}))
	case e.running:
		parts = append(parts, e.c.spin+" "+i18n.T("every.progress", map[string]any{"Done": e.done, "Count": e.total}))
	case e.stopped:
		parts = append(parts, st.Warn.Render(i18n.T("every.stopped", map[string]any{"Done": e.done, "Count": e.total})))
	default:
		parts = append(parts, i18n.T("every.scopes", map[string]any{"Count": e.total}))
	}
	if t := dueTotals(e.all); t != "" {
		parts = append(parts, st.Warn.Render(i18n.T("every.due", map[string]any{"Totals": t})))
	}
	if e.failed > 0 {
		line := i18n.T("every.failed", map[string]any{"Count": e.failed})
		if len(e.failedWhere) > 0 { // name them: the person can open that scope for the reason
			names := slices.Clone(e.failedWhere)
			slices.Sort(names)
			line += ": " + i18n.Join(names)
		}
		parts = append(parts, st.Bad.Render(line))
	}
	return truncate(strings.Join(parts, "  "), width)
}

// dueTotals sums what is due on due and past-due invoices, per currency.
func dueTotals(all []scopedInvoice) string {
	sums := map[string]float64{}
	var curs []string
	for _, si := range all {
		in := si.inv
		if dueRank(in.Status) == 2 || !in.Due.Known {
			continue
		}
		cur := strings.ToUpper(in.Due.Currency)
		if _, ok := sums[cur]; !ok {
			curs = append(curs, cur)
		}
		sums[cur] += in.Due.Amount
	}
	slices.Sort(curs)
	var out []string
	for _, cur := range curs {
		out = append(out, i18n.Money(model.Money{Amount: sums[cur], Currency: cur, Known: true}))
	}
	return strings.Join(out, " · ")
}

func (e *everyInvoice) keys(msg tea.KeyPressMsg, si *scopedInvoice) (tea.Cmd, bool) {
	if marked := e.marked(); len(marked) > 0 {
		if cmd, ok := batchKeys(e.c, e.id, marked, msg); ok {
			return cmd, true
		}
	}
	if si != nil {
		return invoiceKeys(e.c, e.id, si.scope, si.inv, nil, msg)
	}
	return nil, false
}

// crawl lists every billing scope and reads each one's invoices, never
// more than maxInFlight requests at once, and reports each step on feed.
func crawl(ctx context.Context, b client.Billing, window model.Period, feed chan<- everyMsg) {
	defer close(feed)
	sem := make(chan struct{}, maxInFlight)
	call := func(fn func()) bool {
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
			return false
		}
		defer func() { <-sem }()
		fn()
		return true
	}
	send := func(m everyMsg) {
		select {
		case feed <- m:
		case <-ctx.Done():
		}
	}
	var wg sync.WaitGroup
	read := func(sc model.Scope, where string) {
		send(everyMsg{scopes: 1})
		wg.Add(1)
		go func() {
			defer wg.Done()
			var invs []model.Invoice
			var err error
			if !call(func() { invs, err = b.Invoices(ctx, sc, window) }) {
				return
			}
			m := everyMsg{done: true, failed: err != nil}
			if err != nil {
				m.where = where
			}
			for _, in := range invs {
				m.found = append(m.found, scopedInvoice{scope: sc, where: where, inv: in})
			}
			send(m)
		}()
	}
	var accts []model.Account
	var err error
	if !call(func() { accts, err = b.Accounts(ctx) }) || err != nil {
		if err != nil {
			send(everyMsg{scopes: 1, done: true, failed: true, listed: true})
		}
		return
	}
	var find sync.WaitGroup
	for _, a := range accts {
		title := model.Clean(a.Title())
		switch {
		case a.Agreement.HasProfiles():
			find.Add(1)
			go func() {
				defer find.Done()
				var profs []model.Profile
				var err error
				if !call(func() { profs, err = b.Profiles(ctx, a.Name) }) {
					return
				}
				if err != nil {
					send(everyMsg{scopes: 1, done: true, failed: true, where: title})
					return
				}
				for _, p := range profs {
					read(profileScope(a, p), model.Clean(p.Title()))
				}
			}()
		case a.Agreement == model.AgreementEA:
			read(accountScope(a), title)
		case a.Agreement == model.AgreementMOSP:
			find.Add(1)
			go func() {
				defer find.Done()
				var subs []model.Subscription
				var err error
				if !call(func() { subs, err = b.BillingSubscriptions(ctx, accountScope(a)) }) {
					return
				}
				if err != nil {
					send(everyMsg{scopes: 1, done: true, failed: true, where: title})
					return
				}
				for _, s := range subs {
					s = withParent(s, accountScope(a))
					read(s.BillingScope(), model.Clean(s.Title()))
				}
			}()
		}
	}
	find.Wait()
	send(everyMsg{listed: true})
	wg.Wait()
}
