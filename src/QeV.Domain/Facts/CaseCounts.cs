namespace QeV.Domain.Facts;

/// <summary>How many cases each provider has with each organisation of the cases' case managers.</summary>
public sealed class CaseCounts
{
    private readonly Dictionary<string, Dictionary<string, int>> _byProvider = new(StringComparer.Ordinal);

    /// <summary>Counts per case manager's organisation for cases of <paramref name="providerOrganisationId"/> (null: cases without provider).</summary>
    public IReadOnlyDictionary<string, int> For(string? providerOrganisationId) =>
        _byProvider.TryGetValue(providerOrganisationId ?? "", out var counts) ? counts : Empty;

    public void Add(string? providerOrganisationId, string? caseManagerOrganisationId)
    {
        if (caseManagerOrganisationId is null)
        {
            return;
        }

        if (!_byProvider.TryGetValue(providerOrganisationId ?? "", out var counts))
        {
            _byProvider[providerOrganisationId ?? ""] = counts = new Dictionary<string, int>(StringComparer.Ordinal);
        }

        counts[caseManagerOrganisationId] = counts.GetValueOrDefault(caseManagerOrganisationId) + 1;
    }

    public static CaseCounts Of(IEnumerable<Case> cases, IReadOnlyDictionary<string, Staff> staffById)
    {
        var counts = new CaseCounts();
        foreach (var c in cases)
        {
            counts.Add(c.ProviderOrganisationId, staffById.GetValueOrDefault(c.CaseManagerStaffId)?.OrganisationId);
        }

        return counts;
    }

    private static readonly Dictionary<string, int> Empty = new(StringComparer.Ordinal);
}
