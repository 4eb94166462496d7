namespace QeV.Worker.Store.Migrations;

/// <summary>One schema step. Portable DDL with type tokens; only ever adds, never drops.</summary>
public sealed record Migration(int Version, string Name, string Sql)
{
    /// <summary>Statements each engine spells its own way (triggers), run after <see cref="Sql"/> in the same transaction.</summary>
    public Func<ISqlDialect, IReadOnlyList<string>>? DialectSql { get; init; }
}
