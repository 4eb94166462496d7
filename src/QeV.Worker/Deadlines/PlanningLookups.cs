using QeV.Domain.Facts;

namespace QeV.Worker.Deadlines;

/// <summary>
/// The lookups planning needs (organisations, teams, staff, Führungszeugnisse), read from the store the first time
/// something asks for them: a scan that finds nothing to plan never reads them (at a million cases they are 146,000
/// staff and 127,000 certificates, most of a scan's time when nothing changed). Kept once read.
/// </summary>
public sealed class PlanningLookups(Func<CancellationToken, Task<FactSet>> read)
{
    private FactSet? _facts;

    /// <summary>Whether the lookups were read (a test looks; nothing else needs to).</summary>
    public bool IsRead => _facts is not null;

    /// <summary>The lookups, read on the first call. Two first calls at once would both read; both get the same facts.</summary>
    public async Task<FactSet> GetAsync(CancellationToken ct) => _facts ??= await read(ct);
}
