namespace QeV.Worker.Store;

/// <summary>What a column of <see cref="ISqlDialect.JsonRows"/> holds.</summary>
public enum JsonColumnKind
{
    Text,
    Number,
    Instant,
    Boolean,
}

/// <summary>One column of the rows of a JSON array read as a table: the property name and what it holds.</summary>
public sealed record JsonColumn(string Name, JsonColumnKind Kind);
