package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/azinvoice/azinvoice/ui/i18n"
)

// TestEveryMessageIDExists: every message ID the commands look up is in the
// English catalogue, the literal ones and the ones built from parts.
func TestEveryMessageIDExists(t *testing.T) {
	lit := regexp.MustCompile(`(?:i18n\.T\(|usagef\(|")((?:cli|cmd|flag|usage|why|email|status|explain|debug|signin|tty)\.[a-z0-9_.]*[a-z0-9_])"`)
	files, _ := filepath.Glob("*.go")
	var ids []string
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range lit.FindAllStringSubmatch(string(b), -1) {
			ids = append(ids, m[1])
		}
	}
	if len(ids) < 80 {
		t.Fatalf("found only %d message IDs: the pattern no longer matches the code", len(ids))
	}
	for _, c := range []string{"accounts", "profiles", "subscriptions", "invoices", "download", "why", "email", "links"} {
		ids = append(ids, "cmd."+c+".short", "cmd."+c+".long", "cmd."+c+".example")
	}
	for _, o := range []string{outDownloaded, outSkipped, outFailed} {
		ids = append(ids, "cli.dl.line."+o)
	}
	for _, id := range ids {
		if !i18n.Has(id) {
			t.Errorf("message %q is not in the catalogue", id)
		}
	}
}
