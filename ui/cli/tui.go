package cli

import (
	"context"
	"fmt"

	"github.com/azinvoice/azinvoice/ui/i18n"
)

// runTUI is the root command: --version, else the terminal UI, which needs
// stdin and stdout to be a terminal.
func runTUI(ctx context.Context, o *IO, g *Globals) error {
	if g.ShowVersion {
		fmt.Fprintln(o.Out, "azinvoice", o.Version)
		return nil
	}
	if !o.InTTY || !o.OutTTY || o.TUI == nil {
		fmt.Fprintln(o.Err, i18n.T("tty.none"))
		return exitError{ExitUsage}
	}
	s, err := openSession(ctx, o, g)
	if err != nil {
		return err
	}
	defer s.Close()
	if code := o.TUI(ctx, s, g); code != 0 {
		return exitError{code}
	}
	return nil
}
