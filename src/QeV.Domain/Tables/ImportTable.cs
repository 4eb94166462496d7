namespace QeV.Domain.Tables;

/// <summary>The rows read from one file (empty when the file is absent).</summary>
public sealed record ImportTable(TableSpec Spec, bool FilePresent, IReadOnlyList<ImportRow> Rows);
