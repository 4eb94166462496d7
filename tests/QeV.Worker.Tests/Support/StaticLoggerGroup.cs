namespace QeV.Worker.Tests.Support;

/// <summary>
/// Tests that read the worker's log through a <see cref="CapturedLog"/>. QevHost's Serilog logger is the static one
/// (AddSerilog without preserveStaticLogger), so in one test process the host built last logs for every host. These
/// tests therefore run alone, after the parallel ones.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class StaticLoggerGroup
{
    public const string Name = "static Serilog logger";
}
