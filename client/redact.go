package client

import (
	"net/url"
	"regexp"
)

// RedactURL drops a URL's query string and fragment (where an SAS token
// lives), keeping scheme, host and path so an error still says where.
func RedactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "[unparseable URL]"
	}
	red := u.RawQuery != "" || u.Fragment != ""
	u.RawQuery, u.Fragment, u.User = "", "", nil
	s := u.String()
	if red {
		s += "?[redacted]"
	}
	return s
}

var urlInText = regexp.MustCompile(`https?://[^\s"'<>]+`)

// RedactText replaces every URL in s with its redacted form, for error
// messages that quote a URL (net/http errors do).
func RedactText(s string) string {
	return urlInText.ReplaceAllStringFunc(s, RedactURL)
}
