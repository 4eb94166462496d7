using System.Reflection;
using Xunit.Sdk;

namespace QeV.Worker.Tests.Support;

/// <summary>
/// Beside [MemberData(nameof(TestEngines.All))] or [InlineEngineData(…)] of a store theory: one more row on
/// <see cref="TestEngine.SqlServer"/> with the given values, so the same test runs on SQL Server – or is reported as
/// skipped, with the reason, where <see cref="SqlServerServer"/> has none (xunit reads <see cref="DataAttribute.Skip"/>
/// per data attribute).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class SqlServerDataAttribute : DataAttribute
{
    public SqlServerDataAttribute(params object?[] values)
    {
        Values = values;
        if (SqlServerServer.Unavailable is { } reason)
        {
            Skip = reason;
        }
    }

    public IReadOnlyList<object?> Values { get; }

    public override IEnumerable<object?[]> GetData(MethodInfo testMethod) => [[TestEngine.SqlServer, .. Values]];
}
