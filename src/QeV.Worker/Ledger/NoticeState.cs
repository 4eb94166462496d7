namespace QeV.Worker.Ledger;

/// <summary>pending → sending → sent; a failed notice retries with backoff and becomes dead after N attempts.</summary>
public static class NoticeState
{
    public const string Pending = "pending";
    public const string Sending = "sending";
    public const string Sent = "sent";
    public const string Failed = "failed";
    public const string Dead = "dead";

    /// <summary>Not sent because it was no longer owed when its turn came (deadline fulfilled, digest of a past day).</summary>
    public const string Obsolete = "obsolete";
}
