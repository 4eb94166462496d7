using QeV.Demo.Synthetic;

namespace QeV.Worker.Store.Bulk;

/// <summary>A table as the bulk path writes it: its name and typed columns in row order (names from fixed catalogues only).</summary>
public sealed record BulkTable(string Name, IReadOnlyList<(string Column, SyntheticType Type)> Columns)
{
    public static BulkTable From(SyntheticTable table) => new(table.Name, table.Columns);
}
