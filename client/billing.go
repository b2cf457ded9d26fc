// Package client is azinvoice's access to Azure. It knows nothing of the
// terminal: the UI and (later) the scriptable commands both use Billing.
// Every call takes a context and stops when it is cancelled.
package client

import (
	"context"
	"io"
	"time"

	"github.com/azinvoice/azinvoice/model"
)

// Billing is every call the app makes to Azure. Live is the one
// implementation; --demo points it at the loopback emulator.
type Billing interface {
	// Accounts lists the billing accounts the identity can see (all pages).
	Accounts(ctx context.Context) ([]model.Account, error)
	// Profiles lists the billing profiles of an MCA/MPA account.
	Profiles(ctx context.Context, account string) ([]model.Profile, error)
	// Profile reads one billing profile fresh (with its ETag).
	Profile(ctx context.Context, account, profile string) (model.Profile, error)
	// BillingSubscriptions lists the subscriptions billed to an account or profile.
	BillingSubscriptions(ctx context.Context, scope model.Scope) ([]model.Subscription, error)
	// Invoices lists a scope's invoices in the period: by billing subscription
	// (MOSP), billing profile (MCA/MPA) or billing account (EA).
	Invoices(ctx context.Context, scope model.Scope, period model.Period) ([]model.Invoice, error)
	// Subscriptions lists the subscriptions the identity can see, each joined
	// with its billing property. A property that cannot be read leaves that
	// subscription's PropertyErr set; it does not fail the list.
	Subscriptions(ctx context.Context) ([]model.Subscription, error)
	// Policies reads an EA enrollment's view-charges policies.
	Policies(ctx context.Context, account string) (model.Policies, error)
	// Access asks the billing permissions API what the caller may do on a scope.
	Access(ctx context.Context, scope model.Scope) (model.Access, error)
	// RoleAssignments lists the billing role assignments of a profile.
	RoleAssignments(ctx context.Context, account, profile string) ([]RoleAssignment, error)

	// DocumentLink runs the long-running operation that serves one document
	// of an invoice (doc nil: the invoice PDF) and returns the short-lived
	// link it ends in. The operation follows the document (Document.Route):
	// by name, the invoice itself, an EA summary or transactions. A document
	// no operation serves is ErrNotDownloadable, never another file.
	DocumentLink(ctx context.Context, scope model.Scope, invoice string, doc *model.Document, poll PollFunc) (Link, error)
	// DocumentsLink runs the download-documents operation: one zip of the
	// named documents (a nameless one cannot be asked for: ErrUnsupported
	// when none has a name).
	DocumentsLink(ctx context.Context, scope model.Scope, invoice string, docs []model.Document, poll PollFunc) (Link, error)
	// Usage writes the daily usage of an invoice's billing period as CSV to w:
	// MCA/MPA by invoice ID and EA by billing period through a cost-details
	// report, MOSP through the legacy usageDetails pages.
	Usage(ctx context.Context, scope model.Scope, inv model.Invoice, w io.Writer, progress func(UsageProgress)) error
	// Fetch streams a Link's content to w with a plain HTTP client that never
	// carries the Resource Manager token. size is the Content-Length, or -1.
	Fetch(ctx context.Context, link Link, w io.Writer, progress func(done, size int64)) (contentType string, err error)

	// SetEmail changes only a profile's invoiceEmailOptIn and invoiceRecipients:
	// it reads the profile fresh, sends the change (long-running), then reads
	// it back and returns what the server holds.
	SetEmail(ctx context.Context, account, profile string, pref model.EmailPreference, poll PollFunc) (model.Profile, error)
}

// Link is a short-lived download URL (an SAS URL). Its query string is a
// secret: String() hides it, so a Link can be logged or shown safely.
type Link struct {
	URL     string
	Expires time.Time
}

// String is the URL without its query string.
func (l Link) String() string { return RedactURL(l.URL) }

// PollFunc is told, while a long-running operation runs, how long it has
// been waiting. It may be nil.
type PollFunc func(elapsed time.Duration)

// UsageProgress reports a usage file being made.
type UsageProgress struct {
	Preparing bool          // the report is still being prepared on the service side
	Elapsed   time.Duration // time spent so far
	Rows      int64         // rows written so far
	Bytes     int64         // bytes written so far
	// NoUsage: the service said the period has no usage (a 204, or an
	// empty first page); the file holds only the header row.
	NoUsage bool
	// Unreadable counts records that could not be read and were left out.
	Unreadable int64
}

// RoleAssignment is one billing role assignment on a profile.
type RoleAssignment struct {
	Role          model.Role
	PrincipalName string // email or display name, as the API gives it
	PrincipalType string
}
