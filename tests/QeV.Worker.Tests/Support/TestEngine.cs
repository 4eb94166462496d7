namespace QeV.Worker.Tests.Support;

/// <summary>
/// The database engines of the store. Every store test runs on <see cref="TestEngines.Each"/>; SQL Server runs the
/// parity tests marked [SqlServerFact], skipped where no SQL Server can run.
/// </summary>
public enum TestEngine { Sqlite, Postgres, SqlServer }

public static class TestEngines
{
    /// <summary>Every engine, in the order the theories list them.</summary>
    public static IReadOnlyList<TestEngine> Each { get; } = [TestEngine.Sqlite, TestEngine.Postgres];

    /// <summary>For [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))].</summary>
    public static TheoryData<TestEngine> All => new(Each);
}
