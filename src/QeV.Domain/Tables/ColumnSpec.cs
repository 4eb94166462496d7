namespace QeV.Domain.Tables;

/// <summary>One column of an import file: its type, whether it is required, its allowed codes or referenced table.</summary>
public sealed record ColumnSpec(string Name, ColumnKind Kind, bool Required = false)
{
    public IReadOnlyList<string> AllowedCodes { get; init; } = [];

    /// <summary>File (without .csv) whose id this column refers to.</summary>
    public string? References { get; init; }

    /// <summary>The <c>kind</c> the referenced row must have (e.g. <c>jugendamt</c>); null: any.</summary>
    public string? ReferencesKind { get; init; }

    public object? DefaultValue { get; init; }
}
