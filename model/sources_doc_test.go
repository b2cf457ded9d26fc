package model

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var updateSources = flag.Bool("update", false, "rewrite testdata/sources.md")

// TestSourcesDoc keeps testdata/sources.md, the sources table as a
// reviewer reads it: every rule, the sentence it encodes, and where that
// sentence is. Run with -update after changing sources.go or a rule.
func TestSourcesDoc(t *testing.T) {
	var b strings.Builder
	b.WriteString("# What azinvoice says, and the sentence each rule rests on\n\n")
	b.WriteString("Generated from model/sources.go and the rule tables (go test ./model -run TestSourcesDoc -update).\n")
	b.WriteString("*changed*: today's docs differ from the 2021 seed article, and today's win. ")
	b.WriteString("*paraphrase*: our words (a table summarised, or a page that could not be read here); check these first.\n\n")
	b.WriteString("## Rules\n\n| rule | sources |\n|---|---|\n")
	for _, r := range RuleTable() {
		ids := make([]string, len(r.Sources))
		for i, id := range r.Sources {
			ids[i] = string(id)
		}
		b.WriteString("| " + r.Rule + " | " + strings.Join(ids, ", ") + " |\n")
	}
	b.WriteString("\n## Sources\n\n| id | page | sentence | notes |\n|---|---|---|---|\n")
	for _, s := range Sources() {
		var notes []string
		if s.Seed {
			notes = append(notes, "seed")
		}
		if s.Changed {
			notes = append(notes, "changed")
		}
		if !s.Verbatim {
			notes = append(notes, "paraphrase")
		}
		q := strings.ReplaceAll(s.Quote, "|", "\\|")
		b.WriteString("| " + string(s.ID) + " | " + s.Page + " | " + q + " | " + strings.Join(notes, ", ") + " |\n")
	}
	path := filepath.Join("testdata", "sources.md")
	if *updateSources {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./model -run TestSourcesDoc -update)", err)
	}
	if string(want) != b.String() {
		t.Errorf("%s is out of date: run go test ./model -run TestSourcesDoc -update", path)
	}
}
