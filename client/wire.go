package client

// The shapes we read from Azure, made of the lenient leaf types (lenient.go).
// They hold only the fields azinvoice uses; names are the API's JSON names.

type wAccount struct {
	ID         Text `json:"id"`
	Name       Text `json:"name"`
	Properties *struct {
		DisplayName              Text   `json:"displayName"`
		AgreementType            Text   `json:"agreementType"`
		AccountType              Text   `json:"accountType"`
		AccountStatus            Text   `json:"accountStatus"`
		HasReadAccess            Flag   `json:"hasReadAccess"`
		NotificationEmailAddress Text   `json:"notificationEmailAddress"`
		BillingRelationshipTypes []Text `json:"billingRelationshipTypes"`
		EnrollmentDetails        *struct {
			StartDate Time `json:"startDate"`
			EndDate   Time `json:"endDate"`
			Currency  Text `json:"currency"`
			Channel   Text `json:"channel"`
			Language  Text `json:"language"`
		} `json:"enrollmentDetails"`
	} `json:"properties"`
}

type wProfile struct {
	ID         Text `json:"id"`
	Name       Text `json:"name"`
	Properties *struct {
		DisplayName             Text   `json:"displayName"`
		Currency                Text   `json:"currency"`
		InvoiceDay              Num    `json:"invoiceDay"`
		Status                  Text   `json:"status"`
		SystemID                Text   `json:"systemId"`
		PoNumber                Text   `json:"poNumber"`
		BillingRelationshipType Text   `json:"billingRelationshipType"`
		InvoiceEmailOptIn       Flag   `json:"invoiceEmailOptIn"`
		InvoiceRecipients       []Text `json:"invoiceRecipients"`
		TargetClouds            []Text `json:"targetClouds"`
	} `json:"properties"`
}

type wDocument struct {
	Name            Text   `json:"name"`
	Kind            Text   `json:"kind"`
	URL             Text   `json:"url"`
	ExternalURL     Text   `json:"externalUrl"`
	DocumentNumbers []Text `json:"documentNumbers"`
	Source          Text   `json:"source"`
}

type wInvoice struct {
	ID         Text `json:"id"`
	Name       Text `json:"name"`
	Properties *struct {
		InvoicePeriodStartDate    Time        `json:"invoicePeriodStartDate"`
		InvoicePeriodEndDate      Time        `json:"invoicePeriodEndDate"`
		InvoiceDate               Time        `json:"invoiceDate"`
		DueDate                   Time        `json:"dueDate"`
		AmountDue                 *Money      `json:"amountDue"`
		BilledAmount              *Money      `json:"billedAmount"`
		SubTotal                  *Money      `json:"subTotal"`
		CreditAmount              *Money      `json:"creditAmount"`
		FreeAzureCreditApplied    *Money      `json:"freeAzureCreditApplied"`
		AzurePrepaymentApplied    *Money      `json:"azurePrepaymentApplied"`
		TaxAmount                 *Money      `json:"taxAmount"`
		TotalAmount               *Money      `json:"totalAmount"`
		Status                    Text        `json:"status"`
		InvoiceType               Text        `json:"invoiceType"`
		DocumentType              Text        `json:"documentType"`
		Documents                 []wDocument `json:"documents"`
		BillingProfileID          Text        `json:"billingProfileId"`
		BillingProfileDisplayName Text        `json:"billingProfileDisplayName"`
		SubscriptionID            Text        `json:"subscriptionId"`
		SubscriptionDisplayName   Text        `json:"subscriptionDisplayName"`
		PurchaseOrderNumber       Text        `json:"purchaseOrderNumber"`
		IsMonthlyInvoice          Flag        `json:"isMonthlyInvoice"`
	} `json:"properties"`
}

type wARMSubscription struct {
	ID                   Text `json:"id"`
	SubscriptionID       Text `json:"subscriptionId"`
	DisplayName          Text `json:"displayName"`
	State                Text `json:"state"`
	TenantID             Text `json:"tenantId"`
	SubscriptionPolicies *struct {
		QuotaID Text `json:"quotaId"`
	} `json:"subscriptionPolicies"`
}

type wProperty struct {
	Properties *struct {
		BillingAccountAgreementType          Text `json:"billingAccountAgreementType"`
		BillingAccountID                     Text `json:"billingAccountId"`
		BillingAccountDisplayName            Text `json:"billingAccountDisplayName"`
		BillingProfileID                     Text `json:"billingProfileId"`
		BillingProfileDisplayName            Text `json:"billingProfileDisplayName"`
		SubscriptionBillingType              Text `json:"subscriptionBillingType"`
		IsAccountAdmin                       Flag `json:"isAccountAdmin"`
		AccountAdminNotificationEmailAddress Text `json:"accountAdminNotificationEmailAddress"`
		BillingTenantID                      Text `json:"billingTenantId"`
		SKUDescription                       Text `json:"skuDescription"`
		ProductName                          Text `json:"productName"`
		CustomerID                           Text `json:"customerId"`
		IsTransitionedBillingAccount         Flag `json:"isTransitionedBillingAccount"`
		SubscriptionWorkloadType             Text `json:"subscriptionWorkloadType"`
		SubscriptionBillingStatus            Text `json:"subscriptionBillingStatus"`
		ProductID                            Text `json:"productId"`
	} `json:"properties"`
}

type wBillingSubscription struct {
	ID         Text `json:"id"`
	Name       Text `json:"name"`
	Properties *struct {
		SubscriptionID            Text `json:"subscriptionId"`
		DisplayName               Text `json:"displayName"`
		Status                    Text `json:"status"`
		BillingProfileName        Text `json:"billingProfileName"`
		BillingProfileID          Text `json:"billingProfileId"`
		BillingProfileDisplayName Text `json:"billingProfileDisplayName"`
		OfferID                   Text `json:"offerId"`
		SKUDescription            Text `json:"skuDescription"`
		PurchaseDate              Time `json:"purchaseDate"`
		CustomerName              Text `json:"customerName"`
		CustomerID                Text `json:"customerId"`
	} `json:"properties"`
}

type wPolicy struct {
	Properties *struct {
		EnterpriseAgreementPolicies *struct {
			DepartmentAdminViewCharges Text `json:"departmentAdminViewCharges"`
			AccountOwnerViewCharges    Text `json:"accountOwnerViewCharges"`
		} `json:"enterpriseAgreementPolicies"`
	} `json:"properties"`
}

type wRoleAssignment struct {
	Properties *struct {
		PrincipalID          Text `json:"principalId"`
		RoleDefinitionID     Text `json:"roleDefinitionId"`
		UserEmailAddress     Text `json:"userEmailAddress"`
		PrincipalDisplayName Text `json:"principalDisplayName"`
		PrincipalType        Text `json:"principalType"`
	} `json:"properties"`
}
