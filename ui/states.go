package ui

import (
	"context"
	"errors"
	"net"
	"net/url"
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

// errorInfo is an error put into words: what failed, why, what to do.
type errorInfo struct {
	Why, Do string
	Status  int
	Code    string
	Detail  string
}

// describe turns any error from the client into words from the catalogue,
// keyed by the HTTP status and Azure's error code.
func describe(err error) errorInfo {
	var info errorInfo
	var ce *client.Error
	if errors.As(err, &ce) {
		info.Status, info.Code = ce.Status, model.Clean(ce.Code)
		info.Detail = model.Clean(ce.Message)
	} else if err != nil {
		info.Detail = model.Clean(client.RedactText(err.Error()))
	}
	key := "other"
	switch {
	case errors.Is(err, context.Canceled):
		key = "canceled"
	case errors.Is(err, context.DeadlineExceeded):
		key = "timeout"
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
	case errors.Is(err, client.ErrTruncated):
		key = "truncated"
	case errors.Is(err, client.ErrBadContent):
		key = "badcontent"
	case errors.Is(err, client.ErrInvalidEmail):
		key = "invalidemail"
	case info.Code == "DiskFull":
		key = "diskfull"
	case info.Status == 401:
		key = "401"
	case info.Status == 403:
		key = "403"
	case info.Status == 404:
		key = "404"
	case info.Status == 409 || info.Status == 412:
		key = "409"
	case info.Status == 429:
		key = "429"
	case info.Status >= 500:
		key = "5xx"
	case info.Status >= 400:
		key = "4xx"
	case info.Status == 0 && ce != nil && ce.Err != nil && isNetErr(ce.Err):
		key = "network"
	}
	info.Why = i18n.T("err."+key+".why", map[string]any{"Status": info.Status, "Code": info.Code})
	info.Do = i18n.T("err." + key + ".do")
	return info
}

func errorView(c *common, whatID string, err error, width int) string {
	info := describe(err)
	inner := max(20, width-4)
	lines := []string{
		c.st.Bad.Bold(true).Render(i18n.T("err.title", map[string]any{"What": i18n.T(whatID)})),
		wrap(info.Why, inner),
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
	return ansi.Wordwrap(s, width, " ")
}

func truncateRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// isNetErr reports whether err came from the network (no HTTP answer), as
// opposed to a local failure such as a file that could not be written.
func isNetErr(err error) bool {
	var ne net.Error
	var oe *net.OpError
	var ue *url.Error
	return errors.As(err, &ne) || errors.As(err, &oe) || errors.As(err, &ue)
}
