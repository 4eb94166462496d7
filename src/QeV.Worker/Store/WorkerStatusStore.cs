using Dapper;

namespace QeV.Worker.Store;

/// <summary>The worker_status table (migration 6): named instants that every instance writes and `qev health` reads.</summary>
public sealed class WorkerStatusStore(Database database)
{
    public const string Scan = "scan";
    public const string Dispatch = "dispatch";
    public const string DispatchFailing = "dispatch-failing";
    public const string DispatchAlert = "dispatch-alert";

    public async Task SetAsync(string name, DateTimeOffset at, string? detail, CancellationToken ct)
    {
        var dialect = database.Dialect;
        var sql = dialect.Upsert("worker_status", [("name", "@name"), ("at", "@at"), ("detail", "@detail")], ["name"], ["at", "detail"]);
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { name, at = dialect.Instant(at), detail }, cancellationToken: ct));
    }

    /// <summary>Sets the row only when it is absent; true when this call set it.</summary>
    public async Task<bool> SetIfAbsentAsync(string name, DateTimeOffset at, string? detail, CancellationToken ct)
    {
        var dialect = database.Dialect;
        var sql = dialect.InsertIfAbsent("worker_status", [("name", "@name"), ("at", "@at"), ("detail", "@detail")], ["name"]);
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { name, at = dialect.Instant(at), detail }, cancellationToken: ct)) > 0;
    }

    public async Task<bool> RemoveAsync(string name, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM worker_status WHERE name = @name", new { name }, cancellationToken: ct)) > 0;
    }

    public async Task<WorkerStatus?> GetAsync(string name, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<WorkerStatus>(new CommandDefinition(
            "SELECT name, at, detail FROM worker_status WHERE name = @name", new { name }, cancellationToken: ct));
    }

    /// <summary>When the oldest notice that is still owed (pending, failed or being sent) was written; null if none.</summary>
    public async Task<DateTimeOffset?> OldestOwedAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<DateTimeOffset?>(new CommandDefinition(
            "SELECT MIN(created_at) FROM notices WHERE state IN ('pending', 'failed', 'sending')", cancellationToken: ct));
    }
}

public sealed record WorkerStatus(string Name, DateTimeOffset At, string? Detail);
