using System.Globalization;
using Dapper;
using QeV.Worker.Store;
using QeV.Worker.Store.Partitions;

namespace QeV.Worker.Ledger;

/// <summary>
/// Deadlines whose obligation is the notice itself (F06: "unverzüglich die fallführende Fachkraft zu benachrichtigen"):
/// once their immediate notice was delivered, they are fulfilled. Read from the ledger into the facts, so the rule stays pure.
/// </summary>
public sealed class DeliveredNotices(Database database)
{
    /// <summary>
    /// Keys (rule/subject/due) of deadlines whose immediate notice, planned for a day up to <paramref name="asOf"/>, has
    /// been sent. The planned day rather than the send instant, so that `run --once --as-of` simulations agree.
    /// </summary>
    public async Task<IReadOnlySet<string>> NotifiedByAsync(DateOnly asOf, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(Sql, Parameters(asOf), cancellationToken: ct));
        return rows.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// The same read inside a scan's snapshot, by subject: the scan makes each case partition's delivered notices part
    /// of its fingerprint, so a partition whose notice was delivered since the last scan is judged again.
    /// </summary>
    public static async Task<ILookup<string, string>> NotifiedBySubjectAsync(ReadSnapshot snapshot, DateOnly asOf, CancellationToken ct) =>
        (await snapshot.QueryAsync<Row>(Sql, Parameters(asOf), ct))
            .OrderBy(r => r.Key, StringComparer.Ordinal)
            .ToLookup(r => r.SubjectId, r => r.Key, StringComparer.Ordinal);

    /// <summary>How many notices <see cref="NotifiedBySubjectAsync"/> would read: part of <c>Scan/FactsVersion</c>.</summary>
    public static async Task<long> CountAsync(ReadSnapshot snapshot, DateOnly asOf, CancellationToken ct) =>
        (await snapshot.QueryAsync<long>("SELECT COUNT(*) FROM (" + Sql + ") n", Parameters(asOf), ct)).Single();

    private const string Sql = """
        SELECT rule, subject_id, due_date FROM notices
        WHERE kind = @kind AND state = @sent AND rule IS NOT NULL AND subject_id IS NOT NULL AND due_date IS NOT NULL
          AND planned_for <= @asOf
        """;

    private static object Parameters(DateOnly asOf) => new { kind = "notice", sent = NoticeState.Sent, asOf };

#pragma warning disable CA1812 // instantiated by Dapper
    private sealed class Row
    {
        public string Rule { get; set; } = "";
        public string SubjectId { get; set; } = "";
        public DateOnly DueDate { get; set; }

        public string Key => string.Create(CultureInfo.InvariantCulture, $"{Rule}/{SubjectId}/{DueDate:yyyy-MM-dd}");
    }
#pragma warning restore CA1812
}
