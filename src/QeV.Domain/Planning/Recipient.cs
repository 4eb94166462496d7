namespace QeV.Domain.Planning;

/// <summary>A person a mail goes to; <see cref="StandsInFor"/> names the absent colleague a deputy replaces.</summary>
public sealed record Recipient(string? StaffId, string DisplayName, string Email, string? StandsInFor = null);
