package client

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/azinvoice/azinvoice/model"
)

// maxSegment bounds one identifier in a request path.
const maxSegment = 512

// checkIDs refuses an identifier that cannot be one path segment of a
// Resource Manager URL. Identifiers go to Azure raw (the SDK path-escapes
// each one); what is refused here is what escaping cannot make safe: an
// empty name, "." and ".." (path joining would climb out of the route, so
// an invoice named ".." would be POSTed to its account), a "/" or "\", or
// bytes that are not UTF-8.
func checkIDs(op string, ids ...string) error {
	for _, id := range ids {
		if err := checkSegment(id); err != nil {
			return &Error{Op: op, Message: err.Error() + ": " + safeText(id, 80)}
		}
	}
	return nil
}

func checkSegment(id string) error {
	switch {
	case id == "":
		return fmt.Errorf("an empty name")
	case id == "." || id == "..":
		return fmt.Errorf("a name that is a path step")
	case strings.ContainsAny(id, `/\`):
		return fmt.Errorf("a name with a slash")
	case !utf8.ValidString(id):
		return fmt.Errorf("a name that is not UTF-8")
	case len(id) > maxSegment:
		return fmt.Errorf("a name longer than %d bytes", maxSegment)
	}
	return nil
}

// checkScope checks the names a scope carries (those that are set).
func checkScope(op string, s model.Scope) error {
	for _, id := range []string{s.AccountName, s.ProfileName, s.SubscriptionID} {
		if id != "" {
			if err := checkIDs(op, id); err != nil {
				return err
			}
		}
	}
	return nil
}
