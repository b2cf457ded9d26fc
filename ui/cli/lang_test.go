package cli

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/azinvoice/azinvoice/ui/i18n"
)

// --lang (or LANG) reaches the commands: tables and help follow it; the
// JSON keys and enum values stay as documented. Each run chooses afresh.
func TestLang(t *testing.T) {
	defer i18n.SetLanguage("en")
	r := run(t, context.Background(), []string{"invoices", "--demo", "--lang", "lv", "--period", "2026-10", "--output", "table"})
	if r.code != ExitOK || !strings.HasPrefix(r.out, "Rēķins") {
		t.Errorf("--lang lv table: exit %d\n%s", r.code, r.out)
	}
	r = run(t, context.Background(), []string{"invoices", "--demo", "--period", "2026-10", "--output", "json"},
		withEnv(map[string]string{"LANG": "lv_LV.UTF-8"}))
	var got []map[string]any
	if err := json.Unmarshal([]byte(r.out), &got); err != nil || len(got) == 0 || got[0]["status"] != "Due" {
		t.Errorf("LANG=lv JSON is not the documented one (%v):\n%s", err, r.out)
	}
	r = run(t, context.Background(), []string{"invoices", "--demo", "--period", "2026-10", "--output", "table"})
	if !strings.HasPrefix(r.out, "Invoice") {
		t.Errorf("a run without --lang kept the last run's language:\n%s", r.out)
	}
}

// Cobra's own headings in --help follow the language too; the flag names
// and the command names stay as typed.
func TestHelpHeadingsFollowLanguage(t *testing.T) {
	defer i18n.SetLanguage("en")
	cases := []struct {
		lang      string
		want, not []string
	}{
		{"lv", []string{"Lietojums:", "Karodziņi:", "Piemēri:", "[karodziņi]", "palīdzība par download", "--dir"}, []string{"Usage:", "Flags:", "[flags]"}},
		{"en", []string{"Usage:", "Flags:", "Examples:", "[flags]", "help for download"}, []string{"Lietojums:"}},
	}
	for _, c := range cases {
		r := run(t, context.Background(), []string{"download", "--help", "--lang", c.lang})
		if r.code != ExitOK {
			t.Fatalf("%s: exit %d", c.lang, r.code)
		}
		for _, w := range c.want {
			if !strings.Contains(r.out, w) {
				t.Errorf("%s help lacks %q:\n%s", c.lang, w, r.out)
			}
		}
		for _, n := range c.not {
			if strings.Contains(r.out, n) {
				t.Errorf("%s help still has %q", c.lang, n)
			}
		}
	}
}
