using System.CommandLine;
using System.Globalization;

namespace QeV.Worker.Cli;

/// <summary>Options shared by several commands.</summary>
public static class CliOptions
{
    public static Option<string?> Db { get; } = new("--db")
    {
        Description = "SQLite-Datei (Standard ./data/qev.db, wird angelegt) oder PostgreSQL-Verbindung (Host=…)",
        Recursive = true,
    };

    public static Option<string?> AsOf() => new("--as-of")
    {
        Description = "Stichtag JJJJ-MM-TT (Standard: heute, Europe/Berlin)",
    };

    public static DateOnly? ParseDate(string? value, string option)
    {
        if (value is null)
        {
            return null;
        }

        return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new UsageException($"{option}: „{value}“ ist kein Datum im Format JJJJ-MM-TT.");
    }
}
