package model

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// None is what a field that Azure did not send is shown as.
const None = "—"

// Clean makes a string that came from outside safe for a terminal: control
// characters (ESC, BEL, C1, bidi overrides and the like) are removed so that a
// display name cannot move the cursor, set a hyperlink or reorder text.
// Tabs and newlines become single spaces; invalid UTF-8 becomes U+FFFD.
func Clean(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	clean := true
	for _, r := range s {
		if unsafeRune(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			b.WriteByte(' ')
		case unsafeRune(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func unsafeRune(r rune) bool {
	if r == unicode.ReplacementChar {
		return false
	}
	if unicode.IsControl(r) {
		return true
	}
	switch {
	case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069, r == 0x200E, r == 0x200F, r == 0x061C:
		return true // bidi controls
	}
	return false
}

// OrNone returns s, or None when s is empty.
func OrNone(s string) string {
	if s == "" {
		return None
	}
	return s
}

func fold(s string) string { return strings.ToLower(strings.TrimSpace(s)) }
