package emulator

import (
	"context"
	"errors"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/billing/armbilling"
)

func TestPolicies(t *testing.T) {
	s := start(t, Options{})
	c, _ := armbilling.NewPoliciesClient("unused", s.Credential(), armOptions(s))
	r, err := c.GetByBillingAccount(context.Background(), eaAccount, nil)
	if err != nil {
		t.Fatal(err)
	}
	ea := r.Properties.EnterpriseAgreementPolicies
	if *ea.DepartmentAdminViewCharges != armbilling.EnrollmentDepartmentAdminViewChargesNotAllowed ||
		*ea.AccountOwnerViewCharges != armbilling.EnrollmentAccountOwnerViewChargesAllowed {
		t.Fatalf("%+v", ea)
	}
	_, err = c.GetByBillingAccount(context.Background(), mcaAccount, nil)
	var re *azcore.ResponseError
	if !errors.As(err, &re) || re.StatusCode != 404 {
		t.Fatalf("MCA account has no EA policy: %v", err)
	}
}

func TestCheckAccess(t *testing.T) {
	s := start(t, Options{})
	ps := profiles(t, s)
	c, _ := armbilling.NewPermissionsClient(s.Credential(), armOptions(s))
	actions := []*string{to.Ptr("Microsoft.Billing/billingAccounts/billingProfiles/invoices/read"),
		to.Ptr("Microsoft.Billing/billingAccounts/billingProfiles/write")}
	for _, tc := range []struct {
		profile     string
		read, write armbilling.AccessDecision
	}{
		{"Finance", armbilling.AccessDecisionAllowed, armbilling.AccessDecisionAllowed},
		{"Research", armbilling.AccessDecisionAllowed, armbilling.AccessDecisionNotAllowed},
		{"Marketing", armbilling.AccessDecisionNotAllowed, armbilling.AccessDecisionNotAllowed},
	} {
		r, err := c.CheckAccessByBillingProfile(context.Background(), mcaAccount, *ps[tc.profile].Name,
			armbilling.CheckAccessRequest{Actions: actions}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(r.CheckAccessResponseArray) != 2 || *r.CheckAccessResponseArray[0].AccessDecision != tc.read ||
			*r.CheckAccessResponseArray[1].AccessDecision != tc.write || *r.CheckAccessResponseArray[1].Action != *actions[1] {
			t.Errorf("%s: %+v %+v", tc.profile, *r.CheckAccessResponseArray[0], *r.CheckAccessResponseArray[1])
		}
	}
	r, err := c.CheckAccessByBillingAccount(context.Background(), eaAccount, armbilling.CheckAccessRequest{Actions: actions}, nil)
	if err != nil || *r.CheckAccessResponseArray[0].AccessDecision != armbilling.AccessDecisionAllowed {
		t.Fatalf("EA admin: %v", err)
	}
}

func TestRoleAssignments(t *testing.T) {
	s := start(t, Options{PageSize: 3})
	ps := profiles(t, s)
	c, _ := armbilling.NewRoleAssignmentsClient(s.Credential(), armOptions(s))
	pager := c.NewListByBillingProfilePager(mcaAccount, *ps["Research"].Name, nil)
	roles := map[string]string{}
	for pager.More() {
		r, err := pager.NextPage(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range r.Value {
			id := *a.Properties.RoleDefinitionID
			roles[id[len(id)-2:]] = *a.Properties.PrincipalID
		}
	}
	// Owner ...00, Contributor ...01, Reader ...02 (the caller), Invoice manager ...06.
	if len(roles) != 4 || roles["02"] != "7d0b3c5e-2f1a-4c8e-9b6d-3a1f5e7c9d20" || roles["00"] == "" || roles["01"] == "" || roles["06"] == "" {
		t.Fatalf("%v", roles)
	}
	_, err := c.NewListByBillingProfilePager(mcaAccount, *ps["Marketing"].Name, nil).NextPage(context.Background())
	var re *azcore.ResponseError
	if !errors.As(err, &re) || re.StatusCode != 403 {
		t.Fatalf("marketing: %v", err)
	}
}

func TestAllowed(t *testing.T) {
	for _, tc := range []struct {
		role, action string
		want         bool
	}{
		{"Owner", "Microsoft.Billing/billingAccounts/billingProfiles/write", true},
		{"Contributor", "Microsoft.Billing/billingAccounts/billingProfiles/write", true},
		{"Contributor", "Microsoft.Billing/billingAccounts/billingProfiles/billingRoleAssignments/write", false},
		{"Reader", "Microsoft.Billing/billingAccounts/billingProfiles/invoices/read", true},
		{"Reader", "Microsoft.Billing/billingAccounts/billingProfiles/write", false},
		{"InvoiceManager", "Microsoft.Billing/billingAccounts/invoices/download/action", true},
		{"InvoiceManager", "Microsoft.Billing/billingAccounts/billingSubscriptions/read", false},
		{"None", "Microsoft.Billing/billingAccounts/billingProfiles/invoices/read", false},
		{"", "anything/read", false},
	} {
		if got := allowed(tc.role, tc.action); got != tc.want {
			t.Errorf("allowed(%q, %q) = %v", tc.role, tc.action, got)
		}
	}
}
