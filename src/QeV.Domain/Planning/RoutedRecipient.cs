namespace QeV.Domain.Planning;

/// <summary>Where a mail meant for one person actually goes, and what was wrong on the way.</summary>
public sealed record RoutedRecipient(Recipient? Recipient, IReadOnlyList<DataProblemLine> Problems);
