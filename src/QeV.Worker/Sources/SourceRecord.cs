namespace QeV.Worker.Sources;

/// <summary>One result row: its number in the result (1-based) and its cells by lower-case column name, as text.</summary>
public sealed record SourceRecord(int Number, IReadOnlyDictionary<string, string?> Cells);
