using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using QeV.Domain.Planning;
using QeV.Worker.Store;
using QeV.Worker.Store.Bulk;

namespace QeV.Worker.Ledger;

/// <summary>
/// Writes the notices a scan found owed, in one transaction and many rows per statement: first the keys already in the
/// ledger are looked up in chunks (a scan that finds nothing new writes nothing, and serialises no content), then the
/// new ones go in – binary COPY into a temporary table and one INSERT … ON CONFLICT DO NOTHING on PostgreSQL, one
/// prepared and reused INSERT on SQLite, one statement per notice elsewhere. A key taken meanwhile by another
/// instance is skipped by the conflict clause, so the count is what this call added.
/// </summary>
internal sealed class OwedNoticeWriter(Database database)
{
    private const int KeysPerLookup = 900;

    private static readonly (string Column, string Value)[] Values =
    [
        ("notice_key", "@key"), ("kind", "@kind"), ("rule", "@rule"), ("subject_id", "@subjectId"), ("case_id", "@caseId"),
        ("due_date", "@dueDate"), ("stage", "@stage"), ("recipient_staff_id", "@recipient"), ("to_staff_id", "@toStaff"),
        ("to_address", "@toAddress"), ("planned_for", "@plannedFor"), ("urgent", "@urgent"), ("content", "@content"),
        ("state", "'pending'"), ("attempts", "0"), ("next_attempt_at", "@now"), ("created_at", "@now"),
    ];

    public async Task<int> AddAsync(IEnumerable<PlannedNotice> notices, DateTimeOffset now, CancellationToken ct)
    {
        // The first of several notices with one key wins, as one INSERT after another would have it.
        var planned = new List<PlannedNotice>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var n in notices)
        {
            if (seen.Add(n.Content.Key))
            {
                planned.Add(n);
            }
        }

        await using var connection = await database.OpenAsync(ct);
        await using var tx = await database.Dialect.BeginWriteAsync(connection, ct);
        await using var cache = await WriteCache.BeginAsync(connection, tx, ct);
        var fresh = await WithoutStoredAsync(connection, tx, planned, ct);
        var added = fresh.Count == 0 ? 0 : connection switch
        {
            NpgsqlConnection npgsql => await CopyAsync(npgsql, fresh, now, ct),
            SqliteConnection sqlite => InsertPrepared(sqlite, (SqliteTransaction)tx, fresh, now, ct),
            _ => await InsertEachAsync(connection, tx, fresh, now, ct),
        };
        await tx.CommitAsync(ct);
        return added;
    }

    private async Task<List<PlannedNotice>> WithoutStoredAsync(DbConnection connection, DbTransaction tx, List<PlannedNotice> planned, CancellationToken ct)
    {
        // One parameter per lookup where the engine takes a list as one value (a JSON array on SQLite, an array on
        // PostgreSQL); an IN list of single parameters elsewhere.
        var (sql, size) = connection switch
        {
            SqliteConnection => ("SELECT notice_key FROM notices WHERE notice_key IN (SELECT value FROM json_each(@chunk))", 10_000),
            NpgsqlConnection => ("SELECT notice_key FROM notices WHERE notice_key = ANY(@chunk)", 10_000),
            _ => ($"SELECT notice_key FROM notices WHERE {database.Dialect.InList("notice_key", "@chunk")}", KeysPerLookup),
        };
        var stored = new HashSet<string>(StringComparer.Ordinal);
        foreach (var keys in planned.Select(n => n.Content.Key).Chunk(size))
        {
            object chunk = connection is SqliteConnection ? JsonSerializer.Serialize(keys) : keys;
            stored.UnionWith(await connection.QueryAsync<string>(new CommandDefinition(sql, new { chunk }, tx, cancellationToken: ct)));
        }

        return stored.Count == 0 ? planned : planned.Where(n => !stored.Contains(n.Content.Key)).ToList();
    }

    private static async Task<int> CopyAsync(NpgsqlConnection connection, List<PlannedNotice> notices, DateTimeOffset now, CancellationToken ct)
    {
        var columns = string.Join(", ", Values.Select(v => v.Column));
        await using (var create = new NpgsqlCommand("CREATE TEMP TABLE IF NOT EXISTS owed_notices_in (LIKE notices INCLUDING DEFAULTS) ON COMMIT DELETE ROWS", connection))
        {
            await create.ExecuteNonQueryAsync(ct);
        }

        var at = now.ToUniversalTime();
        await using (var writer = await connection.BeginBinaryImportAsync($"COPY owed_notices_in ({columns}) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var n in notices)
            {
                var c = n.Content;
                await writer.StartRowAsync(ct);
                await writer.WriteAsync(c.Key, NpgsqlDbType.Text, ct);
                await writer.WriteAsync(Kind(c), NpgsqlDbType.Text, ct);
                await WriteAsync(writer, c.Rule, NpgsqlDbType.Text, ct);
                await WriteAsync(writer, c.SubjectId, NpgsqlDbType.Text, ct);
                await WriteAsync(writer, c.CaseId, NpgsqlDbType.Text, ct);
                if (c.DueDate is { } due)
                {
                    await writer.WriteAsync(due, NpgsqlDbType.Date, ct);
                }
                else
                {
                    await writer.WriteNullAsync(ct);
                }

                await writer.WriteAsync(c.Stage, NpgsqlDbType.Text, ct);
                await WriteAsync(writer, n.IntendedStaffId, NpgsqlDbType.Text, ct);
                await WriteAsync(writer, c.To.StaffId, NpgsqlDbType.Text, ct);
                await writer.WriteAsync(c.To.Email, NpgsqlDbType.Text, ct);
                await writer.WriteAsync(n.PlannedFor, NpgsqlDbType.Date, ct);
                await writer.WriteAsync(c.Urgent, NpgsqlDbType.Boolean, ct);
                await writer.WriteAsync(NoticeJson.Serialize(c), NpgsqlDbType.Text, ct);
                await writer.WriteAsync("pending", NpgsqlDbType.Text, ct);
                await writer.WriteAsync(0, NpgsqlDbType.Integer, ct);
                await writer.WriteAsync(at, NpgsqlDbType.TimestampTz, ct);
                await writer.WriteAsync(at, NpgsqlDbType.TimestampTz, ct);
            }

            await writer.CompleteAsync(ct);
        }

        await using var insert = new NpgsqlCommand(
            $"INSERT INTO notices ({columns}) SELECT {columns} FROM owed_notices_in ON CONFLICT (notice_key) DO NOTHING", connection);
        return await insert.ExecuteNonQueryAsync(ct);
    }

    private static Task WriteAsync(NpgsqlBinaryImporter writer, string? value, NpgsqlDbType type, CancellationToken ct) =>
        value is null ? writer.WriteNullAsync(ct) : writer.WriteAsync(value, type, ct);

    private int InsertPrepared(SqliteConnection connection, SqliteTransaction tx, List<PlannedNotice> notices, DateTimeOffset now, CancellationToken ct)
    {
        using var insert = SqliteStatement.Prepare(connection, tx, database.Dialect.InsertIfAbsent("notices", Values, ["notice_key"]));
        var (key, kind, rule, subject, caseId, due, stage, recipient, toStaff, toAddress, plannedFor, urgent, content, at) = (
            insert.IndexOf("@key"), insert.IndexOf("@kind"), insert.IndexOf("@rule"), insert.IndexOf("@subjectId"), insert.IndexOf("@caseId"),
            insert.IndexOf("@dueDate"), insert.IndexOf("@stage"), insert.IndexOf("@recipient"), insert.IndexOf("@toStaff"),
            insert.IndexOf("@toAddress"), insert.IndexOf("@plannedFor"), insert.IndexOf("@urgent"), insert.IndexOf("@content"), insert.IndexOf("@now"));
        insert.Bind(at, database.Dialect.Instant(now));
        var added = 0;
        foreach (var n in notices)
        {
            ct.ThrowIfCancellationRequested();
            var c = n.Content;
            insert.Bind(key, c.Key);
            insert.Bind(kind, Kind(c));
            insert.Bind(rule, c.Rule);
            insert.Bind(subject, c.SubjectId);
            insert.Bind(caseId, c.CaseId);
            insert.Bind(due, c.DueDate);
            insert.Bind(stage, c.Stage);
            insert.Bind(recipient, n.IntendedStaffId);
            insert.Bind(toStaff, c.To.StaffId);
            insert.Bind(toAddress, c.To.Email);
            insert.Bind(plannedFor, n.PlannedFor);
            insert.Bind(urgent, c.Urgent);
            insert.Bind(content, NoticeJson.Serialize(c));
            added += insert.Execute();
        }

        return added;
    }

    /// <summary>Engines without a bulk path here (SQL Server): one parameterised statement per notice.</summary>
    private async Task<int> InsertEachAsync(DbConnection connection, DbTransaction tx, List<PlannedNotice> notices, DateTimeOffset now, CancellationToken ct)
    {
        var insert = database.Dialect.InsertIfAbsent("notices", Values, ["notice_key"]);
        var added = 0;
        foreach (var n in notices)
        {
            var c = n.Content;
            added += await connection.ExecuteAsync(new CommandDefinition(insert, new
            {
                key = c.Key, kind = Kind(c), rule = c.Rule, subjectId = c.SubjectId, caseId = c.CaseId,
                dueDate = c.DueDate, stage = c.Stage, recipient = n.IntendedStaffId, toStaff = c.To.StaffId, toAddress = c.To.Email,
                plannedFor = n.PlannedFor, urgent = c.Urgent, content = NoticeJson.Serialize(c), now = database.Dialect.Instant(now),
            }, tx, cancellationToken: ct));
        }

        return added;
    }

    private static string Kind(NoticeContent c) => c.Kind.ToString().ToLowerInvariant();
}
