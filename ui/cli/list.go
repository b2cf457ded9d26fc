package cli

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/azinvoice/azinvoice/model"
	"github.com/azinvoice/azinvoice/ui/i18n"
)

// session checks --output, then signs in and runs fn; the session is
// closed (and the debug log's path printed) when fn returns.
func session(ctx context.Context, o *IO, g *Globals, fn func(s *Session) error) error {
	if _, err := format(g); err != nil {
		return err
	}
	s, err := openSession(ctx, o, g)
	if err != nil {
		return err
	}
	defer s.Close()
	return fn(s)
}

// partial ends a run whose output is printed but some scopes failed.
func partial(o *IO, fl *failures) error {
	if fl.report(o) > 0 {
		return exitError{ExitPartial}
	}
	return nil
}

func command(use, id string, o *IO, g *Globals, run func(cmd *cobra.Command, args []string) error) *cobra.Command {
	c := &cobra.Command{
		Use: use, Short: i18n.T("cmd." + id + ".short"), Long: i18n.T("cmd." + id + ".long"),
		Example: i18n.T("cmd." + id + ".example"), Args: noArgs, RunE: run,
	}
	outputFlag(c, g)
	return c
}

func accountsCmd(o *IO, g *Globals) *cobra.Command {
	return command("accounts", "accounts", o, g, func(cmd *cobra.Command, _ []string) error {
		return session(cmd.Context(), o, g, func(s *Session) error {
			accs, err := s.Billing.Accounts(cmd.Context())
			if err != nil {
				return err
			}
			js := make([]AccountJSON, 0, len(accs))
			sh := sheet{keys: []string{"name", "displayName", "agreementType", "accountType", "accountStatus"},
				heads: []string{"cli.col.account", "cli.col.agreement", "cli.col.accounttype", "cli.col.status", "cli.col.name"}}
			for _, a := range accs {
				js = append(js, accountJSON(a))
				sh.add(a.Name, a.DisplayName, string(a.Agreement), a.AccountType, a.Status)
				sh.tableRows = append(sh.tableRows, []string{a.Title(), a.Agreement.Badge(), a.AccountType, a.Status, a.Name})
			}
			return emit(o, g, js, sh)
		})
	})
}

func profilesCmd(o *IO, g *Globals) *cobra.Command {
	var f scopeFlags
	c := command("profiles", "profiles", o, g, func(cmd *cobra.Command, _ []string) error {
		return session(cmd.Context(), o, g, func(s *Session) error {
			fl, err := emitProfiles(cmd.Context(), o, g, s, f)
			if err != nil {
				return err
			}
			return partial(o, fl)
		})
	})
	c.Flags().StringVar(&f.account, "account", "", i18n.T("flag.account"))
	c.Flags().StringVar(&f.profile, "profile", "", i18n.T("flag.profile"))
	return c
}

// emitProfiles prints the profiles the flags select (profiles, email):
// what could not be listed is in the failures returned.
func emitProfiles(ctx context.Context, o *IO, g *Globals, s *Session, f scopeFlags) (*failures, error) {
	fl := &failures{}
	ts, err := profiles(ctx, s.Billing, f, fl)
	if err != nil {
		return nil, err
	}
	js := make([]ProfileJSON, 0, len(ts))
	sh := profileSheet()
	for _, t := range ts {
		js = append(js, profileJSON(*t.profile))
		addProfile(&sh, t)
	}
	return fl, emit(o, g, js, sh)
}

func profileSheet() sheet {
	return sheet{keys: []string{"billingAccount", "name", "displayName", "currency", "invoiceDay", "status", "invoiceEmailOptIn", "invoiceRecipients"},
		heads: []string{"cli.col.account", "cli.col.profile", "cli.col.currency", "cli.col.email", "cli.col.recipients", "cli.col.name"}}
}

func addProfile(sh *sheet, t target) {
	p := *t.profile
	day, opt := "", ""
	if p.InvoiceDay > 0 {
		day = itoa(p.InvoiceDay)
	}
	if p.Email.OptIn != nil {
		opt = map[bool]string{true: "true", false: "false"}[*p.Email.OptIn]
	}
	sh.add(p.AccountName, p.Name, p.DisplayName, p.Currency, day, p.Status, opt, joinSemi(p.Email.Recipients))
	sh.tableRows = append(sh.tableRows, []string{t.account.Title(), p.Title(), p.Currency, emailWord(p.Email),
		i18n.Join(p.Email.Recipients), p.Name})
}

func emailWord(e model.EmailPreference) string {
	switch {
	case e.OptIn == nil:
		return model.None
	case *e.OptIn:
		return i18n.T("email.on")
	}
	return i18n.T("email.off")
}

func subscriptionsCmd(o *IO, g *Globals) *cobra.Command {
	var f scopeFlags
	c := command("subscriptions", "subscriptions", o, g, func(cmd *cobra.Command, _ []string) error {
		return session(cmd.Context(), o, g, func(s *Session) error {
			ctx := cmd.Context()
			fl := &failures{}
			var subs []model.Subscription
			if f.account == "" && f.profile == "" {
				all, err := s.Billing.Subscriptions(ctx)
				if err != nil {
					return err
				}
				subs = all
			} else {
				ts, err := billingSubScopes(ctx, s, f, fl)
				if err != nil {
					return err
				}
				for _, t := range ts {
					list, err := s.Billing.BillingSubscriptions(ctx, t.scope)
					if err != nil {
						fl.add(t.title(), err)
						continue
					}
					for _, x := range list {
						x.Agreement, x.AccountName, x.AccountDisplayName = t.account.Agreement, t.account.Name, t.account.DisplayName
						if t.profile != nil && x.ProfileName == "" {
							x.ProfileName = t.profile.Name
						}
						subs = append(subs, x)
					}
				}
			}
			js := make([]SubscriptionJSON, 0, len(subs))
			sh := sheet{keys: []string{"subscriptionId", "displayName", "state", "agreementType", "billingAccount", "billingProfile", "offerId", "subscriptionBillingType"},
				heads: []string{"cli.col.subscription", "cli.col.agreement", "cli.col.state", "cli.col.billingtype", "cli.col.subscriptionid"}}
			for _, x := range subs {
				js = append(js, subscriptionJSON(x))
				sh.add(x.SubscriptionID, x.DisplayName, x.State, string(x.Agreement), x.AccountName, x.ProfileName, x.OfferID, string(x.BillingType))
				agr := x.Agreement.Badge()
				if x.PropertyErr != nil {
					agr = "?"
				}
				sh.tableRows = append(sh.tableRows, []string{x.Title(), agr, x.State, string(x.BillingType), x.SubscriptionID})
			}
			if err := emit(o, g, js, sh); err != nil {
				return err
			}
			return partial(o, fl)
		})
	})
	c.Flags().StringVar(&f.account, "account", "", i18n.T("flag.account"))
	c.Flags().StringVar(&f.profile, "profile", "", i18n.T("flag.profile"))
	return c
}

// billingSubScopes: the profiles asked for, or the accounts (without profiles).
func billingSubScopes(ctx context.Context, s *Session, f scopeFlags, fl *failures) ([]target, error) {
	if f.profile != "" {
		return profiles(ctx, s.Billing, f, fl)
	}
	accs, err := accounts(ctx, s.Billing, f.account)
	if err != nil {
		return nil, err
	}
	out := make([]target, 0, len(accs))
	for _, a := range accs {
		out = append(out, target{account: a, scope: model.Scope{Kind: model.ScopeAccount, Agreement: a.Agreement, AccountName: a.Name}})
	}
	return out, nil
}

// filterFlags are the flags invoices and download share.
type filterFlags struct {
	scope  scopeFlags
	period periodFlags
	status string
}

func (f *filterFlags) add(c *cobra.Command) {
	fs := c.Flags()
	fs.StringVar(&f.scope.account, "account", "", i18n.T("flag.account"))
	fs.StringVar(&f.scope.profile, "profile", "", i18n.T("flag.profile"))
	fs.StringVar(&f.scope.subscription, "subscription", "", i18n.T("flag.subscription"))
	fs.StringVar(&f.period.period, "period", "", i18n.T("flag.period"))
	fs.StringVar(&f.period.from, "from", "", i18n.T("flag.from"))
	fs.StringVar(&f.period.to, "to", "", i18n.T("flag.to"))
	fs.StringVar(&f.status, "status", "", i18n.T("flag.status"))
}

// find lists the invoices matching the filters.
func (f *filterFlags) find(ctx context.Context, o *IO, s *Session, fl *failures) ([]found, error) {
	w, err := f.period.window(now(o))
	if err != nil {
		return nil, err
	}
	ts, err := invoiceTargets(ctx, s.Billing, f.scope, fl)
	if err != nil {
		return nil, err
	}
	return listInvoices(ctx, s.Billing, ts, w, f.status, fl), nil
}

func invoicesCmd(o *IO, g *Globals) *cobra.Command {
	var f filterFlags
	c := command("invoices", "invoices", o, g, func(cmd *cobra.Command, _ []string) error {
		if _, err := f.period.window(now(o)); err != nil {
			return err
		}
		return session(cmd.Context(), o, g, func(s *Session) error {
			fl := &failures{}
			list, err := f.find(cmd.Context(), o, s, fl)
			if err != nil {
				return err
			}
			js := make([]InvoiceJSON, 0, len(list))
			for _, x := range list {
				js = append(js, invoiceJSON(x))
			}
			if err := emit(o, g, js, invoiceSheet(list)); err != nil {
				return err
			}
			return partial(o, fl)
		})
	})
	f.add(c)
	return c
}

// LinkJSON is one documentation link.
type LinkJSON struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	URL   string `json:"url"`
}

func linksCmd(o *IO, g *Globals) *cobra.Command {
	return command("links", "links", o, g, func(cmd *cobra.Command, _ []string) error {
		if _, err := format(g); err != nil {
			return err
		}
		links := model.Links()
		js := make([]LinkJSON, 0, len(links))
		sh := sheet{keys: []string{"id", "title", "url"}, heads: []string{"cli.col.title", "cli.col.url"}}
		for _, l := range links {
			js = append(js, LinkJSON{string(l.ID), i18n.T(l.TitleID), l.URL})
			sh.add(string(l.ID), i18n.T(l.TitleID), l.URL)
			sh.tableRows = append(sh.tableRows, []string{i18n.T(l.TitleID), l.URL})
		}
		return emit(o, g, js, sh)
	})
}
