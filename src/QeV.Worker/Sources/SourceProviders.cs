namespace QeV.Worker.Sources;

/// <summary>The provider named by Sources:Connections:&lt;name&gt;:Provider.</summary>
public static class SourceProviders
{
    public static ISourceProvider For(string provider) => provider.Trim().ToLowerInvariant() switch
    {
        "postgres" => new PostgresSourceProvider(),
        "sqlserver" => new SqlServerSourceProvider(),
        "sqlite" => new SqliteSourceProvider(),
        _ => throw new InvalidOperationException($"Quelle: Provider „{provider}“ ist unbekannt."),
    };
}
