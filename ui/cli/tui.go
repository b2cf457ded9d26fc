package cli

import (
	"context"
	"fmt"

	"github.com/azinvoice/azinvoice/ui/i18n"
)

// runTUI is the root command: --version, else the terminal UI.
func runTUI(ctx context.Context, o *IO, g *Globals) error {
	if g.ShowVersion {
		fmt.Fprintln(o.Out, "azinvoice", o.Version)
		return nil
	}
	if o.TUI == nil {
		fmt.Fprintln(o.Err, i18n.T("tty.none"))
		return exitError{ExitUsage}
	}
	var s *Session
	defer func() {
		if s != nil {
			s.Close()
		}
	}()
	open := func() (*Session, int) {
		var err error
		if s, err = openSession(ctx, o, g); err != nil {
			return nil, exitCode(err, o)
		}
		return s, ExitOK
	}
	if code := o.TUI(ctx, g, open); code != ExitOK {
		return exitError{code}
	}
	return nil
}
