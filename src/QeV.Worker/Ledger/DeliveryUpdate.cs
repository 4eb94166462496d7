namespace QeV.Worker.Ledger;

/// <summary>What one mail did for one notice and address, to be written right after the server answered.</summary>
public sealed record DeliveryUpdate(string NoticeKey, string Address, string State, int Attempts, string? Error);

/// <summary>A notice whose deliveries of this run are all done: its new state (sent, dead, failed with the next attempt).</summary>
public sealed record NoticeOutcome(string NoticeKey, string State, DateTimeOffset NextAttemptAt, string? Error, bool SentNow);
