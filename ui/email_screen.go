package ui

import (
	"context"
	"errors"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/azinvoice/azinvoice/client"
	"github.com/azinvoice/azinvoice/model"
	"github.com/azinvoice/azinvoice/ui/i18n"
)

// emailMode is what the keyboard does on the profile screen.
type emailMode int

const (
	modeView    emailMode = iota
	modeConfirm           // old → new dialog; y sends, n/esc cancels
	modeAdding            // the text input has the keyboard
	modeSaving            // the change is in flight: keys are ignored
)

// readBackTimeout bounds the fresh read after a failed change.
const readBackTimeout = 30 * time.Second

// emailScreen shows where a scope's invoices are emailed and, for a billing
// profile the caller may change, changes it: draft → confirm → SetEmail →
// what Azure holds afterwards. What is shown as held is only ever what a
// read returned.
type emailScreen struct {
	loader
	changed bool // a change reached Azure: the screen below reads again
	t       emailTarget
	kind    emailKind
	loaded  bool

	// Billing profile: what Azure holds (last read), who may change it, who gets it.
	prof      model.Profile
	access    model.Access
	accessErr error
	roles     []client.RoleAssignment
	rolesErr  error

	// The person's edit; kept after a refused change so they can retry.
	draftOn    bool
	draft      []string
	mode       emailMode
	cursor     int
	input      textinput.Model
	note       emailNote
	saveCancel context.CancelFunc

	// Everything else: explanation blocks and, for MOSP, the admin email.
	pg       pager
	notify   string
	profiles []model.Profile
	infoErr  error
}

// emailNote is the last outcome, shown under the state.
type emailNote struct {
	lines []string // already translated
	bad   bool
}

// emailLoaded is the first read; emailSaved the answer to a change.
type (
	emailLoaded struct {
		prof      model.Profile
		access    model.Access
		accessErr error
		roles     []client.RoleAssignment
		rolesErr  error
		notify    string
		profiles  []model.Profile
		infoErr   error
	}
	emailSaved struct {
		prof    model.Profile // the fresh read (or SetEmail's read-back on success)
		err     error         // why the change failed; nil when Azure holds it
		readErr error         // the fresh read after a failure failed too
		stopped bool          // the person stopped waiting
	}
)

func newEmailScreen(c *common, t emailTarget) *emailScreen {
	in := textinput.New()
	in.Prompt = "+ "
	in.Placeholder = i18n.T("email.add.placeholder")
	in.CharLimit = 254
	// A steady cursor: a blinking one would tick forever while the input is open.
	ist := in.Styles()
	ist.Cursor.Blink = false
	in.SetStyles(ist)
	return &emailScreen{loader: newLoader(c), t: t, kind: targetKind(t), input: in, pg: pager{c: c}}
}

func (s *emailScreen) ID() int          { return s.id }
func (s *emailScreen) Busy() bool       { return s.loading }
func (s *emailScreen) Crumbs() []string { return []string{s.t.title, i18n.T("email.crumb")} }

// Capturing keeps esc and every other key with the screen while a dialog,
// the text input or a change is open, so the root never pops it mid-way.
func (s *emailScreen) Capturing() bool { return s.mode != modeView }

// agreement lets the portal guide (g) open on this scope's agreement.
func (s *emailScreen) agreement() model.Agreement { return s.t.agreement }

// Cancel stops a read. A change in flight is not abandoned here: the
// answer still comes back and is read again (see stopWaiting).
func (s *emailScreen) Cancel() {
	if s.mode == modeSaving {
		s.stopWaiting()
		return
	}
	s.cancel()
}

func (s *emailScreen) Init() tea.Cmd { return s.load() }

func (s *emailScreen) load() tea.Cmd {
	b, t, kind := s.c.cfg.Billing, s.t, s.kind
	return s.start(func(ctx context.Context) (any, error) {
		var out emailLoaded
		switch kind {
		case emailProfile:
			p, err := b.Profile(ctx, t.account, t.profile)
			if err != nil {
				return nil, err
			}
			out.prof = p
			if profileKind(p) != emailProfile {
				return out, nil
			}
			sc := model.Scope{Kind: model.ScopeProfile, Agreement: t.agreement, AccountName: t.account, ProfileName: t.profile}
			out.access, out.accessErr = b.Access(ctx, sc)
			out.roles, out.rolesErr = b.RoleAssignments(ctx, t.account, t.profile)
		case emailMOSP:
			out.notify, out.infoErr = mospNotification(ctx, b, t)
		case emailPickProfile:
			out.profiles, out.infoErr = b.Profiles(ctx, t.account)
		}
		return out, nil
	})
}

// mospNotification is the account admin notification email: the billing
// property's, else the account's (a billing subscription row has neither).
func mospNotification(ctx context.Context, b client.Billing, t emailTarget) (string, error) {
	if t.sub != nil && t.sub.AdminNotification != "" {
		return t.sub.AdminNotification, nil
	}
	if t.acct != nil {
		return t.acct.NotificationEmail, nil
	}
	if t.account == "" {
		return "", nil
	}
	accts, err := b.Accounts(ctx)
	if err != nil {
		return "", err
	}
	for _, a := range accts {
		if a.Name == t.account {
			return a.NotificationEmail, nil
		}
	}
	return "", nil
}

func (s *emailScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case loadedMsg:
		if !s.accept(msg) {
			return nil
		}
		switch v := msg.value.(type) {
		case emailLoaded:
			s.applyLoaded(v)
		case emailSaved:
			s.applySaved(v)
		}
		if msg.err != nil && s.mode == modeSaving {
			s.mode = modeView
		}
		return nil
	case tea.KeyPressMsg:
		return s.key(msg)
	}
	if s.mode == modeAdding {
		var cmd tea.Cmd
		s.input, cmd = s.input.Update(msg)
		return cmd
	}
	if s.kind != emailProfile {
		cmd, _ := s.pg.update(msg)
		return cmd
	}
	return nil
}

func (s *emailScreen) applyLoaded(v emailLoaded) {
	hadEdit := s.loaded && s.dirty() // judged against what was held before
	s.loaded = true
	if s.kind == emailProfile {
		s.kind = profileKind(v.prof)
	}
	s.prof, s.access, s.accessErr, s.roles, s.rolesErr = v.prof, v.access, v.accessErr, v.roles, v.rolesErr
	s.notify, s.profiles, s.infoErr = model.Clean(v.notify), v.profiles, v.infoErr
	if !hadEdit {
		s.resetDraft() // a refresh never throws away an edit not yet sent
	}
	s.note = emailNote{}
	if s.kind != emailProfile {
		s.pg.set(s.infoItems())
	}
}

// resetDraft makes the edit equal to what Azure holds.
func (s *emailScreen) resetDraft() {
	s.draftOn = s.prof.Email.Enabled()
	s.draft = append([]string(nil), s.prof.Email.Recipients...)
	s.cursor = 0
}

// canChange: only a yes from check-access offers the toggle, and never in
// read-only mode.
func (s *emailScreen) canChange() bool {
	return !s.c.cfg.ReadOnly && s.kind == emailProfile && s.loaded && s.err == nil &&
		s.accessErr == nil && s.access.Err == nil && s.access.CanWriteProfile
}

func (s *emailScreen) key(msg tea.KeyPressMsg) tea.Cmd {
	switch s.mode {
	case modeSaving:
		if msg.String() == "esc" {
			s.stopWaiting()
		}
		return nil // a second press never sends a second change
	case modeConfirm:
		return s.confirmKey(msg)
	case modeAdding:
		return s.addKey(msg)
	}
	k := s.c.keys
	if key.Matches(msg, k.Refresh) {
		return s.load()
	}
	if s.kind != emailProfile {
		cmd, _ := s.pg.update(msg)
		return cmd
	}
	if key.Matches(msg, k.Open) {
		return openLinkID(model.LinkBillingAccess)
	}
	if !s.canChange() || s.loading {
		return nil
	}
	switch {
	case isToggleKey(msg):
		s.draftOn = !s.draftOn
		return s.review()
	case msg.String() == "a":
		s.mode = modeAdding
		s.input.SetValue("")
		return s.input.Focus()
	case msg.String() == "x" || msg.String() == "delete":
		s.removeCurrent()
	case key.Matches(msg, k.Up):
		s.cursor = max(0, s.cursor-1)
	case key.Matches(msg, k.Down):
		s.cursor = max(0, min(len(s.draft)-1, s.cursor+1))
	case key.Matches(msg, k.Enter):
		if s.dirty() {
			return s.review()
		}
	}
	return nil
}

func isToggleKey(msg tea.KeyPressMsg) bool {
	k := msg.String()
	return k == "t" || k == "space" || k == " "
}

// review opens the confirm dialog when the edit differs from what Azure holds.
func (s *emailScreen) review() tea.Cmd {
	if s.dirty() {
		s.mode = modeConfirm
	} else {
		s.note = emailNote{lines: []string{i18n.T("email.nochange")}}
	}
	return nil
}

// dirty reports whether the edit differs from what Azure holds.
func (s *emailScreen) dirty() bool {
	return s.draftOn != s.prof.Email.Enabled() || !sameAddresses(s.draft, s.prof.Email.Recipients)
}

// save sends the edit. The answer always carries a read of the profile:
// SetEmail's own read-back, or a fresh one after any failure, so the
// screen never shows a state Azure did not return.
func (s *emailScreen) save() tea.Cmd {
	b, t := s.c.cfg.Billing, s.t
	on := s.draftOn
	pref := model.EmailPreference{OptIn: &on, Recipients: append([]string(nil), s.draft...)}
	appCtx := s.c.ctx
	sctx, scancel := context.WithCancel(appCtx)
	s.saveCancel = scancel
	s.mode = modeSaving
	s.note = emailNote{}
	return s.start(func(ctx context.Context) (any, error) {
		// The change runs under its own context so esc can stop the wait
		// without losing the read that follows.
		go func() {
			<-ctx.Done()
			scancel()
		}()
		p, err := b.SetEmail(sctx, t.account, t.profile, pref, nil)
		stopped := sctx.Err() != nil && ctx.Err() == nil
		scancel()
		if err == nil {
			return emailSaved{prof: p}, nil
		}
		// Read back under a fresh deadline: the change may have used up
		// the request's own (a poll that never ends) and the truth is still owed.
		rctx, rcancel := context.WithTimeout(appCtx, readBackTimeout)
		defer rcancel()
		fresh, rerr := b.Profile(rctx, t.account, t.profile)
		return emailSaved{prof: fresh, err: err, readErr: rerr, stopped: stopped}, nil
	})
}

// stopWaiting gives up waiting for the change; the read after it still runs.
func (s *emailScreen) stopWaiting() {
	if s.saveCancel != nil {
		s.saveCancel()
	}
}

func (s *emailScreen) applySaved(v emailSaved) {
	s.mode = modeView
	s.saveCancel = nil
	s.changed = true // even a reported failure may have changed something
	if v.err == nil {
		s.prof = v.prof
		s.resetDraft()
		s.note = emailNote{lines: []string{i18n.T("email.saved", map[string]any{
			"State": emailText(s.prof.Email), "Count": len(s.prof.Email.Recipients)})}}
		return
	}
	lines := []string{i18n.T("email.failed.title")}
	switch {
	case v.stopped:
		lines = append(lines, i18n.T("email.failed.stopped"))
	case errors.Is(v.err, client.ErrInvalidEmail):
		lines = append(lines, i18n.T("email.failed.invalid"))
	default:
		info := describeOn(v.err, onEmail)
		lines = append(lines, info.Why)
		if info.Did != "" {
			lines = append(lines, info.Did)
		}
		if info.Status == 0 || info.Status >= 500 {
			// Azure may have taken the change before its status failed.
			lines = append(lines, i18n.T("email.failed.maylater"))
		}
		if info.Status != 0 || info.Code != "" {
			lines = append(lines, i18n.T("err.status", map[string]any{"Status": info.Status, "Code": model.OrNone(info.Code)}))
		}
	}
	if v.readErr == nil {
		s.prof = v.prof
		lines = append(lines, i18n.T("email.failed.readback"))
	} else {
		lines = append(lines, i18n.T("email.failed.stale"))
	}
	if s.dirty() {
		lines = append(lines, i18n.T("email.failed.kept"))
	} else {
		lines = append(lines, i18n.T("email.failed.heldanyway"))
	}
	s.cursor = max(0, min(s.cursor, len(s.draft)-1))
	s.note = emailNote{lines: lines, bad: true}
}

// Unsaved reports an edit not yet sent: leaving or quitting asks first.
func (s *emailScreen) Unsaved() bool {
	return s.kind == emailProfile && s.loaded && s.mode == modeView && s.dirty()
}

// Changed reports whether a change was sent to Azure from this screen.
func (s *emailScreen) Changed() bool { return s.changed }
