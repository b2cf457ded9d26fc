package cli

import (
	"bufio"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/azinvoice/azinvoice/model"
	"github.com/azinvoice/azinvoice/ui/i18n"
)

type emailFlags struct {
	scope       scopeFlags
	add, remove []string
	yes         bool
}

func emailCmd(o *IO, g *Globals) *cobra.Command {
	var f emailFlags
	c := command("email [on|off]", "email", o, g, func(cmd *cobra.Command, args []string) error {
		var on *bool
		if len(args) == 1 {
			switch strings.ToLower(args[0]) {
			case "on":
				on = ptr(true)
			case "off":
				on = ptr(false)
			default:
				return usagef("cli.usage.emailarg", map[string]any{"Arg": model.Clean(args[0])})
			}
		}
		change := on != nil || len(f.add) > 0 || len(f.remove) > 0
		if !change {
			return session(cmd.Context(), o, g, func(s *Session) error { return showEmail(cmd.Context(), o, g, s, f.scope) })
		}
		if f.scope.profile == "" {
			return usagef("cli.usage.emailprofile")
		}
		if g.ReadOnly {
			return usagef("cli.email.readonly")
		}
		if !f.yes && !o.InTTY {
			return usagef("cli.email.needyes")
		}
		return session(cmd.Context(), o, g, func(s *Session) error { return changeEmail(cmd.Context(), o, g, s, f, on) })
	})
	c.Args = func(_ *cobra.Command, args []string) error {
		if len(args) > 1 {
			return usagef("usage.extra", map[string]any{"Arg": args[1]})
		}
		return nil
	}
	fs := c.Flags()
	fs.StringVar(&f.scope.account, "account", "", i18n.T("flag.account"))
	fs.StringVar(&f.scope.profile, "profile", "", i18n.T("flag.profile"))
	fs.StringArrayVar(&f.add, "add-recipient", nil, i18n.T("flag.addrecipient"))
	fs.StringArrayVar(&f.remove, "remove-recipient", nil, i18n.T("flag.removerecipient"))
	fs.BoolVarP(&f.yes, "yes", "y", false, i18n.T("flag.yes"))
	return c
}

func ptr[T any](v T) *T { return &v }

func showEmail(ctx context.Context, o *IO, g *Globals, s *Session, f scopeFlags) error {
	fl, err := emitProfiles(ctx, o, g, s, f)
	if err != nil {
		return err
	}
	if fm, _ := format(g); fm == "table" {
		fmt.Fprintln(o.Err, i18n.T("cli.email.note"))
	}
	return partial(o, fl)
}

func changeEmail(ctx context.Context, o *IO, g *Globals, s *Session, f emailFlags, on *bool) error {
	fl := &failures{}
	ts, err := profiles(ctx, s.Billing, f.scope, fl)
	if err != nil {
		return err
	}
	if len(ts) != 1 {
		if len(ts) == 0 && len(fl.list) > 0 {
			return fl.list[0].err
		}
		return usagef("cli.scope.ambiguous", map[string]any{"Name": model.Clean(f.scope.profile)})
	}
	t := ts[0]
	p, err := s.Billing.Profile(ctx, t.scope.AccountName, t.scope.ProfileName)
	if err != nil {
		return err
	}
	if model.IsGovCloud(s.Cloud) || slices.ContainsFunc(p.TargetClouds, model.IsGovCloud) {
		return exitErrorf(o, i18n.T("cli.email.gov"))
	}
	pref := model.EmailPreference{OptIn: p.Email.OptIn, Recipients: slices.Clone(p.Email.Recipients)}
	if on != nil {
		pref.OptIn = on
	}
	if pref.OptIn == nil {
		pref.OptIn = ptr(false)
	}
	for _, r := range f.add {
		if !slices.ContainsFunc(pref.Recipients, func(x string) bool { return strings.EqualFold(x, r) }) {
			pref.Recipients = append(pref.Recipients, strings.TrimSpace(r))
		}
	}
	for _, r := range f.remove {
		pref.Recipients = slices.DeleteFunc(pref.Recipients, func(x string) bool { return strings.EqualFold(x, strings.TrimSpace(r)) })
	}
	word := map[bool]string{true: i18n.T("email.on"), false: i18n.T("email.off")}[*pref.OptIn]
	fmt.Fprintln(o.Err, i18n.T("cli.email.plan", map[string]any{"Profile": t.title(), "State": word,
		"Recipients": model.OrNone(model.Clean(i18n.Join(pref.Recipients)))}))
	if !f.yes {
		fmt.Fprint(o.Err, i18n.T("cli.email.confirm")+" ")
		line, _ := bufio.NewReader(o.In).ReadString('\n')
		if a := strings.ToLower(strings.TrimSpace(line)); a != "y" && a != "yes" {
			fmt.Fprintln(o.Err, i18n.T("cli.email.unchanged"))
			return exitError{ExitError}
		}
	}
	got, err := s.Billing.SetEmail(ctx, t.scope.AccountName, t.scope.ProfileName, pref, nil)
	if err != nil {
		return err
	}
	got.AccountName = t.scope.AccountName
	t.profile = &got
	sh := profileSheet()
	addProfile(&sh, t)
	return emit(o, g, []ProfileJSON{profileJSON(got)}, sh)
}
