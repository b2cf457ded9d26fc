package model

import (
	"encoding/binary"
	"testing"
	"time"
)

// fuzzBytes hands out choices from the fuzzer's bytes; past the end it gives zeros.
type fuzzBytes struct{ b []byte }

func (z *fuzzBytes) byte() byte {
	if len(z.b) == 0 {
		return 0
	}
	c := z.b[0]
	z.b = z.b[1:]
	return c
}

func (z *fuzzBytes) bool() bool     { return z.byte()&1 == 1 }
func (z *fuzzBytes) pick(n int) int { return int(z.byte()) % n }

func (z *fuzzBytes) int64() int64 {
	var buf [8]byte
	for i := range buf {
		buf[i] = z.byte()
	}
	return int64(binary.LittleEndian.Uint64(buf[:]))
}

// time is near now most of the time (so the interesting branches run) and
// anywhere at all otherwise.
func (z *fuzzBytes) time() time.Time {
	switch z.pick(4) {
	case 0:
		return time.Time{}
	case 1:
		return time.Unix(z.int64(), 0)
	}
	return now.AddDate(0, 0, int(int8(z.byte()))*2)
}

func (z *fuzzBytes) str(choices ...string) string {
	if z.pick(5) == 0 {
		n := z.pick(12)
		out := make([]byte, n)
		for i := range out {
			out[i] = z.byte()
		}
		return string(out)
	}
	return choices[z.pick(len(choices))]
}

func (z *fuzzBytes) err() error {
	return []error{nil, nil, err403, err500, errWrap, statusErr(404)}[z.pick(6)]
}

func (z *fuzzBytes) optBool() *bool {
	switch z.pick(3) {
	case 0:
		return nil
	case 1:
		return ptr(false)
	}
	return ptr(true)
}

var fuzzAgreements = []Agreement{AgreementUnknown, AgreementMOSP, AgreementMCA, AgreementEA, AgreementMPA}
var fuzzRoles = []Role{RoleUnknown, RoleOwner, RoleReader, RoleInvoiceManager, RoleEnterpriseAdmin, RoleDepartmentAdmin, RoleAccountOwner, RoleNone}
var fuzzViews = []ViewCharges{ViewChargesUnknown, ViewChargesAllowed, ViewChargesNotAllowed, ViewChargesDisabled, "Other"}

func factsFromBytes(data []byte) Facts {
	z := &fuzzBytes{b: data}
	f := Facts{Now: z.time(), Agreement: fuzzAgreements[z.pick(5)], CallerTenantID: z.str("", "t1", "T1", "t2"),
		Cloud: z.str("", "AzureCloud", "AzureUSGovernment", "usgov"), CallerRoleEA: fuzzRoles[z.pick(len(fuzzRoles))]}
	f.Scope.Agreement = fuzzAgreements[z.pick(5)]
	if z.bool() {
		f.Account = &Account{Agreement: fuzzAgreements[z.pick(5)], HasReadAccess: z.optBool(),
			RelationshipTypes: []string{z.str("", "Direct", "CSPCustomer")}}
	}
	if z.bool() {
		f.Subscription = &Subscription{Agreement: fuzzAgreements[z.pick(5)],
			BillingType:     BillingType(z.str("", "Paid", "Free", "Benefit", "None")),
			Relationship:    Relationship(z.str("", "Direct", "CSPCustomer", "IndirectCustomer")),
			OfferID:         z.str("", "MS-AZR-0003P", "MS-AZR-0044P", "MS-AZR-0063P", "MS-AZR-0111P", "MS-AZR-0145P"),
			QuotaID:         z.str("", "FreeTrial_2014-09-01", "MSDN_2014-09-01", "CSP_2015-05-01"),
			Created:         z.time(),
			IsAccountAdmin:  z.optBool(),
			Cloud:           z.str("", "AzureCloud", "AzureUSGovernment"),
			BillingTenantID: z.str("", "t1", "t2"),
			PropertyErr:     z.err(),
			DisplayName:     z.str("Dev", "\x1b]8;;evil\x07"),
		}
		f.SubscriptionErr = z.err()
	}
	if z.bool() {
		f.Profile = &Profile{InvoiceDay: int(int8(z.byte())), Relationship: z.str("", "Direct", "CSPCustomer"),
			Email:        EmailPreference{OptIn: z.optBool()},
			TargetClouds: []string{z.str("", "USGov", "Public")}, DisplayName: z.str("BP", "\u202eevil")}
	}
	f.ProfileErr = z.err()
	if z.bool() {
		f.Access = &Access{Role: fuzzRoles[z.pick(len(fuzzRoles))], CanReadInvoices: z.bool(), Err: z.err()}
	}
	if z.bool() {
		f.Policies = &Policies{DepartmentAdminViewCharges: fuzzViews[z.pick(5)], AccountOwnerViewCharges: fuzzViews[z.pick(5)]}
	}
	f.PoliciesErr = z.err()
	f.InvoicesRead = z.bool()
	f.InvoicesErr = z.err()
	for n := z.pick(4); n > 0; n-- {
		f.Invoices = append(f.Invoices, Invoice{Name: z.str("G1", "\x00"), Date: z.time(),
			Period:     Period{Start: z.time(), End: z.time()},
			FreeCredit: Money{Amount: float64(int8(z.byte())), Known: z.bool()}})
	}
	if z.bool() {
		f.Wanted = &Period{Start: z.time(), End: z.time()}
	}
	if z.bool() {
		f.Window = &Period{Start: z.time(), End: z.time()}
	}
	f.CallerKind = IdentityKind(z.str("", "work", "microsoft"))
	if f.Account != nil && z.bool() {
		f.Account.Enrollment = &Enrollment{Channel: z.str("", "EaDirect", "EaIndirect")}
	}
	if f.Subscription != nil {
		f.Subscription.Transitioned = z.optBool()
		if z.bool() {
			f.Subscription.QuotaID = "MSDNDevTest_2014-09-01"
		}
	}
	for n := z.pick(3); n > 0; n-- {
		f.Subscriptions = append(f.Subscriptions, Subscription{DisplayName: z.str("A", "B"), Agreement: fuzzAgreements[z.pick(5)],
			OfferID: z.str("", "MS-AZR-0044P", "MS-AZR-0170P"), IsAccountAdmin: z.optBool(), PropertyErr: z.err()})
	}
	switch z.pick(3) {
	case 1:
		f.Balance = &Balance{Utilized: Money{Amount: 10, Known: true}, Overage: Money{Amount: float64(z.pick(2)), Known: true}}
	case 2:
		f.BalanceErr = z.err()
	}
	return f
}

func FuzzExplain(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
	f.Add([]byte("\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff"))
	f.Add([]byte("azinvoice explain fuzz seed with enough bytes to reach the invoices"))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkShape(t, Explain(factsFromBytes(data)))
	})
}
