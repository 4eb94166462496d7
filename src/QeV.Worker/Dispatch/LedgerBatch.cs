using QeV.Worker.Ledger;

namespace QeV.Worker.Dispatch;

/// <summary>The writes of several mails that go into one ledger transaction (see <see cref="LedgerQueue"/>).</summary>
/// <remarks><see cref="Renew"/> extends the claims; <see cref="Check"/> only reads that they are still this worker's.</remarks>
internal sealed record LedgerBatch(IReadOnlyList<DeliveryUpdate> Deliveries, IReadOnlyList<NoticeOutcome> Outcomes, IReadOnlyList<string> Renew, IReadOnlyList<string> Check);
