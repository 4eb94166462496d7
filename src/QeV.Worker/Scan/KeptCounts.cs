using System.Data.Common;
using System.Text.Json;
using Dapper;
using QeV.Domain.Partitions;
using QeV.Domain.Rules;

namespace QeV.Worker.Scan;

/// <summary>
/// The open deadlines per rule and status (upcoming, due, overdue) on a day, due within a year of it (M020: kept in
/// <c>deadline_scans</c> with the refresh that wrote the table). A refresh carries them along with what it writes: the
/// rows it deletes are counted by SQL before they go (only the changed partitions'), the rows it inserts in memory,
/// so a scan after a few changes does not count every deadline of the table again (at a million cases that count
/// took 9 s of a 1 % scan). A refresh that starts without counts for its day leaves them to the plan, which counts
/// the table once.
/// </summary>
internal sealed class KeptCounts
{
    /// <summary>A stored deadline's status on <c>@day</c>, as SQL.</summary>
    public const string Status = "CASE WHEN due_date > @day THEN 'upcoming' WHEN due_date = @day THEN 'due' ELSE 'overdue' END";

    /// <summary>The condition of a counted row: open, due by <c>@until</c>.</summary>
    public const string Counted = "fulfilled = @open AND due_date <= @until";

    private readonly Dictionary<(string Rule, string Status), long> _counts = [];

    private KeptCounts(DateOnly day, IEnumerable<(string Rule, string Status, long Count)> counts)
    {
        Day = day;
        foreach (var (rule, status, count) in counts)
        {
            Add(rule, status, count);
        }
    }

    /// <summary>The day the statuses are of.</summary>
    public DateOnly Day { get; }

    /// <summary>The last day counted: a year after <paramref name="day"/>.</summary>
    public static DateOnly Until(DateOnly day) => day.AddDays(366);

    /// <summary>Counts of an empty table (after a full refresh cleared it).</summary>
    public static KeptCounts Empty(DateOnly day) => new(day, []);

    /// <summary>The counts kept for <paramref name="day"/> by the last refresh, or null (none, or of another day).</summary>
    public static async Task<KeptCounts?> LoadAsync(DbConnection connection, DbTransaction tx, DateOnly day, CancellationToken ct)
    {
        var kept = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT counts FROM deadline_scans WHERE scan_id = 1 AND counts_day = @day", new { day }, tx, cancellationToken: ct));
        return kept is null ? null : new KeptCounts(day, Parse(kept));
    }

    /// <summary>Counts read from their stored form.</summary>
    public static IReadOnlyList<(string Rule, string Status, long Count)> Parse(string kept) =>
        [.. JsonSerializer.Deserialize<List<KeptCount>>(kept)!.Select(c => (c.Rule, c.Status, c.Count))];

    /// <summary>Counts in their stored form.</summary>
    public static string Serialize(IEnumerable<(string Rule, string Status, long Count)> counts) =>
        JsonSerializer.Serialize(counts.Select(r => new KeptCount(r.Rule, r.Status, r.Count)));

    /// <summary>The counts now, by rule and status, without the ones at zero.</summary>
    public IReadOnlyList<(string Rule, string Status, long Count)> Current =>
    [
        .. _counts.Where(c => c.Value != 0).Select(c => (c.Key.Rule, c.Key.Status, c.Value))
            .OrderBy(c => c.Rule, StringComparer.Ordinal).ThenBy(c => c.Status, StringComparer.Ordinal),
    ];

    /// <summary>Adds the deadlines about to be inserted.</summary>
    public void Add(IEnumerable<PartitionDeadline> deadlines)
    {
        var until = Until(Day);
        foreach (var d in deadlines.Select(p => p.Deadline))
        {
            if (d.Status != DeadlineStatus.Fulfilled && d.DueDate <= until)
            {
                Add(d.Rule, d.DueDate > Day ? "upcoming" : d.DueDate == Day ? "due" : "overdue", 1);
            }
        }
    }

    /// <summary>
    /// Takes off the rows matching <paramref name="where"/> (with <paramref name="args"/>), counted before they are deleted.
    /// </summary>
    public async Task SubtractAsync(DbConnection connection, DbTransaction tx, string where, object args, CancellationToken ct)
    {
        var parameters = new DynamicParameters(args);
        parameters.Add("open", false);
        parameters.Add("day", Day);
        parameters.Add("until", Until(Day));
        // The condition of a counted row stays out of WHERE: there SQLite, without statistics, would rather walk the
        // (fulfilled, …) or due-date index over the whole table than the key of the few partitions (7 s instead of
        // milliseconds for 940 partitions at 100,000 cases).
        var rows = await connection.QueryAsync<(string Rule, string Status, long Count)>(new CommandDefinition(
            $"SELECT rule, {Status} AS status, SUM(CASE WHEN {Counted} THEN 1 ELSE 0 END) AS n FROM deadlines WHERE {where} GROUP BY rule, {Status}",
            parameters, tx, cancellationToken: ct));
        foreach (var (rule, status, count) in rows)
        {
            Add(rule, status, -count);
        }
    }

    private void Add(string rule, string status, long count) =>
        _counts[(rule, status)] = _counts.GetValueOrDefault((rule, status)) + count;

    private sealed record KeptCount(string Rule, string Status, long Count);
}
