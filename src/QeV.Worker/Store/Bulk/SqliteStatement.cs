using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace QeV.Worker.Store.Bulk;

/// <summary>
/// One prepared statement run many times on the caller's connection (and its open transaction) through SQLite's own
/// interface: a row costs what SQLite needs for it, without a command's reader, parameter lookup by name and UTF-8 copy
/// of every value (through <see cref="SqliteCommand"/> these cost more than a small insert itself). Values: null,
/// string, int, long, bool (0/1), DateOnly (yyyy-MM-dd), as Microsoft.Data.Sqlite stores them.
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly char[] _date = new char[10];

    private SqliteStatement(sqlite3 db, sqlite3_stmt statement)
    {
        _db = db;
        _statement = statement;
    }

    /// <summary>
    /// Prepares <paramref name="sql"/> to run inside <paramref name="tx"/> (SQL from fixed catalogues and code only;
    /// values go in as parameters).
    /// </summary>
    public static SqliteStatement Prepare(SqliteConnection connection, SqliteTransaction tx, string sql)
    {
        if (tx.Connection != connection)
        {
            throw new InvalidOperationException("Die Transaktion gehört nicht zu dieser Verbindung.");
        }

        var db = connection.Handle ?? throw new InvalidOperationException("Die SQLite-Verbindung ist nicht geöffnet.");
        Check(db, raw.sqlite3_prepare_v2(db, sql, out var statement));
        return new SqliteStatement(db, statement);
    }

    /// <summary>The 1-based position of a named parameter (<c>@key</c>).</summary>
    public int IndexOf(string name)
    {
        var index = raw.sqlite3_bind_parameter_index(_statement, name);
        return index > 0 ? index : throw new ArgumentException($"Parameter {name} kommt in der Anweisung nicht vor.", nameof(name));
    }

    public void Bind(int index, object? value) => Check(_db, value switch
    {
        null => raw.sqlite3_bind_null(_statement, index),
        string s => raw.sqlite3_bind_text16(_statement, index, s.AsSpan()),
        int n => raw.sqlite3_bind_int64(_statement, index, n),
        long n => raw.sqlite3_bind_int64(_statement, index, n),
        bool b => raw.sqlite3_bind_int64(_statement, index, b ? 1 : 0),
        DateOnly d => raw.sqlite3_bind_text16(_statement, index, Format(d)),
        _ => throw new NotSupportedException($"Wert vom Typ {value.GetType().Name} kann nicht in SQLite geschrieben werden."),
    });

    /// <summary>Runs the statement with the values bound; returns the rows it changed. The values stay bound.</summary>
    public int Execute()
    {
        var rc = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (rc != raw.SQLITE_DONE)
        {
            Check(_db, rc);
        }

        return raw.sqlite3_changes(_db);
    }

    public void Dispose() => _statement.Dispose();

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
