namespace QeV.Domain.Tables;

/// <summary>An import file and the table it fills; the table is named like the file.</summary>
public sealed record TableSpec(string Table, IReadOnlyList<string> KeyColumns, IReadOnlyList<ColumnSpec> Columns)
{
    public string FileName => Table + ".csv";

    public ColumnSpec Column(string name) => Columns.First(c => c.Name == name);
}
