namespace QeV.Domain.Facts;

public sealed record Agreement(
    string AgreementId,
    string ProviderOrganisationId,
    AgreementKind Kind,
    DateOnly ConcludedDate,
    DateOnly? ValidUntil,
    DateOnly? NextDialogueDate);
