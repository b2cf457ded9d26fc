package client

import (
	"context"
	"encoding/csv"
	"io"
	"strconv"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/consumption/armconsumption"

	"github.com/azinvoice/azinvoice/model"
)

// usageColumns is the CSV header of a MOSP usage file: the legacy
// usageDetails fields a person reconciling an invoice needs.
var usageColumns = []string{
	"Date", "SubscriptionId", "SubscriptionName", "ResourceGroup", "ResourceName", "ResourceId",
	"ResourceLocation", "ConsumedService", "MeterId", "Product", "PartNumber", "Quantity",
	"UnitPrice", "EffectivePrice", "Cost", "BillingCurrency", "ChargeType", "PublisherType", "OfferId",
}

// legacyUsage pages through usageDetails for the subscription and the
// invoice's period, writing each page's rows as it arrives, so memory
// stays one page however long the period.
func (l *Live) legacyUsage(ctx context.Context, op string, scope model.Scope, inv model.Invoice, w io.Writer, progress func(UsageProgress)) error {
	sub := scope.SubscriptionID
	if sub == "" {
		sub = inv.SubscriptionID
	}
	if sub == "" {
		return &Error{Op: op, Message: "no subscription given"}
	}
	if inv.Period.Start.IsZero() || inv.Period.End.IsZero() {
		return &Error{Op: op, Message: "the invoice has no billing period"}
	}
	filter := "properties/usageStart ge '" + inv.Period.Start.Format(time.DateOnly) +
		"' and properties/usageEnd le '" + inv.Period.End.Format(time.DateOnly) + "'"
	pager := l.usage.NewListPager("subscriptions/"+sub, &armconsumption.UsageDetailsClientListOptions{Filter: &filter})
	cw := &countWriter{w: w}
	out := csv.NewWriter(cw)
	if err := out.Write(usageColumns); err != nil {
		return wrap(op, err)
	}
	started := time.Now()
	var rows int64
	for pages := 0; pager.More(); pages++ {
		if pages >= maxPages {
			return &Error{Op: op, Message: "too many pages"}
		}
		pctx, cancel := l.call(ctx)
		page, err := pager.NextPage(pctx)
		cancel()
		if err != nil {
			return wrap(op, ctxErr(ctx, err))
		}
		for _, v := range page.Value {
			rec, ok := usageRecord(v)
			if !ok {
				continue
			}
			if err := out.Write(rec); err != nil {
				return wrap(op, err)
			}
			rows++
		}
		out.Flush()
		if err := out.Error(); err != nil {
			return wrap(op, err)
		}
		progress(UsageProgress{Elapsed: time.Since(started), Rows: rows, Bytes: cw.n})
	}
	out.Flush()
	if err := out.Error(); err != nil {
		return wrap(op, err)
	}
	progress(UsageProgress{Elapsed: time.Since(started), Rows: rows, Bytes: cw.n})
	return nil
}

// usageRecord turns one usage detail (legacy or modern) into a CSV row in
// usageColumns order; other kinds are skipped.
func usageRecord(v armconsumption.UsageDetailClassification) ([]string, bool) {
	switch d := v.(type) {
	case *armconsumption.LegacyUsageDetail:
		p := d.Properties
		if p == nil {
			return nil, false
		}
		return []string{
			csvDate(p.Date), str(p.SubscriptionID), str(p.SubscriptionName), str(p.ResourceGroup), str(p.ResourceName),
			str(p.ResourceID), str(p.ResourceLocation), str(p.ConsumedService), str(p.MeterID), str(p.Product),
			str(p.PartNumber), num(p.Quantity), num(p.UnitPrice), num(p.EffectivePrice), num(p.Cost),
			str(p.BillingCurrency), str(p.ChargeType), str(p.PublisherType), str(p.OfferID),
		}, true
	case *armconsumption.ModernUsageDetail:
		p := d.Properties
		if p == nil {
			return nil, false
		}
		return []string{
			csvDate(p.Date), str(p.SubscriptionGUID), str(p.SubscriptionName), str(p.ResourceGroup), str(p.InstanceName),
			str(p.InstanceName), str(p.ResourceLocation), str(p.ConsumedService), str(p.MeterID), str(p.Product),
			str(p.ProductIdentifier), num(p.Quantity), num(p.UnitPrice), num(p.EffectivePrice), num(p.CostInBillingCurrency),
			str(p.BillingCurrencyCode), str(p.ChargeType), str(p.PublisherType), "",
		}, true
	}
	return nil, false
}

func csvDate(t *time.Time) string {
	if t == nil || t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

func num(f *float64) string {
	if f == nil {
		return ""
	}
	return strconv.FormatFloat(*f, 'f', -1, 64)
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	m, err := c.w.Write(p)
	c.n += int64(m)
	return m, err
}
