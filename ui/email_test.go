package ui

import (
	"testing"
)

func TestEmailPeek(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.selectRow("Contoso Ltd")
	h.keys("enter")
	h.selectRow("Finance")
	h.keys("e")
	t.Log("\n" + h.screen())
	h.keys("t")
	t.Log("\n" + h.screen())
	h.keys("y")
	t.Log("\n" + h.screen())
	h.keys("esc", "j", "e")
	t.Log("\n" + h.screen())
	h.keys("esc", "esc", "esc")
	h.selectRow("Fabrikam Studio")
	h.keys("enter")
	h.selectRow("Fabrikam Production")
	h.keys("e")
	t.Log("\n" + h.screen())
}
