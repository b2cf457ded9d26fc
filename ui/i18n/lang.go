package i18n

import (
	"strings"

	"golang.org/x/text/language"
)

// Languages are the catalogues azinvoice ships, English first: it is what
// an unknown or unsupported locale gets.
var Languages = []string{"en", "lv"}

var matcher = language.NewMatcher([]language.Tag{language.English, language.Latvian})

// Match turns a language value — a POSIX locale as in LANG ("lv_LV.UTF-8",
// "en_US", "C") or a BCP 47 tag ("lv-LV") — into one of Languages. Anything
// it cannot place, "C" and "POSIX" included, is English.
func Match(v string) string {
	v = strings.TrimSpace(v)
	if i := strings.IndexAny(v, ".@"); i >= 0 { // encoding or modifier: lv_LV.UTF-8@euro
		v = v[:i]
	}
	if v == "" || v == "C" || v == "POSIX" {
		return "en"
	}
	tag, err := language.Parse(strings.ReplaceAll(v, "_", "-"))
	if err != nil {
		return "en"
	}
	_, i, conf := matcher.Match(tag)
	if conf == language.No {
		return "en"
	}
	return Languages[i]
}

// Choose picks the language at start-up: --lang (or --lang=…) among args,
// else the first of LC_ALL, LC_MESSAGES and LANG that is set, as POSIX
// orders them, else English. getenv is os.Getenv in main, a map in tests.
func Choose(args []string, getenv func(string) string) string {
	for i, a := range args {
		if a == "--" {
			break
		}
		name, val, hasVal := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !strings.HasPrefix(a, "-") || name != "lang" {
			continue
		}
		if !hasVal && i+1 < len(args) {
			val = args[i+1]
		}
		return Match(val)
	}
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(k); v != "" {
			return Match(v)
		}
	}
	return "en"
}

// Next is the language after the active one, for the key that switches
// language while the app runs.
func Next() string {
	cur := Language()
	for i, l := range Languages {
		if l == cur {
			return Languages[(i+1)%len(Languages)]
		}
	}
	return Languages[0]
}
