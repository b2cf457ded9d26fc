package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/azinvoice/azinvoice/ui/i18n"
)

// localizeHelp puts cobra's own words — the headings of the usage text and
// the -h flag's help — into the active language. Cobra's template is kept
// and only its headings are replaced, so a cobra upgrade keeps its layout.
func localizeHelp(root *cobra.Command) {
	cobra.AddTemplateFunc("azinvoiceUseLine", func(s string) string {
		return strings.Replace(s, " [flags]", " "+i18n.T("cobra.flagsarg"), 1)
	})
	r := strings.NewReplacer(
		"{{.UseLine}}", "{{.UseLine | azinvoiceUseLine}}",
		"{{.CommandPath}} [command]{{end}}", "{{.CommandPath}} "+i18n.T("cobra.commandarg")+"{{end}}",
		"Usage:{{", i18n.T("cobra.usage")+"{{",
		"\nAliases:\n", "\n"+i18n.T("cobra.aliases")+"\n",
		"\nExamples:\n", "\n"+i18n.T("cobra.examples")+"\n",
		"\nAvailable Commands:", "\n"+i18n.T("cobra.commands"),
		"\nAdditional Commands:", "\n"+i18n.T("cobra.morecommands"),
		"\nFlags:\n", "\n"+i18n.T("cobra.flags")+"\n",
		"\nGlobal Flags:\n", "\n"+i18n.T("cobra.globalflags")+"\n",
		"\nAdditional help topics:", "\n"+i18n.T("cobra.topics"),
		`Use "{{.CommandPath}} [command] --help" for more information about a command.`,
		i18n.T("cobra.more", map[string]any{"Cmd": "{{.CommandPath}}"}),
	)
	root.SetUsageTemplate(r.Replace(root.UsageTemplate()))
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.InitDefaultHelpFlag()
		if f := c.Flags().Lookup("help"); f != nil {
			f.Usage = i18n.T("cobra.helpfor", map[string]any{"Cmd": c.Name()})
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}
