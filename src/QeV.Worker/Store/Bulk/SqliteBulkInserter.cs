using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace QeV.Worker.Store.Bulk;

/// <summary>
/// One prepared INSERT per call, bound and stepped through SQLite's own interface on the caller's connection and
/// transaction: a row costs what SQLite needs for it, without a command's reader, parameter lookup by name and
/// UTF-8 copy of every value (through <see cref="SqliteCommand"/> these cost more than the insert itself).
/// Values: null, string, int, long, bool (0/1), DateOnly (yyyy-MM-dd), as Microsoft.Data.Sqlite stores them.
/// </summary>
public sealed class SqliteBulkInserter(SqliteConnection connection, SqliteTransaction tx) : BulkInserter
{
    private readonly char[] _date = new char[10];

    public override Task InsertAsync(BulkTable table, IReadOnlyList<object?[]> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return Task.CompletedTask;
        }

        if (tx.Connection != connection)
        {
            throw new InvalidOperationException("Die Transaktion gehört nicht zu dieser Verbindung.");
        }

        var db = connection.Handle ?? throw new InvalidOperationException("Die SQLite-Verbindung ist nicht geöffnet.");
        // Table and column names come from the fixed catalogue, never from input.
        var sql = $"INSERT INTO {table.Name} ({string.Join(", ", table.Columns.Select(c => c.Column))}) "
            + $"VALUES ({string.Join(", ", table.Columns.Select((_, i) => "?" + (i + 1).ToString(CultureInfo.InvariantCulture)))})";
        Check(db, raw.sqlite3_prepare_v2(db, sql, out var statement));
        using (statement)
        {
            foreach (var row in rows)
            {
                ct.ThrowIfCancellationRequested();
                for (var i = 0; i < row.Length; i++)
                {
                    Check(db, Bind(statement, i + 1, row[i]));
                }

                var rc = raw.sqlite3_step(statement);
                raw.sqlite3_reset(statement);
                if (rc != raw.SQLITE_DONE)
                {
                    Check(db, rc);
                }
            }
        }

        return Task.CompletedTask;
    }

    private int Bind(sqlite3_stmt statement, int index, object? value) => value switch
    {
        null => raw.sqlite3_bind_null(statement, index),
        string s => raw.sqlite3_bind_text16(statement, index, s.AsSpan()),
        int n => raw.sqlite3_bind_int64(statement, index, n),
        long n => raw.sqlite3_bind_int64(statement, index, n),
        bool b => raw.sqlite3_bind_int64(statement, index, b ? 1 : 0),
        DateOnly d => raw.sqlite3_bind_text16(statement, index, Format(d)),
        _ => throw new NotSupportedException($"Wert vom Typ {value.GetType().Name} kann nicht in SQLite geschrieben werden."),
    };

    private ReadOnlySpan<char> Format(DateOnly date)
    {
        date.TryFormat(_date, out var written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return _date.AsSpan(0, written);
    }

    private static void Check(sqlite3 db, int rc)
    {
        if (rc != raw.SQLITE_OK && rc != raw.SQLITE_DONE && rc != raw.SQLITE_ROW)
        {
            throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), rc, raw.sqlite3_extended_errcode(db));
        }
    }
}
