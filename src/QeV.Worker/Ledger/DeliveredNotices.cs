using System.Globalization;
using Dapper;
using QeV.Worker.Store;

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
        var rows = await connection.QueryAsync<(string Rule, string SubjectId, DateOnly DueDate)>(new CommandDefinition(
            """
            SELECT rule, subject_id, due_date FROM notices
            WHERE kind = @kind AND state = @sent AND rule IS NOT NULL AND subject_id IS NOT NULL AND due_date IS NOT NULL
              AND planned_for <= @asOf
            """,
            new { kind = "notice", sent = NoticeState.Sent, asOf }, cancellationToken: ct));
        return rows
            .Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Rule}/{r.SubjectId}/{r.DueDate:yyyy-MM-dd}"))
            .ToHashSet(StringComparer.Ordinal);
    }
}
