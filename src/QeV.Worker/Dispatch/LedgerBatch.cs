using QeV.Worker.Ledger;

namespace QeV.Worker.Dispatch;

/// <summary>The writes of several mails that go into one ledger transaction (see <see cref="LedgerQueue"/>).</summary>
internal sealed record LedgerBatch(IReadOnlyList<DeliveryUpdate> Deliveries, IReadOnlyList<NoticeOutcome> Outcomes, IReadOnlyList<string> Renew);
