namespace QeV.Worker.Dispatch;

public sealed record DispatchResult(int Sent, int Retrying, int Dead)
{
    public int Claimed => Sent + Retrying + Dead;
}
