using QeV.Domain.Planning;

namespace QeV.Worker.Sources;

/// <summary>A bad row or an unreachable source, named by source, entity, key and column, for the log and the admin report.</summary>
public sealed record SourceProblem(string Source, string Entity, string? Key, string? Column, string Reason)
{
    public override string ToString() =>
        $"Quelle {Source}, {Entity}" + (Key is null ? "" : $" „{Key}“") + (Column is null ? "" : $", Spalte {Column}") + $": {Reason}";

    /// <summary>Listed in the admin report (no team lead: the mapping is the administration's business).</summary>
    public DataProblem ToDataProblem() => new(
        new DataProblemLine(
            $"Quelle {Source}",
            null,
            Entity + (Key is null ? "" : $" „{Key}“") + (Column is null ? "" : $", Spalte {Column}") + $": {Reason}",
            $"{SourcesOptions.Section}:Queries:{Entity}"),
        null);
}
