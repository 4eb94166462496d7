namespace QeV.Worker.Store;

/// <summary>
/// A table whose rows each belong to one partition of the scan: <see cref="Scope"/> is the partition's scope code (as
/// in <c>deadline_partitions.scope</c>) and <see cref="Key"/> the SQL that gives the partition id of a row, with
/// <c>{r}</c> for the row (<c>NEW</c>/<c>OLD</c> in a row trigger, a transition table's alias in a statement trigger).
/// A key that is NULL concerns no partition.
/// </summary>
public sealed record PartitionKeyedTable(string Table, string Scope, string Key)
{
    public const string Case = "case";
    public const string Staff = "staff";

    /// <summary>The scope of the marker row that says "changed without keys" (a bulk write, a TRUNCATE): the next scan reads every partition.</summary>
    public const string Unkeyed = "*";

    /// <summary>Which rows concern the scan at all (SQLite's trigger WHEN, a filter on the transition table); null: every row.</summary>
    public string? When { get; init; }

    /// <summary>Not a fact table with M018's counter: the trigger raises <c>fact_changes.seq</c> itself when it records a key.</summary>
    public bool Counts { get; init; }

    public string KeyOf(string row) => Key.Replace("{r}", row, StringComparison.Ordinal);

    public string? WhenOf(string row) => When?.Replace("{r}", row, StringComparison.Ordinal);
}
