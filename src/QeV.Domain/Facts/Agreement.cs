namespace QeV.Domain.Facts;

public sealed record Agreement(
    string AgreementId,
    string ProviderOrganisationId,
    AgreementKind Kind,
    DateOnly ConcludedDate,
    DateOnly? ValidUntil,
    DateOnly? NextDialogueDate)
{
    /// <summary>
    /// The QEV this provider's row belongs to (seed 000 § 6 Nr. 1: one agreement "einheitlich für alle … Träger"): rows
    /// with the same id are one QEV with one renewal (F10). Empty: the row is a QEV of its own.
    /// </summary>
    public string? QevId { get; init; }

    /// <summary>The QEV's own date (seed 001 "ab dem 01.07.2017"), when the provider joined later; else concluded_date.</summary>
    public DateOnly? QevDate { get; init; }

    /// <summary>An LEQ that includes the QEV (seed 000 § 6 Nr. 2): its conclusion renews the QEV for that provider.</summary>
    public bool IncludesQev { get; init; }

    /// <summary>Who invites to the Qualitätsdialog (seed 003 "Die Einladung erfolgt durch"): jugendamt (default) or traeger.</summary>
    public string? InvitedBy { get; init; }

    /// <summary>
    /// The Jugendamt this agreement is concluded with (<c>agreements.jugendamt_organisation_id</c>, M015; seed 000 § 2
    /// Nr. 1: one provider, several Jugendämter); its profile judges the agreement's deadlines. Null: the provider's.
    /// </summary>
    public string? JugendamtOrganisationId { get; init; }

    /// <summary>The date a QEV's renewal is counted from.</summary>
    public DateOnly QevStart => QevDate ?? ConcludedDate;
}
