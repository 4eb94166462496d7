namespace QeV.Domain.Facts;

/// <summary>
/// A Trägergespräch (Magdeburg) or Qualitätsdialog (NRW) between the Jugendamt and a provider, held on a date
/// (F08, F18). A row dated after the day the deadlines are judged by is planned, not held.
/// </summary>
public sealed record ProviderDialogue(string DialogueId, string ProviderOrganisationId, DateOnly Date, string? Topic);
