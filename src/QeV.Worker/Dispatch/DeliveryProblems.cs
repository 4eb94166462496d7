using Microsoft.Extensions.Logging;
using QeV.Domain.Planning;
using QeV.Worker.Ledger;

namespace QeV.Worker.Dispatch;

/// <summary>
/// What the dispatcher tells the admin report and the log: recipients refused for good (a data problem of that
/// person), and once per outage what is wrong with the mail server, then once that it answers again.
/// </summary>
internal sealed class DeliveryProblems(DataProblemStore problems, ILogger logger)
{
    private string? _lastOutage;

    public async Task DeadAsync(IReadOnlyList<(string Staff, string Problem, string Key)> dead, DateOnly day)
    {
        if (dead.Count == 0)
            return;
        foreach (var (staff, problem, key) in dead)
            logger.LogError("Nachricht {NoticeKey} an {StaffId} endgültig nicht zustellbar: {Problem}", key, staff, problem);
        await problems.RecordAsync([.. dead.Select(d => new DataProblem(new DataProblemLine(d.Staff, null, d.Problem, d.Key), null))], day, CancellationToken.None);
    }

    /// <summary>Says once what is wrong with the mail server (log and admin report), and once that it answers again.</summary>
    public async Task OutageAsync(string? reason, bool transportFailed, string target, DateOnly day)
    {
        if (reason is null)
        {
            if (transportFailed)
                return;
            if (_lastOutage is not null)
                logger.LogInformation("Mailserver {Target} nimmt wieder an", target);
            _lastOutage = null;
            return;
        }

        if (reason == _lastOutage)
            return;
        _lastOutage = reason;
        logger.LogError("Versand angehalten: {Reason}. Die Nachrichten bleiben offen und gehen, sobald der Mailserver wieder annimmt", reason);
        await problems.RecordAsync([new DataProblem(new DataProblemLine("Mailserver", null, "Versand angehalten: " + reason, target), null)], day, CancellationToken.None);
    }
}
