namespace QeV.Worker.Store;

/// <summary>INSERT … ON CONFLICT, which SQLite (3.24+) and PostgreSQL (9.5+) spell the same way.</summary>
internal static class OnConflictSql
{
    public static string Upsert(string table, IReadOnlyList<(string Column, string Value)> values, IReadOnlyList<string> key, IReadOnlyList<string> update) =>
        Insert(table, values) + $" ON CONFLICT ({string.Join(", ", key)}) "
        + (update.Count == 0 ? "DO NOTHING" : $"DO UPDATE SET {string.Join(", ", update.Select(c => $"{c} = excluded.{c}"))}");

    public static string InsertIfAbsent(string table, IReadOnlyList<(string Column, string Value)> values, IReadOnlyList<string> key) =>
        Insert(table, values) + $" ON CONFLICT ({string.Join(", ", key)}) DO NOTHING";

    private static string Insert(string table, IReadOnlyList<(string Column, string Value)> values) =>
        $"INSERT INTO {table} ({string.Join(", ", values.Select(v => v.Column))}) VALUES ({string.Join(", ", values.Select(v => v.Value))})";
}
