package cli

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/azinvoice/azinvoice/client"
	"github.com/azinvoice/azinvoice/model"
	"github.com/azinvoice/azinvoice/ui/i18n"
)

// FindingJSON is one reason weighed against the facts (why --output json).
type FindingJSON struct {
	Reason   string `json:"reason"`
	Verdict  string `json:"verdict"` // applies, unknown, ruled_out
	Title    string `json:"title"`
	Evidence string `json:"evidence"`
	Next     string `json:"next"`
	Link     string `json:"link"`
}

// WhyJSON is the diagnosis of one scope.
type WhyJSON struct {
	Scope    string        `json:"scope"`
	Findings []FindingJSON `json:"findings"`
}

func verdictWord(v model.Verdict) string {
	switch v {
	case model.Applies:
		return "applies"
	case model.RuledOut:
		return "ruled_out"
	}
	return "unknown"
}

func whyCmd(o *IO, g *Globals) *cobra.Command {
	var f scopeFlags
	c := command("why", "why", o, g, func(cmd *cobra.Command, _ []string) error {
		n := 0
		for _, v := range []string{f.account, f.profile, f.subscription} {
			if v != "" {
				n++
			}
		}
		if n == 0 || (f.subscription != "" && n > 1) {
			return usagef("cli.usage.whyscope")
		}
		return session(cmd.Context(), o, g, func(s *Session) error {
			ctx := cmd.Context()
			title, req, err := whyRequest(ctx, s, f)
			if err != nil {
				return err
			}
			req.Now, req.TenantID, req.Cloud = now(o), s.TenantID, s.Cloud
			findings := model.Explain(client.GatherFacts(ctx, s.Billing, req))
			if err := ctx.Err(); err != nil {
				return err
			}
			out := WhyJSON{Scope: title, Findings: make([]FindingJSON, 0, len(findings))}
			sh := sheet{keys: []string{"reason", "verdict", "title", "evidence", "next", "link"}}
			for _, x := range findings {
				link := ""
				if l, ok := model.LinkByID(x.Link); ok {
					link = l.Opens() // a moved seed link: where its content lives today, as the why screen opens
				}
				fj := FindingJSON{string(x.Reason), verdictWord(x.Verdict), i18n.Msg(x.Title), i18n.Msg(x.Evidence), i18n.Msg(x.Next), link}
				if x.Verdict == model.RuledOut {
					fj.Next = ""
				}
				out.Findings = append(out.Findings, fj)
				sh.add(fj.Reason, fj.Verdict, fj.Title, fj.Evidence, fj.Next, fj.Link)
			}
			if fm, _ := format(g); fm == "table" {
				return writeWhy(o, out, findings)
			}
			return emit(o, g, out, sh)
		})
	})
	c.Flags().StringVar(&f.account, "account", "", i18n.T("flag.account"))
	c.Flags().StringVar(&f.profile, "profile", "", i18n.T("flag.profile"))
	c.Flags().StringVar(&f.subscription, "subscription", "", i18n.T("flag.subscription"))
	return c
}

// whyRequest finds the one scope the flags name.
func whyRequest(ctx context.Context, s *Session, f scopeFlags) (string, client.FactsRequest, error) {
	if f.subscription != "" {
		subs, err := s.Billing.Subscriptions(ctx)
		if err != nil {
			return "", client.FactsRequest{}, err
		}
		for _, x := range subs {
			if matches(f.subscription, x.SubscriptionID, x.DisplayName, x.ID) {
				return model.Clean(x.Title()), client.FactsRequest{Scope: x.BillingScope(), Subscription: &x}, nil
			}
		}
		return "", client.FactsRequest{}, usagef("cli.scope.nosubscription", map[string]any{"Name": model.Clean(f.subscription)})
	}
	if f.profile != "" {
		fl := &failures{}
		ts, err := profiles(ctx, s.Billing, f, fl)
		if err != nil {
			return "", client.FactsRequest{}, err
		}
		if len(ts) != 1 {
			if len(ts) == 0 && len(fl.list) > 0 {
				return "", client.FactsRequest{}, fl.list[0].err
			}
			return "", client.FactsRequest{}, usagef("cli.scope.ambiguous", map[string]any{"Name": model.Clean(f.profile)})
		}
		a := ts[0].account
		return ts[0].title(), client.FactsRequest{Scope: ts[0].scope, Account: &a}, nil
	}
	accs, err := accounts(ctx, s.Billing, f.account)
	if err != nil {
		return "", client.FactsRequest{}, err
	}
	if len(accs) != 1 {
		return "", client.FactsRequest{}, usagef("cli.scope.ambiguous", map[string]any{"Name": model.Clean(f.account)})
	}
	a := accs[0]
	sc := model.Scope{Kind: model.ScopeAccount, Agreement: a.Agreement, AccountName: a.Name}
	return model.Clean(a.Title()), client.FactsRequest{Scope: sc, Account: &a}, nil
}

// writeWhy prints the findings as the why screen lists them.
func writeWhy(o *IO, w WhyJSON, findings []model.Finding) error {
	var b strings.Builder
	counts := map[model.Verdict]int{}
	for _, f := range findings {
		counts[f.Verdict]++
	}
	fmt.Fprintf(&b, "%s — %s\n%s\n\n", i18n.T("why.title"), model.Clean(w.Scope), i18n.T("why.summary", map[string]any{
		"Applies": counts[model.Applies], "Unknown": counts[model.Unknown], "RuledOut": counts[model.RuledOut]}))
	if counts[model.Applies] == 0 {
		fmt.Fprintf(&b, "%s\n\n", i18n.T("why.noneapply"))
	}
	for i, f := range findings {
		x := w.Findings[i]
		mark := map[model.Verdict]string{model.Applies: "●", model.Unknown: "?", model.RuledOut: "○"}[f.Verdict]
		fmt.Fprintf(&b, "%s %s · %s\n", mark, i18n.T(f.Verdict.MsgID()), model.Clean(x.Title))
		fmt.Fprintf(&b, "  %s %s\n", i18n.T("why.evidence"), model.Clean(x.Evidence))
		if x.Next != "" {
			label := "why.next"
			if f.Verdict == model.Unknown {
				label = "why.check" // as the why screen: the step that checks what azinvoice could not read
			}
			fmt.Fprintf(&b, "  %s %s\n", i18n.T(label), model.Clean(x.Next))
		}
		if id, ok := f.Changed(); ok && f.Verdict == model.Applies && i18n.Has(id) {
			fmt.Fprintf(&b, "  %s %s\n", i18n.T("why.changed"), i18n.T(id))
		}
		if x.Link != "" {
			fmt.Fprintf(&b, "  %s %s\n", i18n.T("why.doc"), x.Link)
		}
		b.WriteByte('\n')
	}
	_, err := o.Out.Write([]byte(b.String()))
	return err
}
