package client

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/costmanagement/armcostmanagement/v3"

	"github.com/azinvoice/azinvoice/model"
)

// Usage writes the daily usage behind an invoice as CSV to w. MCA/MPA:
// a cost-details report by invoice ID on the billing profile; EA: by
// billing period (yyyyMM) on the enrollment; MOSP: the legacy usageDetails
// pages of the subscription. A CSP customer, or an agreement we cannot
// tell, gets ErrNoUsage.
func (l *Live) Usage(ctx context.Context, scope model.Scope, inv model.Invoice, w io.Writer, progress func(UsageProgress)) error {
	const op = "download usage"
	if progress == nil {
		progress = func(UsageProgress) {}
	}
	if err := checkScope(op, scope); err != nil {
		return err
	}
	switch scope.Agreement {
	case model.AgreementMCA, model.AgreementMPA:
		if scope.AccountName == "" || scope.ProfileName == "" {
			// A CSP customer sees the partner's agreement but no profile of it.
			return &Error{Op: op, Message: "Microsoft gives usage files to the partner, not to a CSP customer", Err: ErrNoUsage}
		}
		if inv.Name == "" {
			return &Error{Op: op, Message: "no invoice given"}
		}
		req := armcostmanagement.GenerateCostDetailsReportRequestDefinition{InvoiceID: ptrTo(inv.Name)}
		return l.runCostReport(ctx, op, profileScopeID(scope.AccountName, scope.ProfileName), req, w, progress)
	case model.AgreementEA:
		if scope.AccountName == "" {
			return &Error{Op: op, Message: "no billing account given"}
		}
		month := inv.Period.Start
		if month.IsZero() {
			month = inv.Date
		}
		if month.IsZero() {
			return &Error{Op: op, Message: "the invoice has no billing period"}
		}
		req := armcostmanagement.GenerateCostDetailsReportRequestDefinition{BillingPeriod: ptrTo(month.Format("200601"))}
		return l.runCostReport(ctx, op, accountScopeID(scope.AccountName), req, w, progress)
	case model.AgreementMOSP:
		return l.legacyUsage(ctx, op, scope, inv, w, progress)
	}
	return &Error{Op: op, Message: "the billing agreement is not known, so there is no usage source", Err: ErrNoUsage}
}

// runCostReport asks for a cost-details report, waits for it (reporting
// Preparing and the time spent), then streams each blob of its manifest.
func (l *Live) runCostReport(ctx context.Context, op, scopeID string, req armcostmanagement.GenerateCostDetailsReportRequestDefinition,
	w io.Writer, progress func(UsageProgress)) error {
	metric := armcostmanagement.CostDetailsMetricTypeActualCostCostDetailsMetricType
	req.Metric = &metric
	poller, err := l.costReport.BeginCreateOperation(ctx, scopeID, req, nil)
	if err != nil {
		return wrap(op, ctxErr(ctx, err))
	}
	started := time.Now()
	res, err := waitLRO(ctx, l, op, poller, func(d time.Duration) { progress(UsageProgress{Preparing: true, Elapsed: d}) })
	if err != nil {
		return err
	}
	r := res.CostDetailsOperationResults
	st := ""
	if r.Status != nil {
		st = model.Clean(string(*r.Status))
	}
	if st == string(armcostmanagement.CostDetailsStatusTypeNoDataFoundCostDetailsStatusType) {
		// The report has no rows and no file, so there is no header to
		// write either: the caller is told, and nothing is saved.
		return &Error{Op: op, Code: st, Message: "no usage in this period", Err: ErrNoUsageInPeriod}
	}
	if st != "" && st != string(armcostmanagement.CostDetailsStatusTypeCompletedCostDetailsStatusType) {
		msg := "the report ended " + st
		if r.Error != nil && r.Error.Message != nil {
			msg += ": " + model.Clean(*r.Error.Message)
		}
		return &Error{Op: op, Code: st, Message: msg}
	}
	if r.Manifest == nil || len(r.Manifest.Blobs) == 0 {
		return &Error{Op: op, Code: "NoDataFound", Message: "no usage in this period", Err: ErrNoUsageInPeriod}
	}
	if r.Manifest.CompressData != nil && *r.Manifest.CompressData {
		return &Error{Op: op, Message: "the report is compressed, which this version cannot unpack", Err: ErrUnsupported}
	}
	hw := &csvJoiner{w: w}
	for i, b := range r.Manifest.Blobs {
		if b == nil || b.BlobLink == nil {
			return &Error{Op: op, Message: fmt.Sprintf("file %d of the report has no link", i+1)}
		}
		link := Link{URL: *b.BlobLink}
		hw.startBlob()
		_, err := l.Fetch(ctx, link, hw, func(done, size int64) {
			progress(UsageProgress{Elapsed: time.Since(started), Rows: hw.rows, Bytes: hw.bytes})
		})
		if err != nil {
			return err
		}
		if err := hw.flush(); err != nil {
			return wrap(op, err)
		}
	}
	progress(UsageProgress{Elapsed: time.Since(started), Rows: hw.rows, Bytes: hw.bytes})
	return nil
}

// csvJoiner concatenates CSV blobs into one file: the first blob's header
// line is kept, and every later blob's first line is dropped when it is
// the same header. It counts data rows and bytes written.
type csvJoiner struct {
	w       io.Writer
	header  []byte // first line of the first blob, without line ending
	blob    int    // blobs started
	atStart bool   // still reading this blob's first line
	line    []byte // first line so far (bounded)
	rows    int64
	bytes   int64
}

// maxHeader bounds the buffered first line; a "header" longer than this
// is not a header, and is written through.
const maxHeader = 64 << 10

func (c *csvJoiner) startBlob() {
	c.blob++
	c.atStart = true
	c.line = c.line[:0]
}

func (c *csvJoiner) Write(p []byte) (int, error) {
	n := len(p)
	if c.atStart {
		i := bytes.IndexByte(p, '\n')
		if i < 0 && len(c.line)+len(p) <= maxHeader {
			c.line = append(c.line, p...)
			return n, nil
		}
		if i < 0 {
			c.line = append(c.line, p...)
			p = nil
		} else {
			c.line = append(c.line, p[:i+1]...)
			p = p[i+1:]
		}
		c.atStart = false
		if err := c.firstLine(); err != nil {
			return 0, err
		}
	}
	if err := c.out(p); err != nil {
		return 0, err
	}
	return n, nil
}

// firstLine decides what to do with a blob's first line.
func (c *csvJoiner) firstLine() error {
	trimmed := bytes.TrimRight(c.line, "\r\n")
	if c.blob == 1 {
		c.header = append([]byte(nil), trimmed...)
		if bytes.HasSuffix(c.line, []byte{'\n'}) {
			c.rows-- // the header is not a row; out counts its newline
		}
		return c.out(c.line)
	}
	if bytes.Equal(trimmed, c.header) {
		return nil
	}
	return c.out(c.line)
}

// flush ends a blob whose only line had no newline.
func (c *csvJoiner) flush() error {
	if !c.atStart || len(c.line) == 0 {
		c.atStart = false
		return nil
	}
	c.atStart = false
	return c.firstLine()
}

func (c *csvJoiner) out(p []byte) error {
	if len(p) == 0 {
		return nil
	}
	m, err := c.w.Write(p)
	c.bytes += int64(m)
	c.rows += int64(bytes.Count(p[:m], []byte{'\n'}))
	if err == nil && m != len(p) {
		err = io.ErrShortWrite
	}
	return err
}
