package emulator

import (
	"bufio"
	"fmt"
	"hash/fnv"
	"io"
	"strconv"
	"strings"
	"time"
)

// Usage rows are generated, never stored: row i of a file is a pure function
// of (seed, i), so a 1 GiB blob or a million usageDetails rows cost no memory
// and every read of the same link returns the same bytes.

type meter struct {
	category, name, unit string
	price                float64
	rtype, prefix        string
}

var meters = []meter{
	{"Virtual Machines", "D2s v3", "1 Hour", 0.096, "Microsoft.Compute/virtualMachines", "vm"},
	{"Storage", "LRS Data Stored", "1 GB/Month", 0.0208, "Microsoft.Storage/storageAccounts", "st"},
	{"Bandwidth", "Standard Data Transfer Out", "1 GB", 0.087, "Microsoft.Network/publicIPAddresses", "pip"},
	{"Azure App Service", "P1 v3 App", "1 Hour", 0.169, "Microsoft.Web/serverFarms", "plan"},
	{"SQL Database", "S0 DTUs", "1/Day", 0.4839, "Microsoft.Sql/servers", "sql"},
	{"Azure Monitor", "Analytics Logs Data Ingestion", "1 GB", 2.76, "Microsoft.OperationalInsights/workspaces", "log"},
	{"Key Vault", "Operations", "10K", 0.03, "Microsoft.KeyVault/vaults", "kv"},
	{"Azure Kubernetes Service", "Standard Uptime SLA", "1 Hour", 0.1, "Microsoft.ContainerService/managedClusters", "aks"},
}

var groups = []string{"rg-web", "rg-data", "rg-shared", "rg-analytics"}

const usageHeader = "date,meterCategory,meterName,ResourceId,quantity,unitPrice,costInBillingCurrency,billingCurrency\n"

// maxRowLen bounds one generated CSV row; the exact-size writer relies on it.
const maxRowLen = 400

// usageSpec names one generated usage file; it round-trips through the blob name.
type usageSpec struct {
	Seed       uint64
	Start, End time.Time // inclusive days
	Currency   string
}

func seedOf(parts ...string) uint64 {
	h := fnv.New64a()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return h.Sum64()
}

func (u usageSpec) name() string {
	return fmt.Sprintf("%016x_%s_%s_%s", u.Seed, u.Start.Format("20060102"), u.End.Format("20060102"), u.Currency)
}

func parseUsageName(n string) (usageSpec, bool) {
	parts := strings.Split(n, "_")
	if len(parts) != 4 || len(parts[3]) != 3 {
		return usageSpec{}, false
	}
	seed, err := strconv.ParseUint(parts[0], 16, 64)
	if err != nil {
		return usageSpec{}, false
	}
	st, err1 := time.Parse("20060102", parts[1])
	en, err2 := time.Parse("20060102", parts[2])
	if err1 != nil || err2 != nil || en.Before(st) || en.Sub(st) > 400*24*time.Hour {
		return usageSpec{}, false
	}
	for _, c := range parts[3] {
		if c < 'A' || c > 'Z' {
			return usageSpec{}, false
		}
	}
	return usageSpec{Seed: seed, Start: st, End: en, Currency: parts[3]}, true
}

func (u usageSpec) days() int64 { return int64(u.End.Sub(u.Start)/(24*time.Hour)) + 1 }

// mix is splitmix64: a cheap, well-spread hash of (seed, i).
func mix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// usageRow is one generated row.
type usageRow struct {
	Date           time.Time
	Meter          meter
	Group          string
	ResNum         int
	Quantity, Cost float64
}

func (u usageSpec) row(i, perDay int64) usageRow {
	h := mix(u.Seed ^ uint64(i)*0x100000001b3)
	m := meters[h%uint64(len(meters))]
	day := (i / max(perDay, 1)) % u.days()
	q := float64((h>>8)%100000)/1000 + 0.001
	return usageRow{
		Date:     u.Start.AddDate(0, 0, int(day)),
		Meter:    m,
		Group:    groups[(h>>24)%uint64(len(groups))],
		ResNum:   int((h>>32)%24) + 1,
		Quantity: q,
		Cost:     q * m.price,
	}
}

// subscription is a GUID-shaped ID derived from the seed, for resource IDs.
func (u usageSpec) subscription() string {
	a, b := mix(u.Seed), mix(u.Seed+1)
	return fmt.Sprintf("%08x-%04x-4%03x-8%03x-%012x", uint32(a), uint16(a>>32), uint16(a>>48)&0xfff, uint16(b)&0xfff, b>>16&0xffffffffffff)
}

func (r usageRow) resName() string { return r.Meter.prefix + "-" + strconv.Itoa(r.ResNum) }

func (r usageRow) resourceID(sub string) string {
	return "/subscriptions/" + sub + "/resourceGroups/" + r.Group + "/providers/" + r.Meter.rtype + "/" + r.resName()
}

// appendCSVRow formats without allocating: a 1 GiB file is ~7M rows.
func appendCSVRow(b []byte, r usageRow, sub, currency string) []byte {
	b = r.Date.AppendFormat(b, time.DateOnly)
	b = append(b, ',')
	b = append(b, r.Meter.category...)
	b = append(b, ',')
	b = append(b, r.Meter.name...)
	b = append(b, ',')
	b = append(b, "/subscriptions/"...)
	b = append(b, sub...)
	b = append(b, "/resourceGroups/"...)
	b = append(b, r.Group...)
	b = append(b, "/providers/"...)
	b = append(b, r.Meter.rtype...)
	b = append(b, '/')
	b = append(b, r.Meter.prefix...)
	b = append(b, '-')
	b = strconv.AppendInt(b, int64(r.ResNum), 10)
	b = append(b, ',')
	b = strconv.AppendFloat(b, r.Quantity, 'f', 4, 64)
	b = append(b, ',')
	b = strconv.AppendFloat(b, r.Meter.price, 'f', 4, 64)
	b = append(b, ',')
	b = strconv.AppendFloat(b, r.Cost, 'f', 6, 64)
	b = append(b, ',')
	b = append(b, currency...)
	return append(b, '\n')
}

// writeUsageCSV streams the file: rows rows, or, when size > 0, exactly
// size bytes (the last row is padded with spaces to land on the size).
func writeUsageCSV(w io.Writer, u usageSpec, rows int64, size int64) (int64, error) {
	bw := bufio.NewWriterSize(w, 256<<10)
	var written int64
	put := func(b []byte) error {
		n, err := bw.Write(b)
		written += int64(n)
		return err
	}
	perDay := rows / u.days()
	if size > 0 {
		perDay = size / 150 / u.days()
	}
	if size > 0 && size < int64(len(usageHeader))+maxRowLen {
		// Too small for a row: the header, cut or padded to the size.
		h := []byte(usageHeader)
		for int64(len(h)) < size {
			h = append(h[:len(h)-1], ' ', '\n')
		}
		if err := put(h[:size]); err != nil {
			return written, err
		}
		return written, bw.Flush()
	}
	if err := put([]byte(usageHeader)); err != nil {
		return written, err
	}
	buf := make([]byte, 0, maxRowLen)
	sub := u.subscription()
	for i := int64(0); ; i++ {
		if size <= 0 && i >= rows {
			break
		}
		buf = appendCSVRow(buf[:0], u.row(i, perDay), sub, u.Currency)
		if size > 0 {
			left := size - written
			if left < 2*maxRowLen {
				for int64(len(buf)) < left {
					buf = append(buf[:len(buf)-1], ' ', '\n')
				}
				if err := put(buf[:left]); err != nil {
					return written, err
				}
				break
			}
		}
		if err := put(buf); err != nil {
			return written, err
		}
	}
	return written, bw.Flush()
}

type countWriter struct{ n int64 }

func (c *countWriter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }
