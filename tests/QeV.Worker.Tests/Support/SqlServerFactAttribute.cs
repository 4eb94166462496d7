namespace QeV.Worker.Tests.Support;

/// <summary>
/// A test that needs SQL Server: it runs when <see cref="SqlServerServer"/> can provide one, and is reported as
/// skipped, with the reason, when it cannot. Never passed without having run.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SqlServerFactAttribute : FactAttribute
{
    public SqlServerFactAttribute()
    {
        if (SqlServerServer.Unavailable is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>The theory form of <see cref="SqlServerFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SqlServerTheoryAttribute : TheoryAttribute
{
    public SqlServerTheoryAttribute()
    {
        if (SqlServerServer.Unavailable is { } reason)
        {
            Skip = reason;
        }
    }
}
