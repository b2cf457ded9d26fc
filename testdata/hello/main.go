// Command hello is the Bubble Tea hello-world that BenchmarkHelloStartup
// times, so azinvoice --demo's start-up can be measured beside it.
package main

import (
	"fmt"
	"os"

	tea "charm.land/bubbletea/v2"
)

type hello struct{}

func (hello) Init() tea.Cmd { return nil }

func (h hello) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(tea.KeyPressMsg); ok {
		return h, tea.Quit
	}
	return h, nil
}

func (hello) View() tea.View {
	v := tea.NewView("Contoso Enterprise Enrollment")
	v.AltScreen = true
	return v
}

func main() {
	if _, err := tea.NewProgram(hello{}).Run(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
