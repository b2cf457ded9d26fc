// Package i18n is the one lookup every user-facing string goes through.
// Catalogues live in assets/locales as <area>.<lang>.toml; a message ID that
// is missing from the active language falls back to English, and one missing
// from English shows as its ID, so a gap is visible, never a crash.
package i18n

import (
	"io/fs"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/azinvoice/azinvoice/assets"
)

// state is everything that depends on the active language, swapped as one
// so a lookup never mixes two languages. Each language's localizer and
// number printer are built once and reused: T and Money run per table row.
type state struct {
	lang string
	loc  *i18n.Localizer
	num  numbers // from the language's CLDR printer, learnt once
	// gap joins an amount and its currency. Latvian groups digits with a
	// no-break space (CLDR), and the currency is joined the same way, so an
	// amount never breaks; English keeps the plain space it always had.
	gap string
	// plain caches messages looked up without data, by ID.
	plain sync.Map
}

var (
	english *i18n.Localizer // for Has: does an ID exist at all
	cur     atomic.Pointer[state]

	// The catalogues are parsed per language, when a language is first
	// chosen: start-up parses English only (half the TOML), and Latvian
	// is read the first time it is asked for.
	locales fs.FS
	enMsgs  []*i18n.MessageFile
	mu      sync.Mutex // guards states
	states  = map[string]*state{}
)

func init() {
	if err := load(assets.Locales()); err != nil {
		panic("i18n: bad embedded catalogue: " + err.Error())
	}
	SetLanguage("en")
}

// load parses the English catalogues of fsys; other languages are parsed
// by stateFor when first chosen.
func load(fsys fs.FS) error {
	files, err := parse(fsys, "en")
	if err != nil {
		return err
	}
	locales, enMsgs = fsys, files
	mu.Lock()
	states = map[string]*state{}
	mu.Unlock()
	st, err := stateFor("en")
	if err != nil {
		return err
	}
	english = st.loc
	return nil
}

// parse reads every <area>.<lang>.toml of fsys.
func parse(fsys fs.FS, lang string) ([]*i18n.MessageFile, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, err
	}
	var out []*i18n.MessageFile
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), "."+lang+".toml") {
			continue
		}
		buf, err := fs.ReadFile(fsys, e.Name())
		if err != nil {
			return nil, err
		}
		f, err := i18n.ParseMessageFileBytes(buf, e.Name(), map[string]i18n.UnmarshalFunc{"toml": toml.Unmarshal})
		if err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, nil
}

// stateFor is the lookup state of one language, built on first use: a
// bundle of English plus that language, and its number printer.
func stateFor(l string) (*state, error) {
	mu.Lock()
	defer mu.Unlock()
	if st, ok := states[l]; ok {
		return st, nil
	}
	b := i18n.NewBundle(language.English)
	for _, f := range enMsgs {
		if err := b.AddMessages(f.Tag, f.Messages...); err != nil {
			return nil, err
		}
	}
	if l != "en" {
		files, err := parse(locales, l)
		if err != nil {
			return nil, err
		}
		for _, f := range files {
			if err := b.AddMessages(f.Tag, f.Messages...); err != nil {
				return nil, err
			}
		}
	}
	st := &state{lang: l, loc: i18n.NewLocalizer(b, l, "en"), num: learnNumbers(message.NewPrinter(language.Make(l))), gap: " "}
	if l != "en" {
		st.gap = "\u00a0"
	}
	states[l] = st
	return st, nil
}

// SetLanguage chooses the language strings are looked up in: one of
// Languages; anything else is matched to one (see Match).
func SetLanguage(tag string) {
	if !slices.Contains(Languages, tag) {
		tag = Match(tag)
	}
	st, err := stateFor(tag)
	if err != nil {
		panic("i18n: bad embedded catalogue: " + err.Error()) // checked by the catalogue tests
	}
	cur.Store(st)
}

// Language is the active language tag.
func Language() string { return cur.Load().lang }

// T looks up a message by ID. data fills its template ({{.Name}}); pass a
// map[string]any or a struct. A message with a "one"/"other" form uses
// data["Count"] for the plural choice.
func T(id string, data ...any) string {
	st := cur.Load()
	if len(data) == 0 {
		if s, ok := st.plain.Load(id); ok {
			return s.(string)
		}
	}
	cfg := &i18n.LocalizeConfig{MessageID: id}
	if len(data) > 0 {
		cfg.TemplateData = data[0]
		if m, ok := data[0].(map[string]any); ok {
			if c, ok := m["Count"]; ok {
				cfg.PluralCount = c
			}
		}
	}
	s, err := st.loc.Localize(cfg)
	if err != nil || s == "" {
		s = id
	}
	if len(data) == 0 {
		st.plain.Store(id, s) // a column title or status is looked up per row
	}
	return s
}

// Has reports whether a message ID exists in the English catalogue. It
// runs per table row (is this enum value known?), so answers are cached.
func Has(id string) bool {
	if v, ok := has.Load(id); ok {
		return v.(bool)
	}
	_, err := english.Localize(&i18n.LocalizeConfig{MessageID: id})
	has.Store(id, err == nil)
	return err == nil
}

var has sync.Map // message ID -> bool

// Join is a convenience for the many short lists shown in one line.
func Join(parts []string) string { return strings.Join(parts, T("list.sep")) }

// refMark starts a reference to a message: text kept by a screen (a
// breadcrumb) that is looked up each time it is drawn, so it follows a
// change of language. Azure's names are cleaned of control characters
// before they are kept, so none can pass for a reference.
const refMark = "\x1e"

// Ref is a reference to message id, to be turned into text by Resolve.
func Ref(id string) string { return refMark + id }

// Resolve looks up s if it is a Ref, and returns any other text as it is.
func Resolve(s string) string {
	if id, ok := strings.CutPrefix(s, refMark); ok {
		return T(id)
	}
	return s
}
