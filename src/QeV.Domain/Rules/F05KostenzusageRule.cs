using QeV.Domain.Facts;
using QeV.Domain.Profiles;

namespace QeV.Domain.Rules;

/// <summary>
/// F05: "Der Träger/ Leistungsanbieter erhält im Zeitraum von 14 Tagen eine Kostenzusage durch das Jugendamt." —
/// the sentence follows the first Hilfeplangespräch, so by default one instance per held first HPG (the profile may add
/// Fortschreibungen), due 14 days after it, fulfilled by <c>meetings.cost_approval_date</c>.
/// </summary>
public sealed class F05KostenzusageRule : IDeadlineRule
{
    public string Id => "F05";

    public string Name => "Kostenzusage";

    public IReadOnlyList<ParameterSpec> Parameters { get; } =
        MeetingFollowUp.Parameters("so lange nach dem Gespräch erhält der Träger die Kostenzusage");

    public string Recipients =>
        "fallführende Fachkraft (für das Jugendamt, ggf. mit der Wirtschaftlichen Jugendhilfe); überfällig Eskalation an deren Teamleitung";

    public string DescribeDue(RuleSettings settings) =>
        $"je gehaltenem {MeetingFollowUp.MeetingsText(settings)}: Gesprächstag + {PeriodText.Of(settings.Period("Within"))}, auf den "
        + "Werktag danach; erfüllt, sobald `cost_approval_date` eingetragen ist";

    public IEnumerable<Deadline> Evaluate(FactSet facts, RuleContext context) =>
        MeetingFollowUp.Evaluate(this, facts, context, m => m.CostApprovalDate);
}
