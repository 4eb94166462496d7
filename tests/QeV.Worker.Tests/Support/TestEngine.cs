namespace QeV.Worker.Tests.Support;

/// <summary>The database engines every store test runs against.</summary>
public enum TestEngine { Sqlite, Postgres }

public static class TestEngines
{
    /// <summary>For [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))].</summary>
    public static TheoryData<TestEngine> All => new() { TestEngine.Sqlite, TestEngine.Postgres };
}
