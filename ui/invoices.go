package ui

import (
	"context"
	"strings"
	"sync"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/azinvoice/azinvoice/client"
	"github.com/azinvoice/azinvoice/model"
	"github.com/azinvoice/azinvoice/ui/i18n"
)

// invoicesScreen lists a scope's invoices for a window of periods (a year
// by default; [ and ] move it), with a one-line chart of the trend.
type invoicesScr struct {
	*listScreen[model.Invoice]
	// hint reads the facts when the list comes back empty, so the likely
	// reason is offered without asking.
	hint   loader
	likely []model.Finding
	crumbs []string
	scope  model.Scope
	window model.Period // the periods of the rows shown
	want   model.Period // the periods last asked for ([ and ] move it)
	money  moneyMemo
}

// moneyMemo remembers the text of amounts and dates met again while rows
// are built: most invoices owe €0.00, a list holds few currencies, and
// invoices share their periods and dates. It forgets everything past
// 16,384 values, so it never grows with the list.
type moneyMemo struct {
	m     map[moneyKey]map[float64]string // by language and currency, then amount
	n     int
	last  moneyKey           // the language and currency of the last amount, and
	lastM map[float64]string // its map: a list rarely changes currency
	dates map[dateKey]string
}

type dateKey struct {
	lang       string
	start, end int64 // Unix seconds; end is 0 for a single date
	period     bool
}

func (mm *moneyMemo) dateText(k dateKey, format func() string) string {
	if s, ok := mm.dates[k]; ok {
		return s
	}
	if mm.dates == nil || len(mm.dates) >= 1<<14 {
		mm.dates = make(map[dateKey]string, 256)
	}
	s := format()
	mm.dates[k] = s
	return s
}

func (mm *moneyMemo) date(lang string, t time.Time) string {
	return mm.dateText(dateKey{lang: lang, start: t.Unix()}, func() string { return i18n.Date(t) })
}

func (mm *moneyMemo) period(lang string, p model.Period) string {
	return mm.dateText(dateKey{lang: lang, start: p.Start.Unix(), end: p.End.Unix(), period: true}, func() string { return i18n.Period(p) })
}

type moneyKey struct{ lang, cur string }

func (mm *moneyMemo) text(lang string, m model.Money) string {
	if !m.Known || m.Amount != m.Amount { // unknown or NaN: no key to keep it by
		return i18n.Money(m)
	}
	k := moneyKey{lang, m.Currency}
	inner := mm.lastM
	if inner == nil || k != mm.last {
		if mm.m == nil || mm.n >= 1<<14 {
			mm.m, mm.n = map[moneyKey]map[float64]string{}, 0
		}
		inner = mm.m[k]
		if inner == nil {
			inner = make(map[float64]string, 256)
			mm.m[k] = inner
		}
		mm.last, mm.lastM = k, inner
	}
	if s, ok := inner[m.Amount]; ok {
		return s
	}
	s := i18n.Money(m)
	inner[m.Amount] = s
	mm.n++
	return s
}

func invoicesScreen(c *common, sc model.Scope, crumbs []string) *invoicesScr {
	s := &invoicesScr{scope: sc, crumbs: crumbs, hint: newLoader(c)}
	now := c.now()
	s.window = yearWindow(now, 0)
	s.want = s.window
	s.listScreen = newList(c, listSpec[model.Invoice]{
		crumbs: crumbs,
		cols: []column{
			{TitleID: "col.invoice", Flex: true},
			{TitleID: "col.period", Width: 18},
			{TitleID: "col.invoicedate", Width: 10, Drop: 72},
			{TitleID: "col.billed", Width: 12, Right: true},
			{TitleID: "col.due", Width: 12, Right: true, Drop: 66},
			{TitleID: "col.invstatus", Width: 8},
			{TitleID: "col.invtype", Width: 16, Drop: 110},
		},
		loadNow: func() func(ctx context.Context) ([]model.Invoice, error) {
			sc, w := s.scope, s.want
			return func(ctx context.Context) ([]model.Invoice, error) { return c.cfg.Billing.Invoices(ctx, sc, w) }
		},
		row: func(in model.Invoice) []string {
			lang := i18n.Language()
			return []string{model.OrNone(model.Clean(in.Name)), s.money.period(lang, in.Period), s.money.date(lang, in.Date),
				s.money.text(lang, in.Billed), s.money.text(lang, in.Due),
				cachedWordIn(lang, "s", string(in.Status), statusWordOf), cachedWordIn(lang, "t", in.Type, invoiceTypeWord)}
		},
		tone: func(in model.Invoice, col int, cell string) (string, bool) {
			if col != 5 {
				return "", false
			}
			return invoiceTone(c, in.Status, cell)
		},
		emptyID: "invoices.empty", hintID: "invoices.empty.hint", whatID: "what.invoices",
		sortKey: "invoices", mark: true,
		less:  invoiceLess,
		copy:  func(in model.Invoice) string { return in.Name },
		info:  func(in model.Invoice) []infoRow { return invoiceInfo(s.scope, in) },
		above: func(width int) string { return s.header(width) },
		empty: func(width int) string { return s.likelyView(width) },
	})
	s.spec.keys = s.keys
	s.spec.enter = func(in model.Invoice) tea.Cmd { return push(detailScreen(c, s.scope, in, s.crumbs)) }
	s.spec.bindings = func(in *model.Invoice) []key.Binding {
		var b []key.Binding
		switch {
		case len(s.marks) > 0:
			b = batchBindings(c)
		case in != nil:
			b = invoiceBindings(c, s.scope, *in)
		}
		if s.canGoBack() {
			b = append(b, c.keys.PrevYear)
		}
		if s.canGoForward() {
			b = append(b, c.keys.NextYear)
		}
		return append(b, c.keys.Why)
	}
	return s
}

// earliestPeriod is the first month Azure billed (Azure became generally
// available in February 2010): [ stops at the window that holds it.
var earliestPeriod = time.Date(2010, 2, 1, 0, 0, 0, 0, time.UTC)

// yearWindow is twelve whole calendar months — the billing periods — the
// last of them the current month, shifted back by back years.
func yearWindow(now time.Time, back int) model.Period {
	start := time.Date(now.Year()-back, now.Month()-11, 1, 0, 0, 0, 0, time.UTC)
	return model.Period{Start: start, End: start.AddDate(1, 0, -1)}
}

// shiftWindow moves a window by whole years: always twelve whole months.
func shiftWindow(p model.Period, years int) model.Period {
	start := time.Date(p.Start.Year()+years, p.Start.Month(), 1, 0, 0, 0, 0, time.UTC)
	return model.Period{Start: start, End: start.AddDate(1, 0, -1)}
}

// invoiceLess orders invoices by a column's value, not its text: amounts
// by amount, dates by date.
func invoiceLess(a, b model.Invoice, col int) int {
	switch col {
	case 1:
		return a.Period.Start.Compare(b.Period.Start)
	case 2:
		return a.Date.Compare(b.Date)
	case 3:
		return cmpFloat(a.Billed.Amount, b.Billed.Amount)
	case 4:
		return cmpFloat(a.Due.Amount, b.Due.Amount)
	case 5:
		return dueRank(a.Status) - dueRank(b.Status)
	}
	return compareCells(a.Name, b.Name)
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func (s *invoicesScr) keys(msg tea.KeyPressMsg, _ *model.Invoice) (tea.Cmd, bool) {
	k := s.c.keys
	if marked := s.marked(); len(marked) > 0 {
		items := make([]scopedInvoice, len(marked))
		for i, in := range marked {
			items[i] = scopedInvoice{scope: s.scope, inv: in}
		}
		if cmd, ok := batchKeys(s.c, s.id, items, msg); ok {
			return cmd, true
		}
	}
	if inv := s.Current(); inv != nil {
		if cmd, ok := invoiceKeys(s.c, s.id, s.scope, *inv, nil, msg); ok {
			return cmd, true
		}
	}
	switch {
	case key.Matches(msg, k.Why):
		// The periods the person asked for, even when Azure refused them.
		win := s.want
		req := client.FactsRequest{Scope: s.scope, Window: &win}
		// The rows say what the latest invoices are only for the window
		// that ends today; otherwise the diagnosis reads them itself.
		if s.loaded && s.err == nil && !s.loading && s.window == yearWindow(s.c.now(), 0) {
			req.Invoices = append([]model.Invoice{}, s.items...)
		}
		return push(whyScreen(s.c, s.crumbs[0], req)), true
	case key.Matches(msg, k.PrevYear):
		if !s.canGoBack() {
			return nil, true
		}
		s.want = shiftWindow(s.want, -1)
		return s.reload(), true
	case key.Matches(msg, k.NextYear):
		if !s.canGoForward() {
			return nil, true
		}
		s.want = shiftWindow(s.want, 1)
		return s.reload(), true
	}
	return nil, false
}

// canGoForward: ] works until the window holds the current month.
func (s *invoicesScr) canGoForward() bool {
	return s.want.End.Before(yearWindow(s.c.now(), 0).Start)
}

// canGoBack: [ works until the window holds Azure's first billing month.
func (s *invoicesScr) canGoBack() bool { return s.want.Start.After(earliestPeriod) }

// header is the period shown and a sparkline of the newest twelve invoices.
func (s *invoicesScr) header(width int) string {
	st := s.c.st
	w := s.window
	if s.loading {
		w = s.want // say which periods are on their way
	}
	line := st.Dim.Render(i18n.T("invoices.window", map[string]any{"From": i18n.Date(w.Start), "To": i18n.Date(w.End)}))
	if spark, rng := sparkline(s.items, 12); spark != "" {
		line += "  " + st.Bar.Render(spark) + st.Dim.Render(" "+sparkLabel(spark, rng))
	}
	return truncate(line, width)
}

var bars = []rune("▁▂▃▄▅▆▇█")

// sparkline draws the billed amounts of the newest n invoices, oldest
// left, scaled from the lowest to the highest so the trend shows; it also
// returns that range as text.
func sparkline(in []model.Invoice, n int) (string, string) {
	var pick []model.Invoice
	for _, inv := range in {
		if inv.Billed.Known && inv.Status != model.StatusVoid {
			pick = append(pick, inv)
			if len(pick) == n {
				break
			}
		}
	}
	if len(pick) < 2 {
		return "", ""
	}
	lo, hi := pick[0].Billed, pick[0].Billed
	for _, p := range pick {
		if p.Billed.Amount > hi.Amount {
			hi = p.Billed
		}
		if p.Billed.Amount < lo.Amount {
			lo = p.Billed
		}
	}
	var b strings.Builder
	for i := len(pick) - 1; i >= 0; i-- {
		idx := len(bars) / 2
		if span := hi.Amount - lo.Amount; span > 0 {
			idx = int((pick[i].Billed.Amount - lo.Amount) / span * float64(len(bars)-1))
		}
		b.WriteRune(bars[min(max(idx, 0), len(bars)-1)])
	}
	return b.String(), i18n.Money(lo) + "–" + i18n.Money(hi)
}

// sparkLabel names as many invoices as bars were drawn.
func sparkLabel(spark, rng string) string {
	return i18n.T("invoices.sparkrange", map[string]any{"Count": len([]rune(spark)), "Range": rng})
}

// wordCache keeps the words for Azure's enum values (status, invoice type)
// per language: looking each one up in the catalogue for every one of
// 100,000 rows cost more than the rest of the row together.
var (
	wordMu    sync.RWMutex
	wordCache = map[wordKey]string{}
)

type wordKey struct{ lang, kind, value string }

func cachedWord(kind, value string, word func(string) string) string {
	return cachedWordIn(i18n.Language(), kind, value, word)
}

func cachedWordIn(lang, kind, value string, word func(string) string) string {
	if len(value) > 40 { // not one of the few values Azure uses: not kept
		return word(value)
	}
	k := wordKey{lang, kind, value}
	wordMu.RLock()
	w, ok := wordCache[k]
	wordMu.RUnlock()
	if ok {
		return w
	}
	w = word(value)
	wordMu.Lock()
	if len(wordCache) < 1024 {
		wordCache[k] = w
	}
	wordMu.Unlock()
	return w
}

func statusText(st model.InvoiceStatus) string {
	return cachedWord("s", string(st), statusWordOf)
}

func statusWordOf(v string) string { return statusWord(model.InvoiceStatus(v)) }

func invoiceTypeText(t string) string {
	return cachedWord("t", t, invoiceTypeWord)
}

func statusWord(st model.InvoiceStatus) string {
	if st == "" {
		return model.None
	}
	id := "status." + strings.ToLower(string(st))
	if i18n.Has(id) {
		return i18n.T(id)
	}
	return model.Clean(string(st))
}

func invoiceTypeWord(t string) string {
	if t == "" {
		return model.None
	}
	id := "invtype." + strings.ToLower(t)
	if i18n.Has(id) {
		return i18n.T(id)
	}
	return model.Clean(t)
}

func (s *invoicesScr) agreement() model.Agreement { return s.scope.Agreement }

// Busy is true while the list loads, the likely reason is being read, or
// one of its downloads runs: esc cancels any of them.
func (s *invoicesScr) Busy() bool { return s.loading || s.hint.loading || s.c.dl.active(s.id) }

func (s *invoicesScr) Cancel() {
	s.cancel()
	s.want = s.window
	s.hint.cancel()
	s.c.dl.cancelOwned(s.id)
}

// Owns routes both the list's answers and the hint's to this screen.
func (s *invoicesScr) Owns(id int) bool { return id == s.id || id == s.hint.id }

func (s *invoicesScr) Update(msg tea.Msg) tea.Cmd {
	m, ok := msg.(loadedMsg)
	if !ok {
		return s.listScreen.Update(msg)
	}
	if m.screen == s.hint.id {
		if s.hint.accept(m) {
			s.likely, _ = m.value.([]model.Finding)
		}
		return nil
	}
	if !s.accept(m) {
		return nil // a late or cancelled answer
	}
	if m.err == nil {
		s.window = s.want
		if items, ok := m.value.([]model.Invoice); ok {
			s.SetItems(items)
			s.readAt = s.c.now()
		}
		if len(s.items) == 0 {
			return s.explainEmpty()
		}
	}
	return nil
}

// explainEmpty weighs the reasons for an empty list in the background.
func (s *invoicesScr) explainEmpty() tea.Cmd {
	s.likely = nil
	win := s.window
	req := client.FactsRequest{Scope: s.scope, Invoices: []model.Invoice{}, Window: &win, Now: s.c.now(), TenantID: s.c.cfg.TenantID, Cloud: s.c.cfg.Cloud}
	return s.hint.start(func(ctx context.Context) (any, error) {
		return model.Explain(client.GatherFacts(ctx, s.c.cfg.Billing, req)), nil
	})
}

// likelyView names the reasons that apply to the empty list, if any.
func (s *invoicesScr) likelyView(width int) string {
	st := s.c.st
	if s.hint.loading {
		line := s.c.spin + " " + i18n.T("invoices.likely.loading") + " " +
			i18n.T("state.waited", map[string]any{"Seconds": int(s.c.now().Sub(s.hint.started).Seconds())})
		return st.Dim.Render(line)
	}
	var lines []string
	for _, f := range s.likely {
		if f.Verdict != model.Applies {
			break
		}
		lines = append(lines, st.Bad.Render("● ")+st.Bold.Render(tr(f.Title)), "  "+st.Dim.Render(wrap(tr(f.Evidence), max(10, width-2))))
	}
	if len(lines) == 0 {
		return ""
	}
	return st.PanelTitle.Render(i18n.T("invoices.likely")) + "\n" + strings.Join(lines, "\n")
}

// Leave stops the list's loads when the person goes back; downloads it
// started carry on.
func (s *invoicesScr) Leave() {
	s.cancel()
	s.want = s.window
	s.hint.cancel()
}
