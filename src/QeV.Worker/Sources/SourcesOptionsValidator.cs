using Microsoft.Extensions.Options;
using QeV.Domain.Tables;

namespace QeV.Worker.Sources;

/// <summary>Checks the Sources section at start; every failure is one German line naming its key.</summary>
public sealed class SourcesOptionsValidator : IValidateOptions<SourcesOptions>
{
    public static IReadOnlyList<string> Providers { get; } = ["sqlite", "postgres", "sqlserver"];

    public ValidateOptionsResult Validate(string? name, SourcesOptions options)
    {
        var failures = new List<string>(options.BindErrors);
        foreach (var (key, connection) in options.Connections)
        {
            var prefix = $"{SourcesOptions.Section}:Connections:{key}";
            if (!Providers.Contains(connection.Provider.Trim().ToLowerInvariant()))
            {
                failures.Add($"{prefix}:Provider: „{connection.Provider}“ ist unbekannt (erlaubt: {string.Join(", ", Providers)}).");
            }

            if (string.IsNullOrWhiteSpace(connection.ConnectionString))
            {
                failures.Add($"{prefix}:ConnectionString fehlt.");
            }

            if (connection.Isolation is { } isolation && SourceIsolation.Parse(isolation) is null)
            {
                failures.Add($"{prefix}:Isolation: „{isolation}“ ist unbekannt (erlaubt: snapshot, readcommitted).");
            }
        }

        foreach (var (entity, query) in options.Queries)
        {
            var prefix = $"{SourcesOptions.Section}:Queries:{entity}";
            if (!ImportCatalog.Tables.Any(t => t.Table.Equals(entity, StringComparison.OrdinalIgnoreCase)))
            {
                failures.Add($"{prefix}: „{entity}“ ist keine Tabelle des Importformats (erlaubt: {string.Join(", ", ImportCatalog.Tables.Select(t => t.Table))}).");
                continue;
            }

            if (QueryProblem(query.Sql) is { } problem)
            {
                failures.Add($"{prefix}:Sql: {problem}");
            }

            if (ConnectionProblem(options, query.Connection) is { } connectionProblem)
            {
                failures.Add($"{prefix}:Connection: {connectionProblem}");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>A query is one SELECT (or WITH … SELECT); the grants, not this check, are what keeps the source safe.</summary>
    private static string? QueryProblem(string sql)
    {
        var text = sql.Trim().TrimEnd(';').Trim();
        if (text.Length == 0)
        {
            return "Abfrage fehlt.";
        }

        if (text.Contains(';', StringComparison.Ordinal))
        {
            return "nur eine einzige Abfrage, ohne „;“ dazwischen.";
        }

        var first = text.Split((char[])[' ', '\n', '\r', '\t', '('], 2, StringSplitOptions.RemoveEmptyEntries)[0].ToUpperInvariant();
        return first is "SELECT" or "WITH" ? null : $"muss mit SELECT oder WITH beginnen, nicht mit „{first}“.";
    }

    private static string? ConnectionProblem(SourcesOptions options, string? connection)
    {
        if (string.IsNullOrWhiteSpace(connection))
        {
            return options.Connections.Count == 1
                ? null
                : $"fehlt (es gibt {options.Connections.Count} Verbindungen unter {SourcesOptions.Section}:Connections, welche ist gemeint?).";
        }

        return options.Connections.ContainsKey(connection)
            ? null
            : $"„{connection}“ ist unter {SourcesOptions.Section}:Connections nicht eingetragen.";
    }
}
