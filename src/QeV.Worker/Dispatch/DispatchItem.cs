using QeV.Worker.Ledger;
using QeV.Domain.Planning;

namespace QeV.Worker.Dispatch;

/// <summary>
/// One claimed notice during a run: its recipients, what earlier runs recorded for each, and the mails of this run
/// that still carry it. When the last of them is done, its ledger row gets its new state.
/// </summary>
internal sealed class DispatchItem(NoticeRow row, NoticeContent content, IEnumerable<DeliveryRow> earlier)
{
    private readonly Dictionary<string, DeliveryRow> _known =
        earlier.ToDictionary(d => d.Address, StringComparer.OrdinalIgnoreCase);

    public NoticeRow Row { get; } = row;

    public NoticeContent Content { get; } = content;

    public string Key => Row.NoticeKey;

    /// <summary>To first, then Cc, each address once.</summary>
    public IReadOnlyList<Recipient> Recipients { get; } =
        [.. new[] { content.To }.Concat(content.Cc).DistinctBy(r => r.Email, StringComparer.OrdinalIgnoreCase)];

    /// <summary>Recipients who neither got it nor are given up on.</summary>
    public IReadOnlyList<Recipient> Owed => [.. Recipients.Where(r => StateOf(r.Email) is not (NoticeState.Sent or NoticeState.Dead))];

    public int MailsLeft { get; set; }

    /// <summary>Until when this worker's claim on the row lasts, as far as this run wrote it.</summary>
    public DateTimeOffset HeldUntil { get; set; }

    public bool SentNow { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>Sent but not recorded (the ledger write failed for good): must stay claimed, never released.</summary>
    public bool InDoubt { get; set; }

    public bool Done { get; set; }

    public bool Lost { get; set; }

    public string? StateOf(string address) => _known.TryGetValue(address, out var d) ? d.State : null;

    public int AttemptsOf(string address) => _known.TryGetValue(address, out var d) ? d.Attempts : 0;

    public string? StaffIdOf(string address) =>
        Recipients.FirstOrDefault(r => string.Equals(r.Email, address, StringComparison.OrdinalIgnoreCase))?.StaffId;

    public DeliveryUpdate Record(string address, string state, string? error)
    {
        var update = new DeliveryUpdate(Key, address, state, AttemptsOf(address) + 1, error);
        _known[address] = new DeliveryRow { NoticeKey = Key, Address = address, State = state, Attempts = update.Attempts, LastError = error };
        if (state == NoticeState.Sent)
            SentNow = true;
        if (error is not null)
            LastError = error;
        return update;
    }

    public void Failed(string error) => LastError = error;

    /// <summary>The row's state once this run is done with it: sent, dead, or failed with the next attempt after a backoff.</summary>
    public NoticeOutcome Outcome(DateTimeOffset now, DispatchOptions options)
    {
        var states = Recipients.Select(r => StateOf(r.Email)).ToList();
        if (states.All(s => s is NoticeState.Sent or NoticeState.Dead))
        {
            var state = states.Contains(NoticeState.Sent) ? NoticeState.Sent : NoticeState.Dead;
            return new NoticeOutcome(Key, state, Row.NextAttemptAt, state == NoticeState.Sent ? null : LastError, SentNow);
        }

        return new NoticeOutcome(Key, NoticeState.Failed, now + options.BackoffAfter(Row.Attempts + 1), LastError, SentNow);
    }
}
