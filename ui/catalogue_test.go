package ui

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/azinvoice/azinvoice/ui/i18n"
)

// TestEveryMessageIDExists: every literal message ID the UI and main look
// up is in the English catalogue, and so is every ID built from parts.
func TestEveryMessageIDExists(t *testing.T) {
	lit := regexp.MustCompile(`(?:i18n\.T|bindingWith\([^,]+,|bind\([^)]*?,\s*"[^"]*",)\s*\(?\s*"([a-z][a-z0-9_]*(?:\.[a-zA-Z0-9_?]+)+)"`)
	files, _ := filepath.Glob("*.go")
	main, _ := filepath.Glob("../main.go")
	var ids []string
	for _, f := range append(files, main...) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range lit.FindAllStringSubmatch(string(b), -1) {
			ids = append(ids, m[1])
		}
	}
	if len(ids) < 150 {
		t.Fatalf("found only %d message IDs: the pattern no longer matches the code", len(ids))
	}
	for _, k := range []string{"canceled", "timeout", "nousage", "unsupported", "exists", "truncated", "badcontent",
		"invalidemail", "diskfull", "401", "403", "404", "409", "429", "5xx", "4xx", "network", "other"} {
		ids = append(ids, "err."+k+".why", "err."+k+".do")
	}
	for _, k := range []string{"payg", "freetrial", "vs", "open", "csp", "ea", "sponsor", "students", "pass", "devtest", "support", "plan", "unknown"} {
		ids = append(ids, "offer."+k)
	}
	for _, k := range []string{"csp", "noproperty", "unknownagreement"} {
		ids = append(ids, "notice."+k+".title", "notice."+k+".body")
	}
	for _, a := range guideAgreements {
		ids = append(ids, "agreement."+a.Badge())
	}
	for _, id := range ids {
		if !i18n.Has(id) {
			t.Errorf("message %q is not in the catalogue", id)
		}
	}
}
