using System.Reflection;
using Xunit.Sdk;

namespace QeV.Worker.Tests.Support;

/// <summary>
/// Like [InlineData], but once per engine of <see cref="TestEngines.All"/>: the theory's first parameter is the
/// <see cref="TestEngine"/>, the given values follow. <c>[InlineEngineData("x")]</c> runs (Sqlite, "x") and (Postgres, "x").
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class InlineEngineDataAttribute(params object?[] values) : DataAttribute
{
    public IReadOnlyList<object?> Values { get; } = values;

    public override IEnumerable<object?[]> GetData(MethodInfo testMethod) =>
        TestEngines.Each.Select(engine => (object?[])[engine, .. Values]);
}
