package cli

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/azinvoice/azinvoice/client"
	"github.com/azinvoice/azinvoice/model"
	"github.com/azinvoice/azinvoice/ui"
	"github.com/azinvoice/azinvoice/ui/i18n"
)

// scopeFlags are --account, --profile and --subscription: each matches an
// ID, a name or a display name, without regard to case.
type scopeFlags struct {
	account, profile, subscription string
}

func matches(want string, values ...string) bool {
	if want == "" {
		return true
	}
	for _, v := range values {
		if v != "" && strings.EqualFold(strings.TrimSpace(want), v) {
			return true
		}
	}
	return false
}

// target is one scope whose invoices are listed, with what was read on
// the way to it (for the diagnosis and for display).
type target struct {
	scope   model.Scope
	account model.Account
	profile *model.Profile
	sub     *model.Subscription
}

// title names the scope for people: account › profile or subscription.
func (t target) title() string {
	parts := []string{t.account.Title()}
	if t.profile != nil {
		parts = append(parts, t.profile.Title())
	}
	if t.sub != nil {
		parts = append(parts, t.sub.Title())
	}
	if t.account.Name == "" && len(parts) > 1 {
		parts = parts[1:]
	}
	return model.Clean(strings.Join(parts, " › "))
}

// scopeFailure is a scope that could not be read; the rest go on.
type scopeFailure struct {
	what string // the scope, in words
	err  error
}

// failures collects scope failures from concurrent readers.
type failures struct {
	mu   sync.Mutex
	list []scopeFailure
}

func (f *failures) add(what string, err error) {
	f.mu.Lock()
	f.list = append(f.list, scopeFailure{what, err})
	f.mu.Unlock()
}

// report prints each failure on stderr. A scope the identity may not read
// (403) is a note, not a failure: the command lists what it can see. It
// returns how many real failures there were.
func (f *failures) report(o *IO) int {
	n := 0
	sort.SliceStable(f.list, func(i, j int) bool { return f.list[i].what < f.list[j].what })
	for _, x := range f.list {
		if model.IsForbidden(x.err) {
			fmt.Fprintln(o.Err, i18n.T("cli.scope.forbidden", map[string]any{"Scope": model.Clean(x.what)}))
			continue
		}
		n++
		fmt.Fprintln(o.Err, i18n.T("cli.scope.failed", map[string]any{"Scope": model.Clean(x.what), "Err": reasonText(x.err)}))
	}
	return n
}

// errText is an error's own text, cleaned and redacted: for data fields
// (billingPropertyError) that report what Azure said.
func errText(err error) string { return model.Clean(client.RedactText(err.Error())) }

// reasonText is why something failed in the words the screens use: the
// cause (client.Classify, through ui.ErrorText) and what the client did
// about it ("retried 3 times over 40 s", "Azure asked to wait 120 s"). A
// cause the screens can only call "something went wrong" keeps the
// error's own text instead.
func reasonText(err error) string {
	why, did := ui.ErrorText(err)
	if why == i18n.T("err.other.why") {
		why = errText(err)
	}
	if did != "" {
		why += " " + did
	}
	return why
}

// forEach runs fn for 0..n-1 with at most limit at once.
func forEach(n, limit int, fn func(i int)) {
	sem := make(chan struct{}, max(limit, 1))
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			fn(i)
		}()
	}
	wg.Wait()
}

// accounts lists the billing accounts matching --account.
func accounts(ctx context.Context, b client.Billing, want string) ([]model.Account, error) {
	all, err := b.Accounts(ctx)
	if err != nil {
		return nil, err
	}
	out := all[:0:0]
	for _, a := range all {
		if matches(want, a.ID, a.Name, a.DisplayName) {
			out = append(out, a)
		}
	}
	if want != "" && len(out) == 0 {
		return nil, usagef("cli.scope.noaccount", map[string]any{"Name": model.Clean(want)})
	}
	return out, nil
}

// profiles lists the billing profiles (MCA/MPA) under the matching accounts.
func profiles(ctx context.Context, b client.Billing, f scopeFlags, fl *failures) ([]target, error) {
	accs, err := accounts(ctx, b, f.account)
	if err != nil {
		return nil, err
	}
	per := make([][]target, len(accs))
	forEach(len(accs), 4, func(i int) {
		a := accs[i]
		if !a.Agreement.HasProfiles() {
			return
		}
		ps, err := b.Profiles(ctx, a.Name)
		if err != nil {
			fl.add(a.Title(), err)
			return
		}
		for _, p := range ps {
			if matches(f.profile, p.ID, p.Name, p.DisplayName) {
				per[i] = append(per[i], target{account: a, profile: &p,
					scope: model.Scope{Kind: model.ScopeProfile, Agreement: a.Agreement, AccountName: a.Name, ProfileName: p.Name}})
			}
		}
	})
	var out []target
	for _, p := range per {
		out = append(out, p...)
	}
	if f.profile != "" && len(out) == 0 && len(fl.list) == 0 {
		return nil, usagef("cli.scope.noprofile", map[string]any{"Name": model.Clean(f.profile)})
	}
	return out, nil
}

// invoiceTargets are the scopes whose invoices match the flags: every
// scope the identity can see when none is given. MOSP invoices hang off
// billing subscriptions, MCA/MPA off profiles, EA off the enrollment.
func invoiceTargets(ctx context.Context, b client.Billing, f scopeFlags, fl *failures) ([]target, error) {
	if f.subscription != "" {
		return subscriptionTargets(ctx, b, f)
	}
	if f.profile != "" {
		return profiles(ctx, b, f, fl)
	}
	accs, err := accounts(ctx, b, f.account)
	if err != nil {
		return nil, err
	}
	per := make([][]target, len(accs))
	forEach(len(accs), 4, func(i int) {
		a := accs[i]
		switch a.Agreement.InvoiceScope() {
		case model.ScopeAccount:
			per[i] = []target{{account: a, scope: model.Scope{Kind: model.ScopeAccount, Agreement: a.Agreement, AccountName: a.Name}}}
		case model.ScopeProfile:
			t, _ := profiles(ctx, b, scopeFlags{account: a.Name}, fl)
			per[i] = t
		case model.ScopeBillingSubscription:
			subs, err := b.BillingSubscriptions(ctx, model.Scope{Kind: model.ScopeAccount, Agreement: a.Agreement, AccountName: a.Name})
			if err != nil {
				fl.add(a.Title(), err)
				return
			}
			for _, s := range subs {
				if s.SubscriptionID == "" {
					continue
				}
				per[i] = append(per[i], target{account: a, sub: &s, scope: model.Scope{Kind: model.ScopeBillingSubscription,
					Agreement: a.Agreement, AccountName: a.Name, SubscriptionID: s.SubscriptionID}})
			}
		}
	})
	var out []target
	for _, p := range per {
		out = append(out, p...)
	}
	return out, nil
}

// subscriptionTargets finds --subscription among the subscriptions the
// identity can see and returns the scope whose invoices cover it: the
// subscription itself (MOSP), its billing profile (MCA) or its enrollment (EA).
func subscriptionTargets(ctx context.Context, b client.Billing, f scopeFlags) ([]target, error) {
	subs, err := b.Subscriptions(ctx)
	if err != nil {
		return nil, err
	}
	for _, s := range subs {
		if !matches(f.subscription, s.SubscriptionID, s.DisplayName, s.ID) {
			continue
		}
		if s.PropertyErr != nil {
			return nil, s.PropertyErr
		}
		sc := s.BillingScope()
		if sc.Kind == model.ScopeNone {
			return nil, usagef("cli.scope.noinvoices", map[string]any{"Name": model.Clean(s.Title())})
		}
		t := target{scope: sc, sub: &s, account: model.Account{Name: s.AccountName, DisplayName: s.AccountDisplayName, Agreement: s.Agreement}}
		if s.ProfileName != "" {
			t.profile = &model.Profile{Name: s.ProfileName, DisplayName: s.ProfileDisplayName, AccountName: s.AccountName}
		}
		return []target{t}, nil
	}
	return nil, usagef("cli.scope.nosubscription", map[string]any{"Name": model.Clean(f.subscription)})
}

// periodFlags are --period YYYY-MM, or --from/--to YYYY-MM (inclusive).
type periodFlags struct {
	period, from, to string
}

// window is the billing periods asked for: an invoice matches when its
// billing period starts in [from, to) (its invoice date when Azure gave
// no period). query is the wider range asked of the API, which filters by
// overlap with the period or by invoice date depending on the route.
type window struct {
	from, to time.Time
	set      bool
}

func parseMonth(flag, v string) (time.Time, error) {
	t, err := time.Parse("2006-01", strings.TrimSpace(v))
	if err != nil {
		return time.Time{}, usagef("cli.usage.month", map[string]any{"Flag": flag, "Value": model.Clean(v)})
	}
	return t, nil
}

func (p periodFlags) window(now time.Time) (window, error) {
	if p.period != "" && (p.from != "" || p.to != "") {
		return window{}, usagef("cli.usage.periodboth")
	}
	var w window
	switch {
	case p.period != "":
		t, err := parseMonth("--period", p.period)
		if err != nil {
			return w, err
		}
		return window{from: t, to: t.AddDate(0, 1, 0), set: true}, nil
	case p.from == "" && p.to == "":
		return w, nil
	}
	w.set = true
	now = now.UTC()
	w.to = time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, 1, 0)
	if p.to != "" {
		t, err := parseMonth("--to", p.to)
		if err != nil {
			return w, err
		}
		w.to = t.AddDate(0, 1, 0)
	}
	w.from = w.to.AddDate(0, -13, 0)
	if p.from != "" {
		t, err := parseMonth("--from", p.from)
		if err != nil {
			return w, err
		}
		w.from = t
	}
	if !w.from.Before(w.to) {
		return w, usagef("cli.usage.fromto")
	}
	return w, nil
}

// query is what the API is asked for: the months asked, and two more at
// the end, since an invoice is dated after its period ends.
func (w window) query() model.Period {
	if !w.set {
		return model.Period{}
	}
	return model.Period{Start: w.from, End: w.to.AddDate(0, 2, -1)}
}

func (w window) has(inv model.Invoice) bool {
	if !w.set {
		return true
	}
	t := inv.Period.Start
	if t.IsZero() {
		t = inv.Date
	}
	return !t.Before(w.from) && t.Before(w.to)
}

// found is one invoice with the scope it was listed under.
type found struct {
	t   target
	inv model.Invoice
}

// listInvoices reads the invoices of every target concurrently, keeps the
// ones in the window with the status asked for, drops duplicates, and
// orders them newest first.
func listInvoices(ctx context.Context, b client.Billing, ts []target, w window, status string, fl *failures) []found {
	per := make([][]found, len(ts))
	forEach(len(ts), 8, func(i int) {
		inv, err := b.Invoices(ctx, ts[i].scope, w.query())
		if err != nil {
			fl.add(ts[i].title(), err)
		}
		for _, v := range inv {
			if w.has(v) && (status == "" || strings.EqualFold(status, string(v.Status))) {
				per[i] = append(per[i], found{ts[i], v})
			}
		}
	})
	seen := map[string]bool{}
	var out []found
	for _, p := range per {
		for _, f := range p {
			k := f.t.scope.AccountName + "\x00" + f.inv.Name
			if f.inv.ID != "" {
				k = strings.ToLower(f.inv.ID)
			}
			if seen[k] {
				continue
			}
			seen[k] = true
			out = append(out, f)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].inv.Date.Equal(out[j].inv.Date) {
			return out[i].inv.Date.After(out[j].inv.Date)
		}
		return out[i].inv.Name < out[j].inv.Name
	})
	return out
}
