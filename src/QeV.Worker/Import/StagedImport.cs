using System.Diagnostics;
using System.Threading.Channels;
using QeV.Domain.Tables;
using QeV.Worker.Store;
using QeV.Worker.Store.Bulk;

namespace QeV.Worker.Import;

/// <summary>
/// The streaming import on SQLite and PostgreSQL: each file is parsed row by row and bulk-written into its stage
/// table (prepared statements on SQLite, binary COPY on PostgreSQL), one batch in memory at a time. Duplicates and
/// references are then checked in SQL against the database and the other stages, and only when nothing is wrong are
/// the stages upserted into the fact tables – all inside one transaction, so a refused import leaves no trace.
/// </summary>
public sealed class StagedImport(Database database)
{
    /// <summary>Rows written to a stage per bulk call; tests cross this boundary on purpose.</summary>
    public const int RowsPerBatch = 10_000;

    /// <summary>Batches the parser may run ahead of the writer.</summary>
    private const int BatchesAhead = 3;

    /// <summary>From this many rows a file is a long import and gets progress lines.</summary>
    private const int LongFile = 100_000;

    // Where an error of a line sorts among the others of that line (cells first, as they are read).
    private const int DuplicatePhase = 1;
    private const int ReferencePhase = 2;
    private const int OrderPhase = 3;

    public async Task<ImportSummary> RunAsync(string folder, IProgress<string>? progress, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var errors = new List<ImportError>();
        var later = new List<(ImportError Error, int Phase)>();
        var stages = new Dictionary<string, (ImportStage Stage, int Read)>(StringComparer.Ordinal);
        await using var connection = await database.OpenAsync(ct);
        await using var session = await BulkWriteSession.BeginAsync(connection, ct);
        await using var tx = await database.Dialect.BeginWriteAsync(connection, ct);
        var inserter = BulkInserter.Create(connection, tx);

        foreach (var spec in ImportCatalog.Tables)
        {
            var path = Path.Combine(folder, spec.FileName);
            if (!File.Exists(path))
            {
                continue;
            }

            var stage = new ImportStage(spec, database.Dialect);
            await stage.CreateAsync(connection, tx, ct);
            var read = await LoadAsync(stage, path, inserter, errors, later, progress, clock, ct);
            stages[spec.Table] = (stage, read);
            if (read >= LongFile)
            {
                progress?.Report($"{spec.FileName}: {read:N0} Zeilen gelesen ({clock.Elapsed.TotalSeconds:F0} s)");
            }
        }

        var total = stages.Values.Sum(s => (long)s.Read);
        await CheckAsync(connection, tx, stages, later, total >= LongFile ? progress : null, clock, ct);
        if (errors.Count > 0 || later.Count > 0)
        {
            await tx.RollbackAsync(ct);
            throw new ImportFailedException(Sorted([.. errors.Select(e => (e, 0)), .. later]));
        }

        var summaries = new List<ImportFileSummary>();
        var suspended = await BulkFactWrite.SuspendAsync(database.Dialect, connection, tx, ct);
        foreach (var (stage, read) in stages.Values)
        {
            var inserted = await stage.CountNewAsync(connection, tx, ct);
            var written = await stage.MergeAsync(connection, tx, ct);
            await stage.DropAsync(connection, tx, ct);
            summaries.Add(new ImportFileSummary(stage.Spec.FileName, read, (int)inserted, (int)(written - inserted), (int)(read - written)));
            if (read >= LongFile)
            {
                progress?.Report($"{stage.Spec.Table}: {written:N0} Zeilen geschrieben ({clock.Elapsed.TotalSeconds:F0} s)");
            }
        }

        await BulkFactWrite.ResumeAsync(database.Dialect, connection, tx, suspended, changed: summaries.Any(s => s.Inserted + s.Updated > 0), ct);
        if (total >= LongFile)
            progress?.Report(BulkWriteSession.CommitNote(clock.Elapsed));
        await tx.CommitAsync(ct);
        return new ImportSummary(summaries);
    }

    /// <summary>
    /// Parses the file into its stage in batches; returns the rows read (rows with bad cells included). Parsing runs on
    /// a second thread, a few batches ahead of the writer, so both cores work and memory stays at a few batches.
    /// </summary>
    private static async Task<int> LoadAsync(
        ImportStage stage,
        string path,
        BulkInserter inserter,
        List<ImportError> errors,
        List<(ImportError Error, int Phase)> later,
        IProgress<string>? progress,
        Stopwatch clock,
        CancellationToken ct)
    {
        var batches = Channel.CreateBounded<List<object?[]>>(new BoundedChannelOptions(BatchesAhead) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var parser = Task.Run(() => ParseAsync(stage.Spec, path, errors, later, batches.Writer, stop.Token), stop.Token);
        var read = 0;
        try
        {
            await foreach (var batch in batches.Reader.ReadAllAsync(ct))
            {
                await inserter.InsertAsync(stage.BulkTable, batch, ct);
                var before = read;
                read += batch.Count;
                if (read / 1_000_000 > before / 1_000_000)
                {
                    progress?.Report($"{stage.Spec.FileName}: {read:N0} Zeilen gelesen … ({clock.Elapsed.TotalSeconds:F0} s)");
                }
            }
        }
        catch
        {
            await stop.CancelAsync();
            await parser.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            throw;
        }

        await parser;
        return read;
    }

    /// <summary>The parsing side of <see cref="LoadAsync"/>: rows with their line first, the row-level date checks.</summary>
    private static async Task ParseAsync(
        TableSpec spec,
        string path,
        List<ImportError> errors,
        List<(ImportError Error, int Phase)> later,
        ChannelWriter<List<object?[]>> batches,
        CancellationToken ct)
    {
        try
        {
            var orders = ImportValidator.OrderedColumns
                .Where(o => spec.Columns.Any(c => c.Name == o.From) && spec.Columns.Any(c => c.Name == o.Until))
                .Select(o => (FromName: o.From, From: IndexOf(spec, o.From), UntilName: o.Until, Until: IndexOf(spec, o.Until)))
                .ToList();
            var batch = new List<object?[]>(RowsPerBatch);
            foreach (var row in CsvTableReader.Stream(spec, path, errors))
            {
                foreach (var order in orders)
                {
                    if (ImportValidator.OrderError(
                        spec, row.Line, order.FromName, row.Values[order.From] as DateOnly?, order.UntilName, row.Values[order.Until] as DateOnly?) is { } error)
                    {
                        later.Add((error, OrderPhase));
                    }
                }

                var staged = new object?[row.Values.Length + 1];
                staged[0] = row.Line;
                row.Values.CopyTo(staged, 1);
                batch.Add(staged);
                if (batch.Count == RowsPerBatch)
                {
                    await batches.WriteAsync(batch, ct);
                    batch = new List<object?[]>(RowsPerBatch);
                }
            }

            if (batch.Count > 0)
            {
                await batches.WriteAsync(batch, ct);
            }

            batches.Complete();
        }
        catch (Exception ex)
        {
            batches.Complete(ex);
            throw;
        }
    }

    private static async Task CheckAsync(
        System.Data.Common.DbConnection connection,
        System.Data.Common.DbTransaction tx,
        Dictionary<string, (ImportStage Stage, int Read)> stages,
        List<(ImportError Error, int Phase)> errors,
        IProgress<string>? progress,
        Stopwatch clock,
        CancellationToken ct)
    {
        foreach (var (stage, _) in stages.Values)
        {
            await stage.IndexAsync(connection, tx, ct);
        }

        foreach (var (stage, _) in stages.Values)
        {
            errors.AddRange((await stage.DuplicatesAsync(connection, tx, ct)).Select(e => (e, DuplicatePhase)));
            foreach (var column in stage.Spec.Columns.Where(c => c.References is not null))
            {
                var target = stages.TryGetValue(column.References!, out var staged) ? staged.Stage : null;
                errors.AddRange((await stage.UnknownReferencesAsync(connection, tx, column, target, ct)).Select(e => (e, ReferencePhase)));
                if (column.ReferencesKind is not null)
                {
                    errors.AddRange((await stage.WrongKindReferencesAsync(connection, tx, column, target, ct)).Select(e => (e, ReferencePhase)));
                }
            }
        }

        progress?.Report($"Doppelte Schlüssel und Verweise geprüft: {errors.Count} Fehler ({clock.Elapsed.TotalSeconds:F0} s)");
    }

    /// <summary>
    /// File order, then line; within a line the order the in-memory check reports: cells, duplicate key, references
    /// in column order, date order.
    /// </summary>
    private static List<ImportError> Sorted(List<(ImportError Error, int Phase)> errors) =>
        errors.Select((e, i) => (e.Error, e.Phase, Index: i))
            .OrderBy(x => FileOrder(x.Error.File))
            .ThenBy(x => x.Error.Line)
            .ThenBy(x => x.Phase)
            .ThenBy(x => x.Index)
            .Select(x => x.Error)
            .ToList();

    private static int FileOrder(string file) =>
        ImportCatalog.Tables.Select((t, i) => (t, i)).FirstOrDefault(x => x.t.FileName == file).i;

    private static int IndexOf(TableSpec spec, string column) => spec.Columns.ToList().FindIndex(c => c.Name == column);
}
