using System.Text;
using QeV.Domain.Calendar;
using QeV.Domain.Profiles;
using QeV.Domain.Rules;

namespace QeV.Domain.Rules;

/// <summary>The active catalogue of a profile as a German Markdown table, with the profile's values filled in.</summary>
public static class CatalogTable
{
    public static string Render(RuleProfile profile, IEnumerable<IDeadlineRule> rules, Bundesland defaultState)
    {
        var all = rules.ToList();
        var active = all.Where(r => profile.IsEnabled(r.Id)).ToList();
        var sb = new StringBuilder();
        sb.Append("# Fristenkatalog – Profil „").Append(profile.Name).AppendLine("“").AppendLine();
        sb.AppendLine(profile.Title).AppendLine();
        sb.Append("Quelle: ").AppendLine(profile.Source).AppendLine();
        sb.Append("Bundesland, wenn eine Organisation keines angibt: ").Append(defaultState.ToString()).Append(" (").Append(BundeslandCodes.GermanName(defaultState)).Append(')')
            .Append(". Aktive Regeln: ").Append(active.Count).Append(" von ").Append(all.Count).AppendLine(".").AppendLine();
        sb.AppendLine("| Id | Pflicht | Fälligkeit | Stufen (Standard) | Empfänger | Quelle |");
        sb.AppendLine("|---|---|---|---|---|---|");
        foreach (var rule in active)
        {
            var settings = profile.For(rule.Id);
            var obligation = settings.Obligation ?? settings.Name ?? rule.Name;
            sb.Append("| ").Append(rule.Id)
                .Append(" | ").Append(Cell(obligation))
                .Append(" | ").Append(Cell(rule.DescribeDue(settings)))
                .Append(" | ").Append(Cell(StageText.Of(settings.Stages)))
                .Append(" | ").Append(Cell(rule.Recipients))
                .Append(" | ").Append(Cell(settings.Source ?? ""))
                .AppendLine(" |");
        }

        var inactive = all.Where(r => !profile.IsEnabled(r.Id)).Select(r => r.Id).ToList();
        if (inactive.Count > 0)
        {
            sb.AppendLine().Append("Nicht aktiv in diesem Profil: ").Append(string.Join(", ", inactive))
                .AppendLine(" (einschalten mit `Rules:<Id>:Enabled: true`).");
        }

        return sb.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
