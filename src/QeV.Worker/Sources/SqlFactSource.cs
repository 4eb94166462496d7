using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using QeV.Worker.Office;

namespace QeV.Worker.Sources;

/// <summary>
/// The configured queries, each run on its connection in a read-only session; rows are streamed, never held here.
/// </summary>
public sealed class SqlFactSource(IOptions<SourcesOptions> options, OfficeClock clock) : IFactSource
{
    private SourcesOptions Options => options.Value;

    public bool Maps(string entity) => Options.Queries.ContainsKey(entity);

    public bool ReadsChanges(string entity) => Options.Queries.TryGetValue(entity, out var q) && q.UsesChangedSince;

    public string SourceOf(string entity) => ConnectionName(Options.Queries[entity]);

    public async IAsyncEnumerable<SourceRecord> ReadAsync(string entity, SourceWindow window, [EnumeratorCancellation] CancellationToken ct)
    {
        var query = Options.Queries[entity];
        var connection = Options.Connections[ConnectionName(query)];
        var provider = SourceProviders.For(connection.Provider);
        await using var session = await provider.OpenReadOnlyAsync(connection, ct);
        await using var command = session.Command(query.Sql, Options.CommandTimeout);
        if (query.UsesAsOf)
        {
            Add(command, "asOf", provider.Date(window.AsOf), DbType.Date);
        }

        if (query.UsesChangedSince)
        {
            Add(command, "changedSince", window.ChangedSince is { } since ? provider.Instant(since) : DBNull.Value, DbType.DateTimeOffset);
        }

        await using var reader = await command.ExecuteReaderAsync(ct);
        var names = Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetName(i).Trim().ToLowerInvariant()).ToArray();
        var number = 0;
        while (await reader.ReadAsync(ct))
        {
            var cells = new Dictionary<string, string?>(names.Length, StringComparer.Ordinal);
            for (var i = 0; i < names.Length; i++)
            {
                cells[names[i]] = SourceCell.ToText(reader.IsDBNull(i) ? null : reader.GetValue(i), clock.Zone);
            }

            yield return new SourceRecord(++number, cells);
        }
    }

    private string ConnectionName(SourceQueryOptions query) =>
        string.IsNullOrWhiteSpace(query.Connection) ? Options.Connections.Keys.Single() : query.Connection;

    // The type is set so that a null @changedSince still has one (PostgreSQL cannot infer it from "@changedSince IS NULL").
    private static void Add(DbCommand command, string name, object value, DbType type)
    {
        var parameter = command.CreateParameter();
        parameter.DbType = type;
        parameter.ParameterName = "@" + name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
