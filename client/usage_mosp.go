package client

import (
	"context"
	"encoding/csv"
	"errors"
	"io"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/azinvoice/azinvoice/model"
)

// ErrNoUsageInPeriod: the service says the period has no usage at all.
var ErrNoUsageInPeriod = errors.New("no usage in this period")

// usageColumns is the CSV header of a MOSP usage file: the legacy
// usageDetails fields a person reconciling an invoice needs.
var usageColumns = []string{
	"Date", "SubscriptionId", "SubscriptionName", "ResourceGroup", "ResourceName", "ResourceId",
	"ResourceLocation", "ConsumedService", "MeterId", "Product", "PartNumber", "Quantity",
	"UnitPrice", "EffectivePrice", "Cost", "BillingCurrency", "ChargeType", "PublisherType", "OfferId",
}

// wUsage is one usage detail of either shape: "legacy" or "modern" (the
// fields of both, by their own names), or of the older shape with no
// "kind" at all, which is the legacy one.
type wUsage struct {
	Kind       Text `json:"kind"`
	Properties *struct {
		Date             Time `json:"date"`
		ResourceGroup    Text `json:"resourceGroup"`
		ResourceLocation Text `json:"resourceLocation"`
		ConsumedService  Text `json:"consumedService"`
		MeterID          Text `json:"meterId"`
		Product          Text `json:"product"`
		Quantity         Num  `json:"quantity"`
		UnitPrice        Num  `json:"unitPrice"`
		EffectivePrice   Num  `json:"effectivePrice"`
		ChargeType       Text `json:"chargeType"`
		PublisherType    Text `json:"publisherType"`
		SubscriptionName Text `json:"subscriptionName"`
		// legacy
		SubscriptionID  Text `json:"subscriptionId"`
		ResourceName    Text `json:"resourceName"`
		ResourceID      Text `json:"resourceId"`
		PartNumber      Text `json:"partNumber"`
		Cost            Num  `json:"cost"`
		BillingCurrency Text `json:"billingCurrency"`
		OfferID         Text `json:"offerId"`
		// modern
		SubscriptionGUID      Text `json:"subscriptionGuid"`
		InstanceName          Text `json:"instanceName"`
		ProductIdentifier     Text `json:"productIdentifier"`
		CostInBillingCurrency Num  `json:"costInBillingCurrency"`
		BillingCurrencyCode   Text `json:"billingCurrencyCode"`
		// the older shape, with no kind (api-version 2018-era and the
		// azure-cli recording test_consumption_usage_list)
		UsageStart       Time `json:"usageStart"`
		InstanceID       Text `json:"instanceId"`
		InstanceLocation Text `json:"instanceLocation"`
		UsageQuantity    Num  `json:"usageQuantity"`
		PretaxCost       Num  `json:"pretaxCost"`
		Currency         Text `json:"currency"`
	} `json:"properties"`
}

// legacyUsage pages through usageDetails for the subscription and the
// invoice's period, writing each page's rows as it arrives, so memory
// stays one page however long the period. A 204 (which the API documents
// for "no usage"), or an empty first page, leaves the header row alone
// and reports NoUsage. A record that cannot be read is counted in
// Unreadable, never dropped in silence.
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
	q := apiQuery(apiConsumption)
	q.Set("$filter", filter)
	lr := listRequest{op: op, path: "subscriptions/" + url.PathEscape(sub) + "/providers/Microsoft.Consumption/usageDetails", query: q}

	cw := &countWriter{w: w}
	out := csv.NewWriter(cw)
	if err := out.Write(usageColumns); err != nil {
		return wrap(op, err)
	}
	started := time.Now()
	var rows, unreadable int64
	var werr error
	report := func() {
		progress(UsageProgress{Elapsed: time.Since(started), Rows: rows, Bytes: cw.n, Unreadable: unreadable})
	}
	_, err := l.eachItem(ctx, lr, func(raw []byte) {
		if werr != nil {
			return
		}
		var u wUsage
		bad, ok := decodeLenient(raw, &u)
		rec, known := usageRecord(&u)
		if !ok || !known {
			unreadable++
			return
		}
		l.unreadable(op, "usage record", bad)
		if werr = out.Write(rec); werr != nil {
			return
		}
		if rows++; rows%1000 == 0 {
			out.Flush()
			werr = out.Error()
			report()
		}
	})
	if werr != nil {
		return wrap(op, werr)
	}
	if err != nil {
		return err
	}
	out.Flush()
	if err := out.Error(); err != nil {
		return wrap(op, err)
	}
	if unreadable > 0 {
		l.log.Warn("usage records could not be read and were left out", "op", op, "count", unreadable)
	}
	progress(UsageProgress{Elapsed: time.Since(started), Rows: rows, Bytes: cw.n, Unreadable: unreadable, NoUsage: rows == 0 && unreadable == 0})
	return nil
}

// usageRecord turns one usage detail into a CSV row in usageColumns
// order. Both shapes are read: a record is modern when it says so, or
// when it carries only modern fields; otherwise legacy. known is false for
// a record with no properties, or of a kind that is neither.
func usageRecord(u *wUsage) (rec []string, known bool) {
	p := u.Properties
	if p == nil {
		return nil, false
	}
	kind := u.Kind.S()
	modern := kind == "modern" || (kind == "" && !p.Cost.set && p.CostInBillingCurrency.set)
	if kind != "" && kind != "modern" && kind != "legacy" {
		return nil, false
	}
	if kind == "" && (p.PretaxCost.set || p.UsageStart.set) && !p.Cost.set && !p.CostInBillingCurrency.set {
		return []string{
			csvDate(p.UsageStart), p.SubscriptionGUID.S(), p.SubscriptionName.S(), groupOf(p.InstanceID.S()), p.InstanceName.S(),
			p.InstanceID.S(), p.InstanceLocation.S(), p.ConsumedService.S(), p.MeterID.S(), p.Product.S(),
			"", num(p.UsageQuantity), "", "", num(p.PretaxCost),
			p.Currency.S(), "", "", "",
		}, true
	}
	if modern {
		return []string{
			csvDate(p.Date), p.SubscriptionGUID.S(), p.SubscriptionName.S(), p.ResourceGroup.S(), p.InstanceName.S(),
			p.InstanceName.S(), p.ResourceLocation.S(), p.ConsumedService.S(), p.MeterID.S(), p.Product.S(),
			p.ProductIdentifier.S(), num(p.Quantity), num(p.UnitPrice), num(p.EffectivePrice), num(p.CostInBillingCurrency),
			p.BillingCurrencyCode.S(), p.ChargeType.S(), p.PublisherType.S(), "",
		}, true
	}
	return []string{
		csvDate(p.Date), p.SubscriptionID.S(), p.SubscriptionName.S(), p.ResourceGroup.S(), p.ResourceName.S(),
		p.ResourceID.S(), p.ResourceLocation.S(), p.ConsumedService.S(), p.MeterID.S(), p.Product.S(),
		p.PartNumber.S(), num(p.Quantity), num(p.UnitPrice), num(p.EffectivePrice), num(p.Cost),
		p.BillingCurrency.S(), p.ChargeType.S(), p.PublisherType.S(), p.OfferID.S(),
	}, true
}

// groupOf is the resource group named in an ARM resource ID, or "".
func groupOf(id string) string {
	parts := strings.Split(id, "/")
	for i := 0; i+1 < len(parts); i++ {
		if strings.EqualFold(parts[i], "resourceGroups") {
			return parts[i+1]
		}
	}
	return ""
}

func csvDate(t Time) string {
	if !t.OK() || t.V.IsZero() {
		return ""
	}
	return t.V.Format(time.DateOnly)
}

// num writes a number as Azure sent it, or "" when unknown.
func num(n Num) string {
	if !n.OK() {
		return ""
	}
	return strconv.FormatFloat(n.V, 'f', -1, 64)
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
