using System.ComponentModel.DataAnnotations;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace QeV.Worker.Store;

/// <summary>
/// A SQLite path or connection string, a PostgreSQL or a SQL Server one: every keyword must be one the driver knows, so that a typo
/// ("Hots=", "Pasword=") stops the start instead of being ignored or thrown deep inside the first query.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ConnectionStringAttribute : ValidationAttribute
{
    private const string SqliteKeywords = "Data Source, Mode, Cache, Password, Foreign Keys, Recursive Triggers, Default Timeout, Pooling";

    private const string PostgresKeywords = "Host, Port, Database, Username, Password, SSL Mode, Timeout, Command Timeout, Pooling, "
        + "Maximum Pool Size, Application Name, Search Path (und die übrigen Npgsql-Schlüssel)";

    private const string SqlServerKeywords = "Server, Database, User ID, Password, Integrated Security, Encrypt, TrustServerCertificate, "
        + "Connect Timeout, Application Name, ApplicationIntent (und die übrigen SqlClient-Schlüssel)";

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is not string text || string.IsNullOrWhiteSpace(text))
        {
            return ValidationResult.Success; // [Required] reports a missing value.
        }

        var postgres = Database.IsPostgres(text);
        var sqlServer = !postgres && Database.IsSqlServer(text);
        if (!postgres && !sqlServer && !text.Contains('=', StringComparison.Ordinal))
        {
            return ValidationResult.Success; // a plain file path
        }

        try
        {
            _ = postgres ? new NpgsqlConnectionStringBuilder(text).ConnectionString
                : sqlServer ? new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(text).ConnectionString
                : new SqliteConnectionStringBuilder(text).ConnectionString;
            return ValidationResult.Success;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException)
        {
            var known = postgres ? PostgresKeywords : sqlServer ? SqlServerKeywords : SqliteKeywords;
            var engine = postgres ? "PostgreSQL" : sqlServer ? "SQL Server" : "SQLite";
            var keyword = System.Text.RegularExpressions.Regex.Match(ex.Message, @"Couldn't set (?<k>[^\s(]+)|keyword '(?<k>[^']+)'|'(?<k>[^']+)'") is { Success: true } m
                ? m.Groups["k"].Value
                : null;
            return new ValidationResult(keyword is null
                ? $"ungültig für {engine} ({ex.Message.Split('\n')[0].Trim()}); erlaubt sind die Schlüssel {known}."
                : $"Schlüssel „{keyword}“ kennt {engine} nicht; erlaubt sind {known}.");
        }
    }
}
