package cli

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"github.com/azinvoice/azinvoice/model"
	"github.com/azinvoice/azinvoice/ui/i18n"
)

// sheet is a command's output as rows: keys are the CSV header (the same
// English words as the JSON keys) over rows; heads are the table's
// translated header IDs over tableRows (rows when nil): a table may say
// things in words where CSV keeps Azure's values.
type sheet struct {
	keys      []string
	rows      [][]string
	heads     []string
	tableRows [][]string
}

func (s *sheet) add(cells ...string) { s.rows = append(s.rows, cells) }

// format is --output, or a table when none was asked for.
func format(g *Globals) (string, error) {
	switch f := strings.ToLower(g.Output); f {
	case "":
		return "table", nil
	case "json", "csv", "table":
		return f, nil
	}
	return "", usagef("cli.usage.output", map[string]any{"Value": g.Output})
}

// colour: only on a terminal, and never with NO_COLOR or TERM=dumb.
func colour(o *IO) bool {
	return o.OutTTY && o.getenv("NO_COLOR") == "" && o.getenv("TERM") != "dumb"
}

// emit prints v (the JSON form) or sh (table and CSV) as --output asks.
func emit(o *IO, g *Globals, v any, sh sheet) error {
	f, err := format(g)
	if err != nil {
		return err
	}
	switch f {
	case "json":
		return writeJSON(o.Out, v)
	case "csv":
		return writeCSV(o.Out, sh)
	}
	return writeTable(o.Out, sh, colour(o))
}

// writeJSON is indented JSON in which every character a terminal would act
// on (DEL, C1 controls, bidi overrides) is escaped: the data stays exact,
// the terminal stays safe. encoding/json already escapes the C0 controls.
func writeJSON(w io.Writer, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	var out bytes.Buffer
	out.Grow(len(b) + 1)
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if r >= 0x7f && model.Clean(string(r)) != string(r) {
			fmt.Fprintf(&out, `\u%04x`, r)
		} else {
			out.Write(b[:n])
		}
		b = b[n:]
	}
	out.WriteByte('\n')
	_, err = w.Write(out.Bytes())
	return err
}

// writeCSV writes a header row and the rows, each cell cleaned and
// guarded against spreadsheet formulas.
func writeCSV(w io.Writer, sh sheet) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(sh.keys); err != nil {
		return err
	}
	for _, r := range sh.rows {
		cells := make([]string, len(r))
		for i, c := range r {
			cells[i] = csvCell(c)
		}
		if err := cw.Write(cells); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// csvCell defuses a cell a spreadsheet would run as a formula (=, +, -, @,
// tab, CR first) with a leading apostrophe, as OWASP advises; a plain
// number such as -12.50 is left as it is.
func csvCell(s string) string {
	s = model.Clean(s)
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r', '|', '%':
		if _, err := strconv.ParseFloat(s, 64); err == nil && s[0] != '=' && s[0] != '@' {
			return s
		}
		return "'" + s
	}
	return s
}

// writeTable aligns the cleaned cells under translated headers.
func writeTable(w io.Writer, sh sheet, bold bool) error {
	heads := make([]string, len(sh.heads))
	width := make([]int, len(sh.heads))
	for i, h := range sh.heads {
		heads[i] = i18n.T(h)
		width[i] = ansi.StringWidth(heads[i])
	}
	src := sh.tableRows
	if src == nil {
		src = sh.rows
	}
	rows := make([][]string, len(src))
	for r, row := range src {
		rows[r] = make([]string, len(row))
		for i, c := range row {
			c = model.Clean(c)
			if c == "" {
				c = model.None
			}
			rows[r][i] = c
			if i < len(width) {
				width[i] = max(width[i], ansi.StringWidth(c))
			}
		}
	}
	var b strings.Builder
	line := func(cells []string, head bool) {
		for i, c := range cells {
			pad := ""
			if i < len(cells)-1 {
				pad = strings.Repeat(" ", width[i]-ansi.StringWidth(c)+2)
			}
			if head && bold {
				c = "\x1b[1m" + c + "\x1b[0m"
			}
			b.WriteString(c + pad)
		}
		b.WriteByte('\n')
	}
	line(heads, true)
	for _, r := range rows {
		line(r, false)
	}
	if len(rows) == 0 {
		b.WriteString(i18n.T("cli.none") + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}
