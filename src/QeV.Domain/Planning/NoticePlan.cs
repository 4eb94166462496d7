namespace QeV.Domain.Planning;

/// <summary>What the planner found owed on a day.</summary>
public sealed record NoticePlan(IReadOnlyList<PlannedNotice> Notices, IReadOnlyList<DataProblem> Problems);
