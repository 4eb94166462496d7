namespace QeV.Domain.Rules;

/// <summary>
/// A rule that could not be computed for part of the facts (a case, or the rule's provider-level part): the part is
/// left out and the failure is reported as a data problem, so everyone else's deadlines and mail go on.
/// </summary>
public sealed record RuleFailure(string Rule, string? CaseId, string? FileReference, string? StaffId, string Reason)
{
    /// <summary>The German line for logs, digests and the admin report (file reference only, never names).</summary>
    public string Describe() => CaseId is null
        ? $"Regel {Rule} konnte nicht berechnet werden: {Reason}"
        : $"Regel {Rule} konnte für {FileReference ?? CaseId} nicht berechnet werden: {Reason}";
}
