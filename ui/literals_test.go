package ui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// The scan behind "no user-facing text in Go code": every string literal in
// the interactive and command code (ui/…, main.go) that reads as words a
// person would see must come from the catalogues instead. It walks the
// syntax tree, so it knows a literal's place, and passes over the places
// that are never shown: imports and struct tags, map keys (template data),
// values compared against (==, !=, case), message IDs, and the arguments of
// the i18n lookup and of key bindings (key names). What is left is judged by
// its text, with format verbs and escape sequences taken out: a phrase (two
// words), or a capitalised word, is text.

// literalAllowed lists literals that read like text but are not shown as
// such, each with the reason: "literal" anywhere, or "file.go:literal" in
// one file only.
var literalAllowed = map[string]string{
	"AzureCloud":                "a cloud's ID, passed to the client",
	"main.go:Downloads":         "the name of the folder ~/Downloads",
	"portal.go:Overview":        "a portal blade's name, in a URL",
	"portal.go:BillingProfiles": "a portal blade's name, in a URL",
	"portal.go:Invoices":        "a portal blade's name, in a URL",
}

var (
	phrase     = regexp.MustCompile(`\p{L}{2,}[ \t]+\p{L}{2,}`)
	capitalled = regexp.MustCompile(`(^|[^\p{L}])\p{Lu}\p{Ll}{2,}`)
	messageID  = regexp.MustCompile(`^[a-z][a-z0-9_]*(\.[A-Za-z0-9_?]+)*\.?$`)
	verbs      = regexp.MustCompile(`%[-+# 0-9.*]*[a-zA-Z%]`)
	escapes    = regexp.MustCompile(`\x1b(\[[0-9;?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)?)`)
)

// userText reports whether a literal's text, in file, reads as words for a
// person. A URL or a path (a slash and no space) is not text.
func userText(file, s string) bool {
	if _, ok := literalAllowed[s]; ok {
		return false
	}
	if _, ok := literalAllowed[filepath.Base(file)+":"+s]; ok {
		return false
	}
	if strings.Contains(s, "://") || strings.Contains(s, "/") && !strings.ContainsAny(s, " \t\n") {
		return false
	}
	if messageID.MatchString(s) {
		return false
	}
	s = escapes.ReplaceAllString(s, " ")
	s = verbs.ReplaceAllString(s, " ")
	return phrase.MatchString(s) || capitalled.MatchString(s)
}

// notShownArgs are calls whose string arguments are never shown as text:
// IDs, key names, patterns matched against data, a programmer's panic.
var notShownArgs = map[string]bool{
	"i18n.T": true, "i18n.Ref": true, "i18n.Has": true, "i18n.Value": true, "i18n.SetLanguage": true,
	"key.WithKeys": true, "key.WithHelp": true, "bind": true, "bindingWith": true,
	"strings.Contains": true, "strings.HasPrefix": true, "strings.HasSuffix": true, "strings.EqualFold": true,
	"strings.Index": true, "panic": true,
	// cli/usage.go rewrites cobra's usage template: the old side of each
	// pair is a template fragment matched in cobra's text, the new side is
	// a template fragment or an i18n.T lookup.
	"strings.NewReplacer": true,
}

// scanLiterals returns "file:line: literal" for each user-facing literal.
func scanLiterals(fset *token.FileSet, f *ast.File) []string {
	skip := map[*ast.BasicLit]bool{}
	mark := func(e ast.Expr) {
		ast.Inspect(e, func(n ast.Node) bool {
			if l, ok := n.(*ast.BasicLit); ok {
				skip[l] = true
			}
			return true
		})
	}
	for _, imp := range f.Imports {
		skip[imp.Path] = true
	}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Field:
			if n.Tag != nil {
				skip[n.Tag] = true
			}
		case *ast.CompositeLit:
			if _, isMap := n.Type.(*ast.MapType); isMap {
				for _, el := range n.Elts {
					if kv, ok := el.(*ast.KeyValueExpr); ok {
						mark(kv.Key)
					}
				}
			}
		case *ast.BinaryExpr:
			if n.Op == token.EQL || n.Op == token.NEQ {
				mark(n.X)
				mark(n.Y)
			}
		case *ast.IndexExpr:
			mark(n.Index) // m["Count"]
		case *ast.CaseClause:
			for _, e := range n.List {
				mark(e)
			}
		case *ast.CallExpr:
			name := ""
			switch fn := n.Fun.(type) {
			case *ast.SelectorExpr:
				if x, ok := fn.X.(*ast.Ident); ok {
					name = x.Name + "." + fn.Sel.Name
				}
			case *ast.Ident:
				name = fn.Name
			}
			if notShownArgs[name] {
				for _, a := range n.Args {
					mark(a)
				}
			}
		}
		return true
	})
	var out []string
	ast.Inspect(f, func(n ast.Node) bool {
		l, ok := n.(*ast.BasicLit)
		if !ok || l.Kind != token.STRING || skip[l] {
			return true
		}
		s, err := strconv.Unquote(l.Value)
		if err == nil && userText(fset.Position(l.Pos()).Filename, s) {
			out = append(out, fset.Position(l.Pos()).String()+": "+l.Value)
		}
		return true
	})
	return out
}

// TestNoUserTextInCode fails when a user-facing literal is added in ui/
// (the screens, ui/cli's commands, ui/i18n) or in main.go.
func TestNoUserTextInCode(t *testing.T) {
	var files []string
	_ = filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(p, ".go") && !strings.HasSuffix(p, "_test.go") {
			files = append(files, p)
		}
		return nil
	})
	files = append(files, filepath.Join("..", "main.go"))
	if len(files) < 20 {
		t.Fatalf("only %d files found to scan", len(files))
	}
	fset := token.NewFileSet()
	for _, p := range files {
		f, err := parser.ParseFile(fset, p, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, hit := range scanLiterals(fset, f) {
			t.Errorf("user-facing text in code (put it in assets/locales/*.toml and use i18n.T): %s", hit)
		}
	}
}

// TestLiteralScanCatches: the scan is not vacuous — it finds text in each
// place text is shown, and passes over IDs, keys and compared values.
func TestLiteralScanCatches(t *testing.T) {
	src := `package x
import "fmt"
func f(s string) string {
	fmt.Println("Could not load the invoices")      // 1: a sentence
	x := "Invoices"                                   // 2: a capitalised word
	y := s + " downloads left"                        // 3: a phrase added to text
	z := fmt.Sprintf("%d rows of %s", 1, s)           // 4: format verbs around words
	_ = map[string]any{"Count": 1}                    // template data key
	_ = i18n.T("crumb.root") + i18n.T("why.title")    // IDs
	_ = key.WithKeys("shift+tab", "ctrl+c")           // key names
	if s == "Paid" || s == "Some Value" { return "→" } // compared, and no letters
	switch s { case "UnderReview": }
	_ = strings.Contains(s, "support plan") && m["Count"] != nil
	panic("i18n: bad catalogue")
	_ = "\x1b]8;;" + "explain.ev." + "%-13s %s" + "/providers/Microsoft.Billing/billingAccounts/"
	return x + y + z + "azinvoice"
}`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "x.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	hits := scanLiterals(fset, f)
	if len(hits) != 4 {
		t.Errorf("found %d, want 4:\n%s", len(hits), strings.Join(hits, "\n"))
	}
}
