namespace QeV.Domain.Facts;

/// <summary>
/// The shared lookups every partition of facts is judged with: organisations, teams and staff, indexed once. A scan
/// builds them once and reuses them for every batch of partitions instead of re-indexing per batch.
/// </summary>
public sealed class FactLookups
{
    private ILookup<string, Staff>? _staffByOrganisation;

    public FactLookups(IReadOnlyList<Organisation> organisations, IReadOnlyList<Team> teams, IReadOnlyList<Staff> staff)
    {
        Organisations = organisations;
        Teams = teams;
        Staff = staff;
        OrganisationById = organisations.ToDictionary(o => o.OrganisationId, StringComparer.Ordinal);
        TeamById = teams.ToDictionary(t => t.TeamId, StringComparer.Ordinal);
        StaffById = staff.ToDictionary(s => s.StaffId, StringComparer.Ordinal);
    }

    public IReadOnlyList<Organisation> Organisations { get; }
    public IReadOnlyList<Team> Teams { get; }
    public IReadOnlyList<Staff> Staff { get; }
    public IReadOnlyDictionary<string, Organisation> OrganisationById { get; }
    public IReadOnlyDictionary<string, Team> TeamById { get; }
    public IReadOnlyDictionary<string, Staff> StaffById { get; }

    /// <summary>All staff of an organisation (built on first use).</summary>
    public ILookup<string, Staff> StaffByOrganisation =>
        _staffByOrganisation ??= Staff.ToLookup(s => s.OrganisationId, StringComparer.Ordinal);
}
