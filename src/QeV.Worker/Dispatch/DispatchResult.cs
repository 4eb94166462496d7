namespace QeV.Worker.Dispatch;

public sealed record DispatchResult(int Sent, int Retrying, int Dead)
{
    /// <summary>Claimed but no longer owed (fulfilled meanwhile, a past day's digest).</summary>
    public int Obsolete { get; init; }

    public int Claimed => Sent + Retrying + Dead;
}
