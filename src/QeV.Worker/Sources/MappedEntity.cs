using QeV.Domain.Tables;

namespace QeV.Worker.Sources;

/// <summary>The last good read of one entity: its rows by key, when it was read, and for which day.</summary>
public sealed record MappedEntity(
    IReadOnlyDictionary<string, ImportRow> Rows, DateTimeOffset ReadAt, DateTimeOffset LastFullReadAt, DateOnly AsOf);
