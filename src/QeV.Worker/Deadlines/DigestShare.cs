using QeV.Domain.Rules;

namespace QeV.Worker.Deadlines;

/// <summary>Some team leads and the open deadlines of their teams that a digest can list: one share of a digest run.</summary>
public sealed record DigestShare(DeadlineSnapshot Snapshot, IReadOnlySet<string> Leads);
