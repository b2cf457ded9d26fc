package emulator

import (
	"encoding/json"
	"net/http"
	"strings"
)

// allowed says whether a billing role may perform an action, in the spirit
// of the billing RBAC table: owners and admins do anything, contributors all
// but role management, readers only read, invoice managers read and download
// invoices, and "None" nothing.
func allowed(role, action string) bool {
	a := strings.ToLower(action)
	read := strings.HasSuffix(a, "/read") || strings.HasSuffix(a, "/download/action")
	switch strings.ToLower(role) {
	case "owner", "accountadmin", "enterpriseadmin":
		return true
	case "contributor":
		return !strings.Contains(a, "billingroleassignments/write")
	case "reader", "enterprisereader":
		return read
	case "invoicemanager":
		return read && (strings.Contains(a, "invoice") || strings.HasSuffix(a, "billingprofiles/read"))
	}
	return false
}

func canWrite(role string) bool {
	return allowed(role, "Microsoft.Billing/billingAccounts/billingProfiles/write")
}

func checkAccess(w http.ResponseWriter, role string, body []byte) {
	var req struct {
		Actions []string `json:"actions"`
	}
	if err := json.Unmarshal(body, &req); err != nil {
		writeError(w, http.StatusBadRequest, "InvalidRequestContent", "The request body must be {\"actions\":[...]}.")
		return
	}
	out := make([]obj, 0, len(req.Actions))
	for _, a := range req.Actions {
		d := "NotAllowed"
		if allowed(role, a) {
			d = "Allowed"
		}
		out = append(out, obj{"action": a, "accessDecision": d})
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) checkAccountAccess(w http.ResponseWriter, _ *http.Request, v map[string]string, body []byte) {
	s.mu.Lock()
	a, _, ok := s.lookup(w, v)
	role := ""
	if ok {
		role = a.CallerRole
	}
	s.mu.Unlock()
	if ok {
		checkAccess(w, role, body)
	}
}

func (s *Server) checkProfileAccess(w http.ResponseWriter, _ *http.Request, v map[string]string, body []byte) {
	s.mu.Lock()
	_, p, ok := s.lookup(w, v)
	role := ""
	if ok {
		role = p.CallerRole
	}
	s.mu.Unlock()
	if ok {
		checkAccess(w, role, body)
	}
}

func denied(w http.ResponseWriter, action string) {
	writeError(w, http.StatusForbidden, "AuthorizationFailed",
		"The client does not have authorization to perform action '"+action+"' over the scope.")
}

func (s *Server) listAccountRoleAssignments(w http.ResponseWriter, r *http.Request, v map[string]string, _ []byte) {
	s.mu.Lock()
	a, _, ok := s.lookup(w, v)
	var role string
	if ok {
		role = a.CallerRole
	}
	s.mu.Unlock()
	if !ok {
		return
	}
	if !allowed(role, "Microsoft.Billing/billingAccounts/billingRoleAssignments/read") {
		denied(w, "Microsoft.Billing/billingAccounts/billingRoleAssignments/read")
		return
	}
	s.page(w, r, []obj{})
}

func (s *Server) listProfileRoleAssignments(w http.ResponseWriter, r *http.Request, v map[string]string, _ []byte) {
	s.mu.Lock()
	_, p, ok := s.lookup(w, v)
	var role string
	var list []obj
	if ok {
		role, list = p.CallerRole, p.RoleAssignments
	}
	s.mu.Unlock()
	if !ok {
		return
	}
	if !allowed(role, "Microsoft.Billing/billingAccounts/billingProfiles/billingRoleAssignments/read") {
		denied(w, "Microsoft.Billing/billingAccounts/billingProfiles/billingRoleAssignments/read")
		return
	}
	if list == nil {
		list = []obj{}
	}
	s.page(w, r, list)
}
