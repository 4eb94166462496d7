using QeV.Domain.Facts;
using QeV.Domain.Profiles;

namespace QeV.Domain.Rules;

/// <summary>
/// F18 (NRW template, seed 003): "Der Qualitätsdialog wird fortgesetzt am …" and the "Vereinbarungszeitraum … (Datum
/// von – bis)". Per agreement one instance on the written next_dialogue_date (fulfilled by a dialogue with the
/// provider held on or near that date: from <see cref="EarlyMonths"/> months before it, after the agreement was
/// concluded, by the day judged by) and one on valid_until (fulfilled by a later agreement of the same provider and
/// kind). Dates written in the agreement are kept as they are. "Die Einladung erfolgt durch": the inviting side
/// (agreements.invited_by) is responsible, the other side is informed.
/// </summary>
public sealed class F18QualitaetsdialogRule : IDeadlineRule
{
    public const string NextDialogue = "next_dialogue_date";
    public const string PeriodEnd = "valid_until";

    /// <summary>A dialogue counts for the agreed continuation from this many months before its date (any time after).</summary>
    public const int EarlyMonths = 2;

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
        "Fortsetzung: Leitung der einladenden Seite (`invited_by`, Standard: Jugendamt), Ende des Zeitraums: Leitung des Jugendamts; "
        + "überfällig einmal ein Hinweis an die Leitung der anderen Seite";

    public string DescribeDue(RuleSettings settings)
    {
        var parts = new List<string>();
        if (settings.List("Dates").Contains(NextDialogue, StringComparer.OrdinalIgnoreCase))
        {
            parts.Add("am eingetragenen Termin „Der Qualitätsdialog wird fortgesetzt am“ (`next_dialogue_date`), erfüllt durch einen "
                + $"Qualitätsdialog mit dem Träger (`provider_dialogues.csv`) frühestens {EarlyMonths} Monate vor diesem Termin (und nach dem Abschluss)");
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
                var from = next.AddMonths(-EarlyMonths);
                var held = facts.ProviderDialogues.Any(d => d.ProviderOrganisationId == agreement.ProviderOrganisationId
                    && d.Date > agreement.ConcludedDate && d.Date >= from && d.Date <= context.AsOf);
                yield return Instance(facts, context, agreement, "Fortsetzung des Qualitätsdialogs", next, held, invitation: true);
            }

            if (periodEnd && agreement.ValidUntil is { } until && (!dialogue || agreement.NextDialogueDate != until))
            {
                var followed = facts.Agreements.Any(a => a.ProviderOrganisationId == agreement.ProviderOrganisationId
                    && a.Kind == agreement.Kind && a.ConcludedDate > agreement.ConcludedDate);
                yield return Instance(facts, context, agreement, "Ende des Vereinbarungszeitraums", until, followed, invitation: false);
            }
        }
    }

    /// <summary><paramref name="invitation"/>: the continued dialogue, which the inviting side owes; the period's end stays the Jugendamt's.</summary>
    private Deadline Instance(FactSet facts, RuleContext context, Agreement agreement, string name, DateOnly due, bool fulfilled, bool invitation)
    {
        var jugendamt = People.JugendamtFor(facts, agreement.ProviderOrganisationId);
        var jugendamtLeitung = People.LeitungOf(facts, jugendamt);
        var providerLeitung = People.LeitungOf(facts, agreement.ProviderOrganisationId);
        var providerInvites = invitation && string.Equals(agreement.InvitedBy, "traeger", StringComparison.OrdinalIgnoreCase);
        return new Deadline(
            Id, context.Settings(Id).Name is { } own && own != Name ? own : name, SubjectType.Agreement, agreement.AgreementId,
            null, null, due, context.StatusOf(due, fulfilled), providerInvites ? providerLeitung : jugendamtLeitung, null)
        {
            InformedStaffId = providerInvites ? jugendamtLeitung : providerLeitung,
            OrganisationId = jugendamt,
        };
    }
}
