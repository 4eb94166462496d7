using System.Runtime.CompilerServices;
using Dapper;
using QeV.Domain.Facts;
using QeV.Domain.Partitions;
using QeV.Domain.Rules;
using QeV.Worker.Store;

namespace QeV.Worker.Scan;

/// <summary>
/// Reads the deadlines a scan stored, in the report's order, with the status as of the day asked about; and the few
/// facts that planning and the report still need (organisations, teams, staff, Führungszeugnisse), never the cases.
/// </summary>
public sealed class DeadlineTableReader(Database database)
{
    /// <summary>Digest rows read at a time on SQLite.</summary>
    private const int DigestPage = 5_000;

    /// <summary>
    /// Open deadlines due on or before <paramref name="until"/> (through the index on fulfilled, due_date), all when null;
    /// fulfilled ones too when asked. Rules whose data the database lacks (RuleData) are left out, as the engine does.
    /// </summary>
    public async Task<IReadOnlyList<Deadline>> ReadAsync(
        RuleContext context, DateOnly? until, bool includeFulfilled, IReadOnlySet<string> presentRules, IReadOnlyList<IDeadlineRule> catalogue, CancellationToken ct) =>
        (await ReadAsync(context, until, includeFulfilled, presentRules, catalogue, null, ct)).All;

    /// <summary>
    /// As above, and the deadlines of the <paramref name="changed"/> partitions and the organisation-wide ones, in the
    /// same order: those a scan on the same day still has to plan (null when <paramref name="changed"/> is null).
    /// </summary>
    public async Task<(IReadOnlyList<Deadline> All, IReadOnlyList<Deadline>? ToPlan)> ReadAsync(
        RuleContext context, DateOnly? until, bool includeFulfilled, IReadOnlySet<string> presentRules, IReadOnlyList<IDeadlineRule> catalogue,
        IReadOnlySet<string>? changed, CancellationToken ct)
    {
        var where = until is null
            ? includeFulfilled ? "" : " WHERE fulfilled = @open"
            : " WHERE " + DeadlineRows.ReportFilter(includeFulfilled);
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<DeadlineRows.StoredDeadline>(new CommandDefinition(
            "SELECT * FROM deadlines" + where, new { open = false, done = true, until = until ?? DateOnly.MaxValue }, cancellationToken: ct));
        var all = new List<PartitionDeadline>();
        var toPlan = changed is null ? null : new List<PartitionDeadline>();
        foreach (var row in rows)
        {
            if (!presentRules.Contains(row.Rule))
            {
                continue;
            }

            var deadline = row.ToDeadline(context);
            all.Add(deadline);
            if (toPlan is not null && (row.Scope == "organisation" || changed!.Contains(DeadlineScanner.PartitionKey(row.Scope, row.PartitionId))))
            {
                toPlan.Add(deadline);
            }
        }

        return (PartitionEvaluator.Order(all, catalogue), toPlan is null ? null : PartitionEvaluator.Order(toPlan, catalogue));
    }

    /// <summary>
    /// As <see cref="ReadAsync(RuleContext, DateOnly?, bool, IReadOnlySet{string}, IReadOnlyList{IDeadlineRule}, CancellationToken)"/>
    /// with an end date, streamed in the report's order (due date, rule, subject, partition, seq) by the database, one
    /// row at a time: the `deadlines` report holds no list of them, however many there are.
    /// </summary>
    public async IAsyncEnumerable<Deadline> StreamAsync(
        RuleContext context, DateOnly until, bool includeFulfilled, IReadOnlySet<string> presentRules, [EnumeratorCancellation] CancellationToken ct)
    {
        var sql = $"SELECT * FROM deadlines WHERE {DeadlineRows.ReportFilter(includeFulfilled)} {DeadlineRows.ReportOrder(database.Dialect)}";
        await using var connection = await database.OpenAsync(ct);
        var rows = connection.QueryUnbufferedAsync<DeadlineRows.StoredDeadline>(sql, new { open = false, done = true, until });
        await foreach (var row in rows.WithCancellation(ct))
        {
            if (presentRules.Contains(row.Rule))
            {
                yield return row.ToDeadline(context).Deadline;
            }
        }
    }

    /// <summary>
    /// Open deadlines due by <paramref name="until"/> or warned of by the context's day, due within a year: what a digest
    /// can list, each with the team lead whose digest lists it (the lead of the responsible person's team), streamed in
    /// the order of the lead, so that a digest run holds one share of leads at a time, never the whole table.
    /// </summary>
    public async IAsyncEnumerable<(string Lead, PartitionDeadline Deadline)> StreamForDigestsAsync(
        RuleContext context, DateOnly until, IReadOnlySet<string> presentRules, [EnumeratorCancellation] CancellationToken ct)
    {
        // Ordered by the lead's bytes on every engine, so a case-insensitive collation never interleaves two leads.
        const string Joins = " FROM deadlines d JOIN staff s ON s.staff_id = d.responsible_staff_id JOIN teams t ON t.team_id = s.team_id";
        const string Filter = " AND d.fulfilled = @open AND d.due_date <= @year AND (d.due_date <= @until OR d.warning_from <= @day) AND t.lead_staff_id IS NOT NULL";
        var parameters = new { open = false, year = context.AsOf.AddDays(366), until, day = context.AsOf };
        await using var connection = await database.OpenAsync(ct);
        // On SQLite the digests are written between the pages, so no read stays open meanwhile (TempOrder); each row
        // keeps the lead it was ordered by, so a lead's rows stay together even if a team changed its lead in between.
        var rows = connection is Microsoft.Data.Sqlite.SqliteConnection
            ? TempOrder.ReadAsync<DeadlineRows.StoredDeadline>(
                connection,
                "digest_order",
                "SELECT d.rowid, t.lead_staff_id" + Joins + " WHERE 1 = 1" + Filter + " ORDER BY t.lead_staff_id",
                "SELECT o.tag AS digest_lead, d.* FROM temp.digest_order o JOIN deadlines d ON d.rowid = o.row_id"
                    + " JOIN staff s ON s.staff_id = d.responsible_staff_id JOIN teams t ON t.team_id = s.team_id"
                    + " WHERE o.n > @after AND o.n <= @last" + Filter + " ORDER BY o.n",
                parameters,
                DigestPage,
                ct)
            : connection.QueryUnbufferedAsync<DeadlineRows.StoredDeadline>(
                "SELECT t.lead_staff_id AS digest_lead, d.*" + Joins + " WHERE 1 = 1" + Filter + $" ORDER BY {database.Dialect.OrdinalOrder("t.lead_staff_id")}", parameters);
        await foreach (var row in rows.WithCancellation(ct))
        {
            if (presentRules.Contains(row.Rule))
            {
                yield return (row.DigestLead!, row.ToDeadline(context));
            }
        }
    }

    /// <summary>
    /// The keys of the open deadlines in these partitions (through the primary key, 500 partitions per statement): what
    /// the dispatcher checks a batch against, so that it never holds the open deadlines of the whole database.
    /// </summary>
    public async Task<HashSet<string>> OpenKeysAsync(
        IEnumerable<(RuleScope Scope, string PartitionId)> partitions, IReadOnlySet<string> presentRules, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        await using var connection = await database.OpenAsync(ct);
        foreach (var scope in partitions.Distinct().GroupBy(p => p.Scope))
        {
            foreach (var part in scope.Select(p => p.PartitionId).Chunk(500))
            {
                var chunk = database.Dialect.ListOf(part);
                // "fulfilled" as an expression no index serves: SQLite (without statistics) otherwise walks
                // ix_deadlines_next_stage over every open deadline of the database once per statement instead of
                // looking the partitions up by the primary key (EXPLAIN QUERY PLAN; 1 s for the 37,580 items of the day).
                var rows = await connection.QueryAsync<DeadlineRows.StoredKey>(new CommandDefinition(
                    $"SELECT rule, subject_id, due_date, instance_key FROM deadlines WHERE scope = @scope AND {database.Dialect.InList("partition_id", "@chunk")} AND (CASE WHEN fulfilled = @open THEN 1 ELSE 0 END) = 1",
                    new { scope = DeadlineRows.Code(scope.Key), chunk, open = false }, cancellationToken: ct));
                keys.UnionWith(rows.Where(r => presentRules.Contains(r.Rule)).Select(r => Deadline.KeyOf(r.Rule, r.SubjectId, r.DueDate, r.InstanceKey)));
            }
        }

        return keys;
    }

    public async Task<FactSet> ReadPlanningFactsAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var organisations = await connection.QueryAsync<FactRows.OrganisationRow>(new CommandDefinition("SELECT * FROM organisations", transaction: tx, cancellationToken: ct));
        var teams = await connection.QueryAsync<FactRows.TeamRow>(new CommandDefinition("SELECT * FROM teams", transaction: tx, cancellationToken: ct));
        var staff = await connection.QueryAsync<FactRows.StaffRow>(new CommandDefinition("SELECT * FROM staff", transaction: tx, cancellationToken: ct));
        var certificates = await connection.QueryAsync<FactRows.FuehrungszeugnisRow>(new CommandDefinition("SELECT * FROM fuehrungszeugnisse", transaction: tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return new FactSet(
            organisations.Select(r => r.ToFact()).ToList(), teams.Select(r => r.ToFact()).ToList(), staff.Select(r => r.ToFact()).ToList(),
            [], [], [], [], certificates.Select(r => r.ToFact()).ToList(), [], [], []);
    }
}
