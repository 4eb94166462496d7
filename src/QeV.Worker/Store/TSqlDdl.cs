using System.Text.RegularExpressions;

namespace QeV.Worker.Store;

/// <summary>
/// The portable migrations in T-SQL. They keep their numbers; only the spelling changes:
/// <list type="bullet">
/// <item>CREATE TABLE IF NOT EXISTS t (…) → IF OBJECT_ID(N't', N'U') IS NULL CREATE TABLE t (…);</item>
/// <item>CREATE INDEX IF NOT EXISTS ix ON t (…) → IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE …) CREATE INDEX …;</item>
/// <item>ALTER TABLE t ADD COLUMN c … → ALTER TABLE t ADD c …;</item>
/// <item>{text} → nvarchar(200) for a column in a key or index of the same migration, and for identifiers and codes
/// (names ending in _id or _key, and the code columns of <see cref="ShortColumns"/>) that a later migration may index
/// (nvarchar(max) cannot be an index key, and a clustered key may hold at most 900 bytes); nvarchar(max) for free
/// text; {date} → date, {bool} → bit, {timestamp} → datetimeoffset(7), {int} → int;</item>
/// <item>column names in [brackets] in definitions (notices.rule: RULE is reserved in T-SQL).</item>
/// </list>
/// </summary>
public static partial class TSqlDdl
{
    public const string KeyText = "nvarchar(200)";

    /// <summary>Code columns of the contract and the ledger: short values, worth an index.</summary>
    public static IReadOnlySet<string> ShortColumns { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "kind", "state", "stage", "role", "status", "outcome", "hilfeart", "rule",
    };

    public static string Translate(string portableSql)
    {
        var keys = FindKeyColumns([portableSql]);
        return string.Join(";\n", portableSql.Split(';').Select(s => s.Trim()).Where(s => s.Length > 0).Select(s => Statement(s, keys))) + ";";
    }

    /// <summary>"table.column" of every column in a primary key or index of <paramref name="migrations"/>.</summary>
    public static HashSet<string> FindKeyColumns(IEnumerable<string> migrations)
    {
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var sql in migrations.SelectMany(m => m.Split(';')))
        {
            foreach (Match table in CreateTable().Matches(sql))
            {
                var name = table.Groups["table"].Value;
                foreach (var line in table.Groups["body"].Value.Split('\n'))
                {
                    if (ColumnDefinition().Match(line) is { Success: true } column && line.Contains("PRIMARY KEY", StringComparison.OrdinalIgnoreCase))
                    {
                        keys.Add($"{name}.{column.Groups["column"].Value}");
                    }
                }

                foreach (Match key in PrimaryKeyList().Matches(table.Groups["body"].Value))
                {
                    AddList(keys, name, key.Groups["columns"].Value);
                }
            }

            foreach (Match index in CreateIndex().Matches(sql))
            {
                AddList(keys, index.Groups["table"].Value, index.Groups["columns"].Value);
            }
        }

        return keys;
    }

    private static void AddList(HashSet<string> keys, string table, string columns)
    {
        foreach (var column in columns.Split(',').Select(c => c.Trim().Split(' ')[0]).Where(c => c.Length > 0))
        {
            keys.Add($"{table}.{column}");
        }
    }

    private static string Statement(string statement, HashSet<string> keys)
    {
        if (CreateTable().Match(statement) is { Success: true } table)
        {
            var name = table.Groups["table"].Value;
            var body = string.Join('\n', table.Groups["body"].Value.Split('\n').Select(line => Column(name, line, keys)));
            return $"IF OBJECT_ID(N'{name}', N'U') IS NULL CREATE TABLE {name} ({Types(body)})";
        }

        if (CreateIndex().Match(statement) is { Success: true } index)
        {
            var unique = index.Groups["unique"].Success ? "UNIQUE " : "";
            var columns = string.Join(", ", index.Groups["columns"].Value.Split(',').Select(c => Bracket(c.Trim())));
            return $"IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'{index.Groups["index"].Value}' "
                + $"AND object_id = OBJECT_ID(N'{index.Groups["table"].Value}')) "
                + $"CREATE {unique}INDEX {index.Groups["index"].Value} ON {index.Groups["table"].Value} ({columns})";
        }

        if (AddColumn().Match(statement) is { Success: true } add)
        {
            var altered = add.Groups["table"].Value;
            return $"ALTER TABLE {altered} ADD {Types(Column(altered, add.Groups["definition"].Value, keys))}";
        }

        return Types(statement);
    }

    /// <summary>One column definition: its name bracketed, {text} sized by whether a key or index holds it.</summary>
    private static string Column(string table, string line, HashSet<string> keys)
    {
        if (ColumnDefinition().Match(line) is not { Success: true } column)
        {
            return PrimaryKeyList().Replace(line, m =>
                "PRIMARY KEY (" + string.Join(", ", m.Groups["columns"].Value.Split(',').Select(c => Bracket(c.Trim()))) + ")");
        }

        var name = column.Groups["column"].Value;
        var rest = line[(column.Index + column.Length)..];
        var type = column.Groups["type"].Value;
        if (type == "{text}")
        {
            type = keys.Contains($"{table}.{name}") || IsShort(name) ? KeyText : "nvarchar(max)";
        }

        return line[..column.Index] + column.Groups["indent"].Value + Bracket(name) + " " + type + rest;
    }

    private static bool IsShort(string column) =>
        column.EndsWith("_id", StringComparison.OrdinalIgnoreCase) || column.EndsWith("_key", StringComparison.OrdinalIgnoreCase)
        || ShortColumns.Contains(column);

    private static string Bracket(string column) => column.StartsWith('[') ? column : SqlServerDialect.Quote(column);

    private static string Types(string sql) => sql
        .Replace("{date}", "date", StringComparison.Ordinal)
        .Replace("{bool}", "bit", StringComparison.Ordinal)
        .Replace("{timestamp}", "datetimeoffset(7)", StringComparison.Ordinal)
        .Replace("{text}", "nvarchar(max)", StringComparison.Ordinal)
        .Replace("{int}", "int", StringComparison.Ordinal);

    [GeneratedRegex(@"CREATE\s+TABLE\s+IF\s+NOT\s+EXISTS\s+(?<table>\w+)\s*\((?<body>.*)\)\s*$", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex CreateTable();

    [GeneratedRegex(@"CREATE\s+(?<unique>UNIQUE\s+)?INDEX\s+IF\s+NOT\s+EXISTS\s+(?<index>\w+)\s+ON\s+(?<table>\w+)\s*\((?<columns>[^)]*)\)", RegexOptions.IgnoreCase)]
    private static partial Regex CreateIndex();

    [GeneratedRegex(@"ALTER\s+TABLE\s+(?<table>\w+)\s+ADD\s+COLUMN\s+(?<definition>.*)$", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex AddColumn();

    [GeneratedRegex(@"PRIMARY\s+KEY\s*\((?<columns>[^)]*)\)", RegexOptions.IgnoreCase)]
    private static partial Regex PrimaryKeyList();

    [GeneratedRegex(@"^(?<indent>\s*)(?<column>[a-z_][a-z0-9_]*)\s+(?<type>\{\w+\})", RegexOptions.IgnoreCase)]
    private static partial Regex ColumnDefinition();
}
