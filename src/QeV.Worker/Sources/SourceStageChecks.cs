using System.Data.Common;
using System.Globalization;
using Dapper;
using QeV.Domain.Tables;
using QeV.Worker.Import;

namespace QeV.Worker.Sources;

/// <summary>One staged entity of a source sync: its stage, the keys whose stored version stays, and how it was read.</summary>
internal sealed record StagedEntity(ImportStage Stage, string Keep, string SourceName, bool Full);

/// <summary>The checks of <see cref="StagedSourceSync"/> in SQL: duplicates within a stage, and references that will dangle.</summary>
internal sealed class SourceStageChecks(DbConnection connection, DbTransaction tx, IReadOnlyDictionary<string, StagedEntity> stages)
{
    public async Task DuplicatesAsync(StagedEntity staged, List<SourceProblem> problems, CancellationToken ct)
    {
        var spec = staged.Stage.Spec;
        var line = ImportStage.LineColumn;
        var later = $"FROM {staged.Stage.Name} s WHERE EXISTS (SELECT 1 FROM {staged.Stage.Name} f WHERE {KeyMatch(spec, "f", "s")} AND f.{line} < s.{line})";
        var rows = await connection.QueryAsync(new CommandDefinition(
            $"SELECT {string.Join(", ", spec.KeyColumns.Select(k => "s." + k))} {later} ORDER BY s.{line}", transaction: tx, cancellationToken: ct));
        foreach (IDictionary<string, object?> row in rows)
        {
            problems.Add(new SourceProblem(staged.SourceName, spec.Table, KeyText(spec, row), spec.KeyColumns[0], "kommt doppelt vor; die erste Zeile gilt."));
        }

        await ExecuteAsync($"DELETE FROM {staged.Stage.Name} WHERE {line} IN (SELECT s.{line} {later})", ct);
    }

    /// <summary>Reports and moves out the staged rows whose <paramref name="column"/> names an id that will not be in the store.</summary>
    public async Task<int> DanglingAsync(StagedEntity staged, ColumnSpec column, List<SourceProblem> problems, CancellationToken ct)
    {
        var spec = staged.Stage.Spec;
        var target = ImportCatalog.Get(column.References!);
        var targetKey = target.KeyColumns[0];
        var inStore = $"EXISTS (SELECT 1 FROM {target.Table} t WHERE t.{targetKey} = s.{column.Name})";
        var known = stages.TryGetValue(target.Table, out var other)
            ? other.Full
                ? $"EXISTS (SELECT 1 FROM {other.Stage.Name} x WHERE x.{targetKey} = s.{column.Name}) "
                  + $"OR (EXISTS (SELECT 1 FROM {other.Keep} k WHERE k.{targetKey} = s.{column.Name}) AND {inStore})"
                : $"EXISTS (SELECT 1 FROM {other.Stage.Name} x WHERE x.{targetKey} = s.{column.Name}) OR {inStore}"
            : inStore;
        var line = ImportStage.LineColumn;
        var rows = (await connection.QueryAsync(new CommandDefinition(
            $"SELECT s.{line} AS line, s.{column.Name} AS id, {string.Join(", ", spec.KeyColumns.Select(k => "s." + k))} FROM {staged.Stage.Name} s "
            + $"WHERE s.{column.Name} IS NOT NULL AND NOT ({known}) ORDER BY s.{line}",
            transaction: tx, cancellationToken: ct))).Cast<IDictionary<string, object?>>().ToList();
        foreach (var row in rows)
        {
            var error = ImportValidator.UnknownReference(spec, Convert.ToInt32(row["line"], CultureInfo.InvariantCulture), column, (string)row["id"]!);
            problems.Add(new SourceProblem(staged.SourceName, spec.Table, KeyText(spec, row), error.Column, error.Reason));
        }

        if (rows.Count > 0)
        {
            var lines = rows.Select(r => new { line = Convert.ToInt32(r["line"], CultureInfo.InvariantCulture) }).ToList();
            var keys = string.Join(", ", spec.KeyColumns);
            await connection.ExecuteAsync(new CommandDefinition(
                $"INSERT INTO {staged.Keep} ({keys}) SELECT {keys} FROM {staged.Stage.Name} WHERE {line} = @line", lines, tx, cancellationToken: ct));
            await connection.ExecuteAsync(new CommandDefinition(
                $"DELETE FROM {staged.Stage.Name} WHERE {line} = @line", lines, tx, cancellationToken: ct));
        }

        return rows.Count;
    }

    private static string KeyText(TableSpec spec, IDictionary<string, object?> row) =>
        string.Join('/', spec.KeyColumns.Select(k => ImportRow.KeyPart(row[k])));

    public static string KeyMatch(TableSpec spec, string left, string right) =>
        string.Join(" AND ", spec.KeyColumns.Select(k => $"{left}.{k} = {right}.{k}"));

    private async Task ExecuteAsync(string sql, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(sql, transaction: tx, commandTimeout: 0, cancellationToken: ct));
}
