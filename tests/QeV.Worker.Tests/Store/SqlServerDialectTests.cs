using QeV.Worker.Store;
using QeV.Worker.Store.Migrations;

namespace QeV.Worker.Tests.Store;

/// <summary>The T-SQL the SQL Server dialect writes, checked as text (it runs in <see cref="SqlServerParityTests"/>).</summary>
public sealed class SqlServerDialectTests
{
    private static readonly SqlServerDialect Dialect = new();

    [Fact]
    public void Upsert_OneRow_IsAMergeWithHoldlockEndingInASemicolon()
    {
        var sql = Dialect.Upsert("data_problems", [("problem_key", "@key"), ("last_seen", "@day")], ["problem_key"], ["last_seen"]);

        sql.ShouldBe("MERGE INTO data_problems WITH (HOLDLOCK) AS target USING (VALUES (@key, @day)) AS source ([problem_key], [last_seen]) "
            + "ON target.[problem_key] = source.[problem_key] WHEN MATCHED THEN UPDATE SET target.[last_seen] = source.[last_seen] "
            + "WHEN NOT MATCHED THEN INSERT ([problem_key], [last_seen]) VALUES (source.[problem_key], source.[last_seen]);");
    }

    [Fact]
    public void InsertIfAbsent_ExistingKey_HasNoMatchedBranch()
    {
        var sql = Dialect.InsertIfAbsent("notices", [("notice_key", "@key"), ("rule", "@rule"), ("state", "'pending'")], ["notice_key"]);

        sql.ShouldNotContain("WHEN MATCHED");
        sql.ShouldContain("WITH (HOLDLOCK)");
        sql.ShouldContain("VALUES (@key, @rule, 'pending')");
        sql.ShouldContain("[rule]");
    }

    [Fact]
    public void UpsertMany_ThreeRows_NumbersTheParametersPerRow()
    {
        var sql = Dialect.UpsertMany("teams", ["team_id", "name"], 3, ["team_id"], ["name"]);

        sql.ShouldContain("USING (VALUES (@team_id_0, @name_0), (@team_id_1, @name_1), (@team_id_2, @name_2)) AS source ([team_id], [name])");
    }

    [Theory]
    [InlineData(1, 1000)]
    [InlineData(10, 200)]
    [InlineData(3000, 1)]
    public void RowsPerStatement_Columns_StaysUnderTheParameterAndRowLimits(int columns, int expected) =>
        Dialect.RowsPerStatement(columns).ShouldBe(expected);

    [Fact]
    public void LimitAndClaimHint_AreTSql()
    {
        Dialect.Limit("@batch").ShouldBe("OFFSET 0 ROWS FETCH NEXT @batch ROWS ONLY");
        Dialect.ClaimTableHint.ShouldBe("WITH (UPDLOCK, READPAST, ROWLOCK)");
        Dialect.SkipLockedClause.ShouldBeEmpty();
    }

    [Fact]
    public void Ddl_EveryMigration_HasNoPortableTokenOrIfNotExistsLeft()
    {
        foreach (var migration in MigrationCatalog.All)
        {
            var sql = Dialect.Ddl(migration.Sql);
            sql.ShouldNotContain("{", customMessage: $"M{migration.Version:000}");
            sql.ShouldNotContain("IF NOT EXISTS notices", customMessage: $"M{migration.Version:000}");
            sql.ShouldNotContain("CREATE TABLE IF", customMessage: $"M{migration.Version:000}");
            sql.ShouldNotContain("INDEX IF", customMessage: $"M{migration.Version:000}");
            sql.ShouldNotContain("ADD COLUMN", customMessage: $"M{migration.Version:000}");
        }
    }

    [Fact]
    public void Ddl_Ledger_SizesKeysBracketsRuleAndKeepsContentUnbounded()
    {
        var sql = Dialect.Ddl(MigrationCatalog.All.Single(m => m.Version == 2).Sql);

        sql.ShouldContain("IF OBJECT_ID(N'notices', N'U') IS NULL CREATE TABLE notices (");
        sql.ShouldContain("[notice_key] nvarchar(200) PRIMARY KEY");
        sql.ShouldContain("[rule] nvarchar(200)");
        sql.ShouldContain("[content] nvarchar(max) NOT NULL");
        sql.ShouldContain("[last_error] nvarchar(max)");
        sql.ShouldContain("[state] nvarchar(200) NOT NULL", customMessage: "state is in ix_notices_dispatch");
        sql.ShouldContain("[next_attempt_at] datetimeoffset(7) NOT NULL");
        sql.ShouldContain("[urgent] bit NOT NULL");
        sql.ShouldContain("IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_notices_dispatch' AND object_id = OBJECT_ID(N'notices')) "
            + "CREATE INDEX ix_notices_dispatch ON notices ([state], [next_attempt_at])");
    }

    [Fact]
    public void Ddl_CompositeKeyAndAddedColumn_AreTSql()
    {
        var facts = Dialect.Ddl(MigrationCatalog.All.Single(m => m.Version == 1).Sql);
        var profile = Dialect.Ddl(MigrationCatalog.All.Single(m => m.Version == 3).Sql);

        facts.ShouldContain("[kind] nvarchar(200) NOT NULL,\n    [minutes] int NOT NULL,\n    PRIMARY KEY ([staff_id], [date], [kind])");
        facts.ShouldContain("[name] nvarchar(max) NOT NULL");
        profile.ShouldContain("ALTER TABLE cases ADD [clearing] bit;");
    }

    [Theory]
    [InlineData("Server=db.example;Database=qev;User Id=qev;Password=x;TrustServerCertificate=true", "sqlserver")]
    [InlineData("Data Source=tcp:db,1433;Initial Catalog=qev;Integrated Security=true", "sqlserver")]
    [InlineData("Host=db;Database=qev", "postgres")]
    [InlineData("Data Source=./data/qev.db", "sqlite")]
    [InlineData("./data/qev.db", "sqlite")]
    public void Database_ConnectionString_PicksTheDialect(string connectionString, string dialect) =>
        new Database(connectionString).Dialect.Name.ShouldBe(dialect);
}
