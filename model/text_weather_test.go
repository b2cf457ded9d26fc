package model

import (
	"strings"
	"testing"
)

// Zero-width characters must not let one name pass for another.
func TestCleanShowsInvisibles(t *testing.T) {
	spoof := "G1\u200b00\u200d9597"
	got := Clean(spoof)
	if got == "G1009597" {
		t.Fatal("the spoofed name displays exactly like the real one")
	}
	if !strings.Contains(got, "<U+200B>") || !strings.Contains(got, "<U+200D>") {
		t.Errorf("Clean(%q) = %q, want the invisibles shown", spoof, got)
	}
	for _, r := range []rune{0x200B, 0x200D, 0xFEFF, 0x2060} {
		s := "a" + string(r) + "b"
		if c := Clean(s); strings.ContainsRune(c, r) {
			t.Errorf("U+%04X survives: %q", r, c)
		}
	}
	// An emoji sequence keeps its joiner.
	family := "👨\u200d👩\u200d👧"
	if Clean(family) != family {
		t.Errorf("emoji sequence changed: %q", Clean(family))
	}
	if Clean("plain") != "plain" {
		t.Error("plain text changed")
	}
}
