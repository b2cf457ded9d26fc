package ui

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/azinvoice/azinvoice/client"
	"github.com/azinvoice/azinvoice/model"
	"github.com/azinvoice/azinvoice/ui/i18n"
)

func loadingView(c *common, whatID string, since time.Time) string {
	secs := int(c.now().Sub(since).Seconds())
	line := c.spin + " " + i18n.T("state.loading", map[string]any{"What": i18n.T(whatID)})
	if secs >= 2 {
		line += c.st.Dim.Render(" " + i18n.T("state.elapsed", map[string]any{"Seconds": secs}))
	}
	return line + "\n" + c.st.Dim.Render(i18n.T("state.loading.hint"))
}

func emptyView(c *common, emptyID, hintID string, width int) string {
	out := c.st.Bold.Render(wrap(i18n.T(emptyID), width))
	if hintID != "" {
		out += "\n" + c.st.Dim.Render(wrap(i18n.T(hintID), width))
	}
	return out
}

// errorInfo is an error put into words: what failed, why, what the client
// did about it, what to do.
type errorInfo struct {
	Why, Did, Do string
	Status       int
	Code         string
	Detail       string
	Cause        client.Cause
	Wait         int // seconds Azure asked to wait; the retry key waits them out
}

// surface is where an error is shown: the retry key differs. On a list r
// reads again; a download is retried by starting it again; the email
// change is reviewed and sent again with enter.
type surface string

const (
	onList     surface = ""
	onDownload surface = ".download"
	onEmail    surface = ".email"
)

// ErrorText is an error in the words the screens use: its cause, and what
// the client did about it ("azinvoice retried 3 times over 40 s"). It is
// for the commands (ui/cli), which say their own next step.
func ErrorText(err error) (why, did string) {
	info := describeOn(err, onList)
	return info.Why, info.Did
}

// describe puts an error shown on a list into words.
func describe(err error) errorInfo { return describeOn(err, onList) }

// describeOn turns any error from the client into words from the
// catalogue: the cause (client.Classify, the one classifier), what the
// client did ("retried 3 times over 40 s", "Azure asked to wait 120 s")
// and the next step, with the retry key of the surface it is shown on.
func describeOn(err error, on surface) errorInfo {
	var info errorInfo
	var ce *client.Error
	if errors.As(err, &ce) {
		info.Status, info.Code = ce.Status, model.Clean(ce.Code)
		info.Detail = model.Clean(ce.Message)
	} else if err != nil {
		info.Detail = model.Clean(client.RedactText(err.Error()))
	}
	info.Cause = client.Classify(err)
	retries, spentD, askedD := client.Retries(err)
	spent, asked := seconds(spentD), seconds(askedD)
	info.Wait = int((askedD + time.Second - 1) / time.Second)
	key := "other"
	switch {
	case errors.Is(err, context.Canceled):
		key = "canceled"
	case errors.Is(err, client.ErrNoUsage):
		key = "nousage"
	case errors.Is(err, client.ErrNoUsageInPeriod):
		key = "shapes.nousageperiod"
	case errors.Is(err, client.ErrNotDownloadable):
		key = "shapes.notdownloadable"
	case errors.Is(err, client.ErrUnreadable):
		key = "shapes.unreadable"
	case errors.Is(err, client.ErrUnsupported):
		key = "unsupported"
	case errors.Is(err, client.ErrExists):
		key = "exists"
	case errors.Is(err, client.ErrInvalidEmail):
		key = "invalidemail"
	case info.Code == "DiskFull":
		key = "diskfull"
	case errors.Is(err, client.ErrBadContent):
		key = "badcontent"
	case errors.Is(err, client.ErrTruncated):
		key = "truncated"
	default:
		key = causeKey(info.Cause, err)
	}
	data := map[string]any{"Status": info.Status, "Code": info.Code, "Wait": info.Wait, "Detail": truncateRunes(info.Detail, 120)}
	info.Why = i18n.T("err."+key+".why", data)
	switch {
	case errors.Is(err, client.ErrPollGaveUp) && (key == "429" || key == "5xx"):
		// The operation had started; its status is what kept failing.
		info.Why = i18n.T("err.pollgaveup.why", data)
	case key == "429" && info.Wait > 0:
		info.Why = i18n.T("err.429.asked.why", data)
	}
	switch {
	case retries > 0 && askedD > 0:
		info.Did = i18n.T("err.did.retried.asked", map[string]any{"Count": retries, "Seconds": spent, "Wait": asked})
	case retries > 0:
		info.Did = i18n.T("err.did.retried", map[string]any{"Count": retries, "Seconds": spent})
	case askedD > 0:
		info.Did = i18n.T("err.did.asked", map[string]any{"Wait": asked})
	}
	info.Do = doText(key, on, info.Wait)
	return info
}

// seconds is a duration as a person reads it: "0.4", "12", "120".
func seconds(d time.Duration) string {
	if d < 10*time.Second {
		return strconv.FormatFloat(d.Seconds(), 'f', 1, 64)
	}
	return strconv.Itoa(int(d.Round(time.Second) / time.Second))
}

// causeKey names the catalogue entry for a cause.
func causeKey(c client.Cause, err error) string {
	switch c {
	case client.CauseLocalFile:
		return "local"
	case client.CauseNetwork:
		if errors.Is(err, context.DeadlineExceeded) {
			return "timeout"
		}
		return "network"
	case client.CauseThrottled:
		return "429"
	case client.CauseSignIn:
		return "signin"
	case client.CauseForbidden:
		return "403"
	case client.CauseNotFound:
		return "404"
	case client.CauseConflict:
		return "409"
	case client.CauseService:
		return "5xx"
	case client.CauseBadData:
		return "baddata"
	case client.CauseLink:
		return "link"
	case client.CauseRefused:
		return "4xx"
	}
	return "other"
}

// doText is the next step: the surface's own wording where it has one
// (the retry key differs), else the list's; a wait Azure asked for is
// offered, not imposed.
func doText(key string, on surface, wait int) string {
	if key == "429" && wait > 0 {
		return i18n.T("err.429.asked.do"+string(on), map[string]any{"Wait": wait})
	}
	if on != onList && i18n.Has("err."+key+".do"+string(on)) {
		return i18n.T("err." + key + ".do" + string(on))
	}
	return i18n.T("err." + key + ".do")
}

func errorView(c *common, whatID string, err error, width int) string {
	info := describe(err)
	inner := max(20, width-4)
	lines := []string{
		c.st.Bad.Bold(true).Render(i18n.T("err.title", map[string]any{"What": i18n.T(whatID)})),
		wrap(info.Why, inner),
	}
	if info.Did != "" {
		lines = append(lines, wrap(info.Did, inner))
	}
	if info.Status != 0 || info.Code != "" {
		lines = append(lines, c.st.Dim.Render(i18n.T("err.status", map[string]any{"Status": info.Status, "Code": model.OrNone(info.Code)})))
	}
	if info.Detail != "" {
		lines = append(lines, c.st.Dim.Render(wrap(truncateRunes(info.Detail, 300), inner)))
	}
	lines = append(lines, "", c.st.Info.Render(wrap(info.Do, inner)))
	return c.st.ErrPanel.Width(min(width, 100)).Render(strings.Join(lines, "\n"))
}

func wrap(s string, width int) string {
	if width < 10 {
		return s
	}
	// ansi.Wordwrap always breaks after a hyphen, which cuts a GUID in
	// two; a non-breaking hyphen stands in for it while wrapping.
	if strings.ContainsRune(s, '-') && !strings.ContainsRune(s, '\u2011') {
		s = strings.ReplaceAll(s, "-", "\u2011")
		return strings.ReplaceAll(ansi.Wordwrap(s, width, " "), "\u2011", "-")
	}
	return ansi.Wordwrap(s, width, " ")
}

func truncateRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
