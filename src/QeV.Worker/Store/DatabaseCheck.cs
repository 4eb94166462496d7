using Dapper;
using Microsoft.Data.Sqlite;

namespace QeV.Worker.Store;

/// <summary>
/// Before a command uses the database: a read-only command never creates a file or a folder, and an existing SQLite
/// file that is empty or fails PRAGMA quick_check (a large one: its header or schema, unless the check is thorough) is
/// reported as such instead of being used as a fresh database.
/// </summary>
public static class DatabaseCheck
{
    /// <param name="thorough">Always PRAGMA quick_check, whatever the size (<c>qev doctor</c>, after a restore).</param>
    public static async Task EnsureUsableAsync(Database database, bool mayCreate, bool thorough, CancellationToken ct)
    {
        if (database.FilePath is not { } file)
        {
            return; // PostgreSQL: the server says whether the database exists when the first connection opens.
        }

        if (!File.Exists(file))
        {
            if (mayCreate)
            {
                return;
            }

            throw new StoreUnavailableException($"Die Datenbank {file} gibt es nicht. --db oder Database:ConnectionString prüfen; "
                + "eine neue Datenbank legt `qev import <ordner>` oder `qev run` an.");
        }

        if (new FileInfo(file).Length == 0)
        {
            throw new StoreUnavailableException($"Die Datei {file} ist leer (0 Bytes) und keine QeV-Datenbank. "
                + "Sicherung zurückspielen (README, Betrieb) oder die leere Datei löschen, um neu zu beginnen.");
        }

        // quick_check reads every page: on a file of a million cases that is minutes at every start. Beyond
        // FullCheckUpTo only the header and the schema are checked; a damaged page there is reported when it is read.
        var full = thorough || new FileInfo(file).Length <= FullCheckUpTo;
        var check = full ? "PRAGMA quick_check" : "Dateikopf und Schema";
        string result;
        try
        {
            if (!full && !await HasSqliteHeaderAsync(file, ct))
            {
                result = "kein SQLite-Dateikopf";
            }
            else
            {
                await using var connection = await database.OpenAsync(ct);
                // Reading the schema parses every table's definition: a damaged first page or schema fails there.
                var sql = full ? "PRAGMA quick_check" : "SELECT CASE WHEN COUNT(*) >= 0 THEN 'ok' END FROM sqlite_master";
                result = string.Join("; ", await connection.QueryAsync<string>(new CommandDefinition(sql, cancellationToken: ct)));
            }
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 26 or 11)
        {
            result = ex.Message.Split('\n')[0];
        }

        if (!string.Equals(result, "ok", StringComparison.OrdinalIgnoreCase))
        {
            throw new StoreUnavailableException($"Die Datei {file} ist keine SQLite-Datenbank oder beschädigt ({check}: {Shorten(result)}). "
                + "Sicherung zurückspielen (README, Betrieb); die Datei bleibt unverändert.");
        }
    }

    /// <summary>Files up to this size get PRAGMA quick_check at every start (about 1 s per 1 GB here); larger ones the header and schema only.</summary>
    public const long FullCheckUpTo = 256L * 1024 * 1024;

    private static readonly byte[] SqliteHeader = "SQLite format 3\0"u8.ToArray();

    private static async Task<bool> HasSqliteHeaderAsync(string file, CancellationToken ct)
    {
        var head = new byte[SqliteHeader.Length];
        await using var stream = File.OpenRead(file);
        return await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct) == head.Length && head.AsSpan().SequenceEqual(SqliteHeader);
    }

    private static string Shorten(string text) => text.Length <= 160 ? text : text[..160] + " …";
}
