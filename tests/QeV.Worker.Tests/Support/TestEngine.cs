namespace QeV.Worker.Tests.Support;

/// <summary>The database engines every store test runs against.</summary>
public enum TestEngine { Sqlite, Postgres }

public static class TestEngines
{
    /// <summary>Every engine, in the order the theories list them.</summary>
    public static IReadOnlyList<TestEngine> Each { get; } = [TestEngine.Sqlite, TestEngine.Postgres];

    /// <summary>For [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))].</summary>
    public static TheoryData<TestEngine> All => new(Each);
}
