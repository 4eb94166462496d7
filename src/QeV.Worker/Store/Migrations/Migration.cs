namespace QeV.Worker.Store.Migrations;

/// <summary>One schema step. Portable DDL with type tokens; only ever adds, never drops.</summary>
public sealed record Migration(int Version, string Name, string Sql);
