namespace QeV.Worker.Ledger;

#pragma warning disable CA1812 // instantiated by Dapper
/// <summary>The delivery state of one notice for one recipient address (sent, failed = try again, dead).</summary>
public sealed class DeliveryRow
{
    public string NoticeKey { get; set; } = "";
    public string Address { get; set; } = "";
    public string State { get; set; } = "";
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}
#pragma warning restore CA1812
