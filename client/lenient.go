package client

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/azinvoice/azinvoice/model"
)

// Azure does not always send what its API declares: enrollment dates as
// "6/1/2020 12:00:00 AM +00:00", numbers as strings and strings as numbers,
// nulls, enum values no SDK knows, and amounts a float32 cannot hold to the
// cent. The SDK's strict types fail a whole page on any of these, so every
// response we read is decoded through the leaf types below instead. Each
// accepts every form Azure is known to send, never returns an error, and
// remembers a value it could not read as unknown: one bad field never fails
// the list, and never blanks the item's other fields.

// ErrUnreadable: Azure answered, but with something that is not the
// JSON its API describes (a page that is not JSON, say). One unreadable
// field or item is not this error: it is shown as unknown instead.
var ErrUnreadable = errors.New("data from Azure could not be read")

// leaf is the state every lenient value shares.
type leaf struct {
	set bool // a value was sent (not absent, not null)
	bad bool // a value was sent that could not be read
}

// OK reports whether a value was sent and read.
func (l leaf) OK() bool { return l.set && !l.bad }

// Text is a string field. A number or a boolean is taken as its JSON text
// (Azure sends some IDs and codes as numbers); an object or array is unreadable.
type Text struct {
	leaf
	V string
}

func (t *Text) UnmarshalJSON(b []byte) error {
	*t = Text{}
	b = bytes.TrimSpace(b)
	switch {
	case len(b) == 0 || string(b) == "null":
	case b[0] == '"':
		var s string
		if json.Unmarshal(b, &s) != nil {
			t.set, t.bad = true, true
			return nil
		}
		t.set, t.V = true, s
	case b[0] == '{' || b[0] == '[':
		t.set, t.bad = true, true
	default: // number, true, false
		t.set, t.V = true, string(b)
	}
	return nil
}

// S is the text cleaned for display ("" when unknown).
func (t Text) S() string {
	if !t.OK() {
		return ""
	}
	return model.Clean(t.V)
}

// Raw is the text as Azure sent it, for identifiers that go back to Azure
// in calls (names, IDs, recipients): never cleaned here; whatever shows
// one cleans it at the edge of display. "" when unknown.
func (t Text) Raw() string {
	if !t.OK() {
		return ""
	}
	return t.V
}

// Num is a number field, read as float64 from the digits Azure sent (so
// 200000.01 stays 200000.01). A string holding a number is accepted.
type Num struct {
	leaf
	V float64
}

func (n *Num) UnmarshalJSON(b []byte) error {
	*n = Num{}
	b = bytes.TrimSpace(b)
	if len(b) == 0 || string(b) == "null" {
		return nil
	}
	n.set = true
	s := string(b)
	if b[0] == '"' {
		if json.Unmarshal(b, &s) != nil {
			n.bad = true
			return nil
		}
		s = strings.TrimSpace(s)
		if s == "" { // "" for a number is Azure saying "none"
			n.set = false
			return nil
		}
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) { // NaN and ±Inf are no amount
		n.bad = true
		return nil
	}
	n.V = f
	return nil
}

// Flag is a boolean field; "true"/"false" strings (any case) are accepted.
type Flag struct {
	leaf
	V bool
}

func (f *Flag) UnmarshalJSON(b []byte) error {
	*f = Flag{}
	b = bytes.TrimSpace(b)
	if len(b) == 0 || string(b) == "null" {
		return nil
	}
	f.set = true
	s := strings.Trim(string(b), `"`)
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "true":
		f.V = true
	case "false":
	default:
		f.bad = true
	}
	return nil
}

// P is the flag as a pointer: nil when unknown.
func (f Flag) P() *bool {
	if !f.OK() {
		return nil
	}
	v := f.V
	return &v
}

// Time is a date or date-time field in any form Azure sends.
type Time struct {
	leaf
	V time.Time
}

func (t *Time) UnmarshalJSON(b []byte) error {
	*t = Time{}
	b = bytes.TrimSpace(b)
	if len(b) == 0 || string(b) == "null" {
		return nil
	}
	var s string
	if b[0] != '"' || json.Unmarshal(b, &s) != nil {
		t.set, t.bad = true, true
		return nil
	}
	if strings.TrimSpace(s) == "" {
		return nil
	}
	t.set = true
	v, ok := parseAzureTime(s)
	if !ok {
		t.bad = true
		return nil
	}
	t.V = v
	return nil
}

// timeLayouts are the forms Azure has been seen to send, most common first.
// A layout without a zone is read as UTC, which is what Azure means by it.
var timeLayouts = []string{
	time.RFC3339Nano,                   // 2024-03-11T00:00:00.0000000Z
	"2006-01-02T15:04:05.9999999",      // no zone
	time.DateOnly,                      // 2024-03-11
	"1/2/2006 3:04:05 PM -07:00",       // EA enrollment: 6/1/2020 12:00:00 AM +00:00
	"1/2/2006 3:04:05 PM",              //
	"1/2/2006",                         //
	"2006-01-02 15:04:05Z07:00",        // space instead of T
	"2006-01-02 15:04:05.9999999",      //
	time.RFC1123,                       // Mon, 18 Nov 2024 06:49:49 GMT
	"2006-01-02T15:04:05.9999999-0700", // zone without a colon
}

func parseAzureTime(s string) (time.Time, bool) {
	s = strings.Join(strings.Fields(s), " ") // recordings fold long lines
	for _, layout := range timeLayouts {
		if v, err := time.Parse(layout, s); err == nil {
			// The zone Azure wrote is kept: a date is the date it names.
			return v, true
		}
	}
	return time.Time{}, false
}

// Money is an Azure amount object: {"currency": "USD", "value": 12.34}.
type Money struct {
	Currency Text `json:"currency"`
	Value    Num  `json:"value"`
}

// decodeLenient decodes one item into a struct made of the leaf types.
// A field whose JSON kind does not fit a struct or list is skipped by
// encoding/json, which goes on with the rest; the paths of every field that
// could not be read are returned, for the log. ok is false only when the
// item is not a JSON object at all.
func decodeLenient(raw []byte, v any) (unreadable []string, ok bool) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || raw[0] != '{' {
		return nil, false
	}
	if err := json.Unmarshal(raw, v); err != nil {
		var te *json.UnmarshalTypeError
		if !asTypeError(err, &te) {
			return nil, false // not valid JSON: nothing of it can be trusted
		}
		unreadable = append(unreadable, te.Field)
	}
	collectBad(reflect.ValueOf(v), "", &unreadable)
	return unreadable, true
}

func asTypeError(err error, te **json.UnmarshalTypeError) bool {
	t, ok := err.(*json.UnmarshalTypeError)
	if ok {
		*te = t
	}
	return ok
}

var leafType = reflect.TypeOf(leaf{})

// collectBad walks a decoded value and lists the JSON paths of leaves that
// were sent but could not be read.
func collectBad(v reflect.Value, path string, out *[]string) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			collectBad(v.Elem(), path, out)
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			collectBad(v.Index(i), path+"["+strconv.Itoa(i)+"]", out)
		}
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if f.Anonymous && f.Type == leafType {
				if v.Field(i).FieldByName("bad").Bool() {
					*out = append(*out, path)
				}
				continue
			}
			if !f.IsExported() {
				continue
			}
			name := strings.Split(f.Tag.Get("json"), ",")[0]
			if name == "" {
				name = f.Name
			}
			p := name
			if path != "" {
				p = path + "." + name
			}
			collectBad(v.Field(i), p, out)
		}
	}
}
