using System.Data.Common;
using Dapper;

namespace QeV.Worker.Store.Partitions;

/// <summary>One forward-only query, one row ahead: the merge looks at <see cref="Key"/> and takes rows while it matches.</summary>
public sealed class RowCursor<T>(DbCommand command, DbDataReader reader, Func<T, string> key) : IAsyncDisposable
{
    private readonly Func<DbDataReader, T> _parse = reader.GetRowParser<T>();

    public bool HasRow { get; private set; }

    public T Current { get; private set; } = default!;

    public string Key { get; private set; } = "";

    public long Rows { get; private set; }

    public async Task MoveNextAsync(CancellationToken ct)
    {
        HasRow = await reader.ReadAsync(ct);
        if (HasRow)
        {
            Current = _parse(reader);
            Key = key(Current);
            Rows++;
        }
    }

    /// <summary>Skips rows whose key sorts before <paramref name="partitionKey"/> (no partition of theirs), then takes those equal to it.</summary>
    public async Task<List<TFact>> TakeAsync<TFact>(string partitionKey, Func<T, TFact> map, CancellationToken ct)
    {
        List<TFact>? taken = null;
        while (HasRow && string.CompareOrdinal(Key, partitionKey) < 0)
        {
            await MoveNextAsync(ct);
        }

        while (HasRow && string.Equals(Key, partitionKey, StringComparison.Ordinal))
        {
            (taken ??= []).Add(map(Current));
            await MoveNextAsync(ct);
        }

        return taken ?? [];
    }

    public async ValueTask DisposeAsync()
    {
        await reader.DisposeAsync();
        await command.DisposeAsync();
    }
}
