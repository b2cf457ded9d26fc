package client

import (
	"context"
	"errors"
	"io"

	"github.com/azinvoice/azinvoice/model"
)

// errPending marks a Billing method not built yet; it never panics.
var errPending = errors.New("not implemented yet in this build")

func pending(op string) error { return &Error{Op: op, Message: "not implemented yet", Err: errPending} }

func (l *Live) Access(ctx context.Context, scope model.Scope) (model.Access, error) {
	return model.Access{Err: pending("check access")}, pending("check access")
}

func (l *Live) RoleAssignments(ctx context.Context, account, profile string) ([]RoleAssignment, error) {
	return nil, pending("list role assignments")
}

func (l *Live) Usage(ctx context.Context, scope model.Scope, inv model.Invoice, w io.Writer, progress func(UsageProgress)) error {
	return pending("download usage")
}

func (l *Live) SetEmail(ctx context.Context, account, profile string, pref model.EmailPreference, poll PollFunc) (model.Profile, error) {
	return model.Profile{}, pending("change invoice email")
}
