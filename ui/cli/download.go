package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"github.com/azinvoice/azinvoice/client"
	"github.com/azinvoice/azinvoice/model"
	"github.com/azinvoice/azinvoice/ui/i18n"
)

type downloadFlags struct {
	filterFlags
	documents   string
	usage       bool
	dir         string
	concurrency int
	skip        bool
	overwrite   bool
}

// Outcome of one file.
const (
	outDownloaded = "downloaded"
	outSkipped    = "skipped"
	outFailed     = "failed"
)

// FileJSON is one file of a download run (--output json).
type FileJSON struct {
	Invoice string `json:"invoice"`
	Kind    string `json:"kind"` // invoice, document, usage
	File    string `json:"file"`
	Outcome string `json:"outcome"` // downloaded, skipped, failed
	Reason  string `json:"reason"`
}

type job struct {
	client.Job
	scope string // the scope's title, for messages
}

// kindWord is the file's kind in the JSON: invoice (the invoice PDF),
// document (another document of the invoice), documents (a zip) or usage.
func kindWord(j client.Job) string {
	switch {
	case j.Kind == client.JobDocuments:
		return "documents"
	case j.Kind == client.JobUsage:
		return "usage"
	case j.Document != nil && j.Document.Kind != model.DocInvoice:
		return "document"
	}
	return "invoice"
}

func downloadCmd(o *IO, g *Globals) *cobra.Command {
	var f downloadFlags
	c := &cobra.Command{
		Use: "download [invoice-name]", Short: i18n.T("cmd.download.short"), Long: i18n.T("cmd.download.long"),
		Example: i18n.T("cmd.download.example"),
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) > 1 {
				return usagef("usage.extra", map[string]any{"Arg": args[1]})
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			name := ""
			if len(args) == 1 {
				name = args[0]
			}
			return runDownload(cmd.Context(), o, g, &f, name)
		},
	}
	f.add(c)
	fs := c.Flags()
	fs.StringVar(&f.documents, "documents", "invoice", i18n.T("flag.documents"))
	fs.BoolVar(&f.usage, "usage", false, i18n.T("flag.usage"))
	fs.StringVar(&f.dir, "dir", ".", i18n.T("flag.dir"))
	fs.IntVar(&f.concurrency, "concurrency", 4, i18n.T("flag.concurrency"))
	fs.BoolVar(&f.skip, "skip-existing", true, i18n.T("flag.skipexisting"))
	fs.BoolVar(&f.overwrite, "overwrite", false, i18n.T("flag.overwrite"))
	c.PreRunE = func(cmd *cobra.Command, _ []string) error {
		if cmd.Flags().Changed("skip-existing") && f.overwrite {
			return usagef("cli.usage.skipoverwrite")
		}
		return nil
	}
	outputFlag(c, g)
	return c
}

func (f *downloadFlags) check(o *IO) error {
	switch f.documents {
	case "invoice", "all", "none":
	default:
		return usagef("cli.usage.documents", map[string]any{"Value": model.Clean(f.documents)})
	}
	if f.documents == "none" && !f.usage {
		return usagef("cli.usage.nothing")
	}
	if f.concurrency < 1 || f.concurrency > 32 {
		return usagef("cli.usage.concurrency")
	}
	_, err := f.period.window(now(o))
	return err
}

// jobs turns the invoices into files to fetch.
func (f *downloadFlags) jobs(list []found, name string) (out []job, skipped []FileJSON) {
	for _, x := range list {
		if name != "" && !strings.EqualFold(x.inv.Name, name) {
			continue
		}
		add := func(k client.JobKind) {
			out = append(out, job{client.Job{Kind: k, Scope: x.t.scope, Invoice: x.inv}, x.t.title()})
		}
		switch {
		case f.documents == "none":
		case len(x.inv.Documents) == 0:
			j := client.Job{Kind: client.JobInvoicePDF, Scope: x.t.scope, Invoice: x.inv}
			skipped = append(skipped, FileJSON{x.inv.Name, "invoice", j.FileName(), outSkipped, i18n.T("cli.dl.reason.nodocs")})
		case f.documents == "all":
			// Each document its own file, by the operation that serves it
			// (a zip needs named documents, which EA does not send).
			for _, d := range x.inv.Documents {
				j := client.Job{Kind: client.JobInvoicePDF, Scope: x.t.scope, Invoice: x.inv, Document: &d}
				if _, why := d.Route(x.t.scope.Agreement); why != "" {
					skipped = append(skipped, FileJSON{x.inv.Name, kindWord(j), j.FileName(), outSkipped, i18n.T(why)})
					continue
				}
				out = append(out, job{j, x.t.title()})
			}
		default:
			add(client.JobInvoicePDF)
		}
		if f.usage && x.t.scope.Agreement.InvoiceScope() != model.ScopeNone {
			add(client.JobUsage)
		}
	}
	return out, skipped
}

func runDownload(ctx context.Context, o *IO, g *Globals, f *downloadFlags, name string) error {
	if err := f.check(o); err != nil {
		return err
	}
	return session(ctx, o, g, func(s *Session) error {
		fl := &failures{}
		list, err := f.find(ctx, o, s, fl)
		if err != nil {
			return err
		}
		listFailed := fl.report(o)
		jobs, results := f.jobs(list, name)
		if name != "" && len(jobs) == 0 && len(results) == 0 {
			return exitErrorf(o, i18n.T("cli.dl.notfound", map[string]any{"Name": model.Clean(name)}))
		}
		if err := os.MkdirAll(f.dir, 0o700); err != nil {
			return err
		}
		existing := client.ExistingSkip
		if f.overwrite {
			existing = client.ExistingReplace
		}
		pr := newProgress(o, len(jobs))
		ran := make([]FileJSON, len(jobs))
		var wg sync.WaitGroup
		next := make(chan int)
		for range min(f.concurrency, max(len(jobs), 1)) {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range next {
					ran[i] = fetchOne(ctx, s.Billing, f.dir, jobs[i], existing, pr)
				}
			}()
		}
	feed:
		for i := range jobs {
			select {
			case next <- i:
			case <-ctx.Done():
				break feed
			}
		}
		close(next)
		wg.Wait()
		pr.stop()
		for _, r := range ran {
			if r.Outcome != "" {
				results = append(results, r)
			}
		}
		code := summary(o, results, len(jobs), listFailed, ctx.Err() != nil)
		if g.Output != "" {
			sh := sheet{keys: []string{"invoice", "kind", "file", "outcome", "reason"},
				heads: []string{"cli.col.invoice", "cli.col.kind", "cli.col.file", "cli.col.outcome", "cli.col.reason"}}
			for _, r := range results {
				sh.add(r.Invoice, r.Kind, r.File, r.Outcome, r.Reason)
			}
			if results == nil {
				results = []FileJSON{}
			}
			if err := emit(o, g, results, sh); err != nil {
				return err
			}
		}
		if code != ExitOK {
			return exitError{code}
		}
		return nil
	})
}

// fetchOne saves one file through client.Save (atomic, resumable) and says how it went.
func fetchOne(ctx context.Context, b client.Billing, dir string, j job, existing client.Existing, pr *progress) FileJSON {
	name := j.FileName()
	r := FileJSON{Invoice: j.Invoice.Name, Kind: kindWord(j.Job), File: name}
	id := pr.start(name)
	path, err := client.Save(ctx, b, dir, j.Job, existing, func(p client.JobProgress) { pr.update(id, p) })
	switch {
	case errors.Is(err, client.ErrSkipped):
		r.Outcome, r.Reason = outSkipped, i18n.T("cli.dl.reason.exists")
	case err != nil:
		r.Outcome, r.Reason = outFailed, reasonText(err)
	default:
		r.Outcome, r.File = outDownloaded, filepath.Base(path)
	}
	pr.finish(id, r)
	return r
}

// summary prints the totals and each failure with its reason, and picks
// the exit code: 0 all done, 3 some failed, 1 nothing could be done or
// the run was interrupted.
func summary(o *IO, results []FileJSON, planned, listFailed int, interrupted bool) int {
	n := map[string]int{}
	for _, r := range results {
		n[r.Outcome]++
	}
	fmt.Fprintln(o.Err, i18n.T("cli.dl.summary", map[string]any{
		"Downloaded": n[outDownloaded], "Skipped": n[outSkipped], "Failed": n[outFailed]}))
	for _, r := range results {
		if r.Outcome == outFailed {
			fmt.Fprintln(o.Err, "  "+i18n.T("cli.dl.failedline", map[string]any{"File": model.Clean(r.File), "Reason": r.Reason}))
		}
	}
	if listFailed > 0 {
		fmt.Fprintln(o.Err, i18n.T("cli.dl.listfailed", map[string]any{"Count": listFailed}))
	}
	switch {
	case interrupted:
		fmt.Fprintln(o.Err, i18n.T("cli.dl.interrupted", map[string]any{"Count": planned - n[outDownloaded] - n[outSkipped] - n[outFailed]}))
		return ExitError
	case n[outFailed] == 0 && listFailed == 0:
		return ExitOK
	case n[outDownloaded]+n[outSkipped] == 0:
		return ExitError
	}
	return ExitPartial
}
