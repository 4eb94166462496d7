using Dapper;
using QeV.Domain.Planning;
using QeV.Worker.Store;

namespace QeV.Worker.Ledger;

/// <summary>Data problems found while routing: kept with first and last day seen, listed in digests and the admin report.</summary>
public sealed class DataProblemStore(Database database)
{
    public async Task RecordAsync(IEnumerable<DataProblem> problems, DateOnly day, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await database.Dialect.BeginWriteAsync(connection, ct);
        var upsert = database.Dialect.Upsert("data_problems",
            [("problem_key", "@key"), ("staff_id", "@staffId"), ("team_lead_staff_id", "@lead"), ("problem", "@problem"),
             ("context", "@context"), ("first_seen", "@day"), ("last_seen", "@day")],
            ["problem_key"], ["last_seen", "context", "team_lead_staff_id"]);
        foreach (var p in problems.DistinctBy(p => p.Key))
        {
            await connection.ExecuteAsync(new CommandDefinition(upsert, new { key = p.Key, staffId = p.Line.StaffId, lead = p.TeamLeadStaffId, problem = p.Line.Problem, context = p.Line.Context, day },
                tx, cancellationToken: ct));
        }

        await tx.CommitAsync(ct);
    }

    /// <summary>Prefix of problems found while delivering (a 550); they are recorded once, not at every scan.</summary>
    public const string DeliveryProblem = "E-Mail nicht zustellbar";

    /// <summary>
    /// Problems to list on <paramref name="day"/>: those the day's scans saw, and delivery problems since
    /// <paramref name="since"/> (the previous business day), so a mail that failed after yesterday's digest is still named.
    /// </summary>
    public async Task<IReadOnlyList<DataProblem>> SeenOnAsync(DateOnly day, DateOnly since, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<(string StaffId, string? Lead, string Problem, string Context)>(new CommandDefinition(
            """
            SELECT staff_id, team_lead_staff_id, problem, context FROM data_problems
            WHERE last_seen = @day OR (last_seen >= @since AND problem LIKE @delivery)
            ORDER BY staff_id, problem
            """,
            new { day, since, delivery = DeliveryProblem + "%" }, cancellationToken: ct));
        return rows.Select(r => new DataProblem(new DataProblemLine(r.StaffId, null, r.Problem, r.Context), r.Lead)).ToList();
    }
}
