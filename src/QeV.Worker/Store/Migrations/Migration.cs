namespace QeV.Worker.Store.Migrations;

/// <summary>
/// One schema step. Portable DDL with type tokens; never drops a table or a column (an older worker still running
/// beside a newer one reads them), only an index no statement needs any more (M023).
/// </summary>
public sealed record Migration(int Version, string Name, string Sql)
{
    /// <summary>Statements each engine spells its own way (triggers), run after <see cref="Sql"/> in the same transaction.</summary>
    public Func<ISqlDialect, IReadOnlyList<string>>? DialectSql { get; init; }
}
