package model

import (
	"fmt"
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
// Invisible characters (zero-width space, word joiner, BOM, zero-width
// joiners) are made visible as "<U+200B>", so "G1\u200b009597" cannot pass
// for G1009597; a joiner between two non-ASCII characters (an emoji
// sequence, a script that needs it) is kept as it is.
// Clean is for display only: identifiers go to Azure as they came.
func Clean(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	clean := true
	for _, r := range s {
		if unsafeRune(r) || invisibleRune(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	rs := []rune(s)
	for i, r := range rs {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			b.WriteByte(' ')
		case unsafeRune(r):
		case invisibleRune(r):
			if (r == 0x200D || r == 0x200C) && i > 0 && i+1 < len(rs) && rs[i-1] > 0x7F && rs[i+1] > 0x7F {
				b.WriteRune(r)
				continue
			}
			fmt.Fprintf(&b, "<U+%04X>", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// invisibleRune: characters that draw nothing, so text holding them looks
// the same as text without.
func invisibleRune(r rune) bool {
	switch r {
	case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x180E, 0x2061, 0x2062, 0x2063, 0x2064, 0x00AD, 0x034F:
		return true
	}
	return false
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
