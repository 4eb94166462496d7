using Dapper;
using Microsoft.Data.Sqlite;

namespace QeV.Worker.Store;

/// <summary>
/// Before a command uses the database: a read-only command never creates a file or a folder, and an existing SQLite
/// file that is empty or fails PRAGMA quick_check is reported as such instead of being used as a fresh database.
/// </summary>
public static class DatabaseCheck
{
    public static async Task EnsureUsableAsync(Database database, bool mayCreate, CancellationToken ct)
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

        string result;
        try
        {
            await using var connection = await database.OpenAsync(ct);
            result = string.Join("; ", await connection.QueryAsync<string>(new CommandDefinition("PRAGMA quick_check", cancellationToken: ct)));
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 26 or 11)
        {
            result = ex.Message.Split('\n')[0];
        }

        if (!string.Equals(result, "ok", StringComparison.OrdinalIgnoreCase))
        {
            throw new StoreUnavailableException($"Die Datei {file} ist keine SQLite-Datenbank oder beschädigt (PRAGMA quick_check: {Shorten(result)}). "
                + "Sicherung zurückspielen (README, Betrieb); die Datei bleibt unverändert.");
        }
    }

    private static string Shorten(string text) => text.Length <= 160 ? text : text[..160] + " …";
}
