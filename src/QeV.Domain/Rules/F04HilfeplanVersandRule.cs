using QeV.Domain.Facts;
using QeV.Domain.Profiles;

namespace QeV.Domain.Rules;

/// <summary>
/// F04: "Der vollständige und unterzeichnete Hilfeplan wird allen Beteiligten innerhalb von 14 Tagen zur Verfügung
/// gestellt." (Bad Dürkheim: "innerhalb von sechs Wochen") — one instance per held Hilfeplangespräch and
/// Fortschreibung, due <c>Within</c> after it, fulfilled by <c>meetings.plan_sent_date</c>.
/// </summary>
public sealed class F04HilfeplanVersandRule : IDeadlineRule
{
    public string Id => "F04";

    public string Name => "Hilfeplan an alle Beteiligten";

    public IReadOnlyList<ParameterSpec> Parameters { get; } =
        MeetingFollowUp.Parameters("so lange nach dem Gespräch ist der unterzeichnete Hilfeplan allen Beteiligten zuzusenden");

    public string Recipients => "fallführende Fachkraft; überfällig Eskalation an deren Teamleitung";

    public string DescribeDue(RuleSettings settings) =>
        $"je gehaltenem {MeetingFollowUp.MeetingsText(settings)}: Gesprächstag + {PeriodText.Of(settings.Period("Within"))}, auf den "
        + "Werktag danach; erfüllt, sobald `plan_sent_date` eingetragen ist";

    public IEnumerable<Deadline> Evaluate(FactSet facts, RuleContext context) =>
        MeetingFollowUp.Evaluate(this, facts, context, m => m.PlanSentDate);
}
