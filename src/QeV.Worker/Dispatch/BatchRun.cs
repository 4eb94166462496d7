namespace QeV.Worker.Dispatch;

/// <summary>What the connections of one claimed batch share: the run's breaker and tallies, its day and stop signal.</summary>
internal sealed record BatchRun(TransportBreaker Breaker, RunCounts Counts, DateOnly Day, CancellationToken Stopping)
{
    /// <summary>Set when one connection failed for good; the others stop after their mail in flight.</summary>
    public volatile bool Failed;
}
