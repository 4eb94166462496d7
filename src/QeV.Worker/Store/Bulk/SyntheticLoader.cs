using System.Diagnostics;
using Dapper;
using QeV.Demo.Synthetic;

namespace QeV.Worker.Store.Bulk;

/// <summary>
/// `qev generate`: streams the synthetic generator into an empty database in one transaction, a batch of rows at a
/// time, and reports progress after each batch.
/// </summary>
public sealed class SyntheticLoader(Database database)
{
    private const int RowsPerBatch = 50_000;

    public async Task<long> LoadAsync(int seed, DateOnly today, int cases, IProgress<string>? progress, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var existing = await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM cases", cancellationToken: ct));
        if (existing > 0)
        {
            throw new StoreUnavailableException($"{database.Description} enthält schon {existing} Fälle; generate schreibt nur in eine leere Datenbank.");
        }

        await using var session = await BulkWriteSession.BeginAsync(connection, ct);
        await using var tx = await database.Dialect.BeginWriteAsync(connection, ct);
        var suspended = await BulkFactWrite.SuspendAsync(database.Dialect, connection, tx, ct);
        var sink = new Batches(BulkInserter.Create(connection, tx), cases, progress, ct);
        new SyntheticGenerator(seed, today, cases).Generate(sink);
        await sink.FlushAsync(ct);
        await BulkFactWrite.ResumeAsync(database.Dialect, connection, tx, suspended, changed: sink.Rows > 0, ct);
        progress?.Report(BulkWriteSession.CommitNote(sink.Elapsed));
        await tx.CommitAsync(ct);
        return sink.Rows;
    }

    /// <summary>Collects rows per table; the generator is synchronous, so a full batch is written at the end of a block.</summary>
    private sealed class Batches(BulkInserter inserter, int total, IProgress<string>? progress, CancellationToken ct) : ISyntheticSink
    {
        private readonly Dictionary<SyntheticTable, List<object?[]>> _pending = [];
        private readonly Stopwatch _clock = Stopwatch.StartNew();

        public TimeSpan Elapsed => _clock.Elapsed;
        private int _buffered;

        public long Rows { get; private set; }

        public void Add(SyntheticTable table, object?[] row)
        {
            if (!_pending.TryGetValue(table, out var rows))
            {
                _pending[table] = rows = [];
            }

            rows.Add(row);
            _buffered++;
        }

        public void BlockDone(int casesSoFar)
        {
            if (_buffered < RowsPerBatch && casesSoFar < total)
            {
                return;
            }

            // The generator cannot await; the batch is written before the next block starts.
            FlushAsync(ct).GetAwaiter().GetResult();
            progress?.Report($"{casesSoFar:N0} von {total:N0} Fällen ({100L * casesSoFar / total} %), {Rows:N0} Zeilen, {_clock.Elapsed.TotalSeconds:F0} s");
        }

        public async Task FlushAsync(CancellationToken token)
        {
            foreach (var table in SyntheticTable.All)
            {
                if (_pending.TryGetValue(table, out var rows) && rows.Count > 0)
                {
                    await inserter.InsertAsync(BulkTable.From(table), rows, token);
                    Rows += rows.Count;
                    rows.Clear();
                }
            }

            _buffered = 0;
        }
    }
}
