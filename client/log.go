package client

import (
	"log/slog"

	azlog "github.com/Azure/azure-sdk-for-go/sdk/azcore/log"
)

// LogListener adapts azcore's log events to l, for azlog.SetListener.
// Every message goes through RedactText: azcore's request lines quote
// URLs, and an SAS query string must never reach a log file.
func LogListener(l *slog.Logger) func(azlog.Event, string) {
	if l == nil {
		return func(azlog.Event, string) {}
	}
	return func(ev azlog.Event, msg string) {
		l.Debug(safeText(msg, 4<<10), "source", "azcore", "event", string(ev))
	}
}
