using QeV.Domain.Facts;
using QeV.Domain.Profiles;

namespace QeV.Domain.Rules;

/// <summary>
/// F18 (NRW template, seed 003): "Der Qualitätsdialog wird fortgesetzt am …" and the "Vereinbarungszeitraum … (Datum
/// von – bis)". Per agreement one instance on the written next_dialogue_date (fulfilled by a dialogue with the
/// provider after the agreement was concluded, held by the day judged by) and one on valid_until (fulfilled by a later
/// agreement of the same provider and kind). Dates written in the agreement are kept as they are.
/// </summary>
public sealed class F18QualitaetsdialogRule : IDeadlineRule
{
    public const string NextDialogue = "next_dialogue_date";
    public const string PeriodEnd = "valid_until";

    public string Id => "F18";

    public string Name => "Fortsetzung des Qualitätsdialogs";

    public IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        new("Dates", ParameterKind.ChoiceList, "welche Daten der Vereinbarung (agreements.csv) eine Frist ergeben")
        {
            Allowed = [NextDialogue, PeriodEnd],
        },
    ];

    public string Recipients =>
        "Leitung des Jugendamts (lädt ein); überfällig einmal ein Hinweis an die Leitung des Trägers";

    public string DescribeDue(RuleSettings settings)
    {
        var parts = new List<string>();
        if (settings.List("Dates").Contains(NextDialogue, StringComparer.OrdinalIgnoreCase))
        {
            parts.Add("am eingetragenen Termin „Der Qualitätsdialog wird fortgesetzt am“ (`next_dialogue_date`), erfüllt durch einen "
                + "Qualitätsdialog mit dem Träger nach dem Abschluss (`provider_dialogues.csv`)");
        }

        if (settings.List("Dates").Contains(PeriodEnd, StringComparer.OrdinalIgnoreCase))
        {
            parts.Add("am Ende des Vereinbarungszeitraums (`valid_until`), erfüllt durch eine spätere Vereinbarung desselben Trägers");
        }

        return "je Vereinbarung: " + string.Join("; ", parts) + "; Daten wie eingetragen, ohne Verschiebung";
    }

    public IEnumerable<Deadline> Evaluate(FactSet facts, RuleContext context)
    {
        if (!context.IsEnabled(Id))
        {
            yield break;
        }

        var dates = context.Settings(Id).List("Dates");
        var dialogue = dates.Contains(NextDialogue, StringComparer.OrdinalIgnoreCase);
        var periodEnd = dates.Contains(PeriodEnd, StringComparer.OrdinalIgnoreCase);
        foreach (var agreement in facts.Agreements)
        {
            if (dialogue && agreement.NextDialogueDate is { } next)
            {
                var held = facts.ProviderDialogues.Any(d => d.ProviderOrganisationId == agreement.ProviderOrganisationId
                    && d.Date > agreement.ConcludedDate && d.Date <= context.AsOf);
                yield return Instance(facts, context, agreement, "Fortsetzung des Qualitätsdialogs", next, held);
            }

            if (periodEnd && agreement.ValidUntil is { } until && (!dialogue || agreement.NextDialogueDate != until))
            {
                var followed = facts.Agreements.Any(a => a.ProviderOrganisationId == agreement.ProviderOrganisationId
                    && a.Kind == agreement.Kind && a.ConcludedDate > agreement.ConcludedDate);
                yield return Instance(facts, context, agreement, "Ende des Vereinbarungszeitraums", until, followed);
            }
        }
    }

    private Deadline Instance(FactSet facts, RuleContext context, Agreement agreement, string name, DateOnly due, bool fulfilled)
    {
        var jugendamt = People.JugendamtFor(facts, agreement.ProviderOrganisationId);
        return new Deadline(
            Id, context.Settings(Id).Name is { } own && own != Name ? own : name, SubjectType.Agreement, agreement.AgreementId,
            null, null, due, context.StatusOf(due, fulfilled), People.LeitungOf(facts, jugendamt), null)
        {
            InformedStaffId = People.LeitungOf(facts, agreement.ProviderOrganisationId),
            OrganisationId = jugendamt,
        };
    }
}
