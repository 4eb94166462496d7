using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QeV.Worker.Dispatch;
using QeV.Worker.Ledger;
using QeV.Worker.Office;
using QeV.Domain.Planning;
using QeV.Worker.Store;

using QeV.Worker.Operations;

namespace QeV.Worker.Notifications;

/// <summary>
/// When no notice could be delivered for Health:DispatchAlertAfter, Notifications:AdminEmail gets one mail; when delivery
/// works again, one more. Both go through the ledger with a key made from the start of the outage, so several
/// instances and restarts still write each mail once.
/// </summary>
public sealed class DispatchAlert(
    WorkerStatusStore status,
    NoticeLedger ledger,
    OfficeClock clock,
    IOptions<NotificationOptions> notifications,
    IOptions<HealthOptions> health,
    ILogger<DispatchAlert> logger)
{
    public async Task ObserveAsync(DispatchResult result, DateTimeOffset now, CancellationToken ct)
    {
        if (result.Sent == 0 && result.Retrying + result.Dead > 0)
        {
            await status.SetIfAbsentAsync(WorkerStatusStore.DispatchFailing, now, null, ct);
            var since = (await status.GetAsync(WorkerStatusStore.DispatchFailing, ct))!.At;
            if (now - since >= health.Value.DispatchAlertAfter
                && await status.SetIfAbsentAsync(WorkerStatusStore.DispatchAlert, since, null, ct))
            {
                logger.LogError("Zustellung schlägt seit {Since} fehl; Nachricht an die Administration vorgemerkt", Local(since));
                await QueueAsync("dispatch-failing", since, $"Seit {Local(since)} konnte keine Nachricht zugestellt werden. Bitte `qev doctor` ausführen.", ct);
            }

            return;
        }

        if (result.Sent > 0 && await status.GetAsync(WorkerStatusStore.DispatchFailing, ct) is { } failing)
        {
            await status.RemoveAsync(WorkerStatusStore.DispatchFailing, ct);
            if (await status.RemoveAsync(WorkerStatusStore.DispatchAlert, ct))
            {
                logger.LogInformation("Zustellung funktioniert wieder (gestört seit {Since})", Local(failing.At));
                await QueueAsync("dispatch-recovered", failing.At, $"Die Zustellung funktioniert wieder (gestört seit {Local(failing.At)}).", ct);
            }
        }
    }

    private async Task QueueAsync(string what, DateTimeOffset since, string text, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(notifications.Value.AdminEmail))
        {
            return;
        }

        var day = clock.Today;
        var content = new NoticeContent
        {
            Key = string.Create(CultureInfo.InvariantCulture, $"admin/{what}/{since.UtcDateTime:yyyyMMddTHHmmssZ}"),
            Kind = NoticeKind.AdminReport,
            Stage = "admin-report",
            Day = day,
            Urgent = true,
            To = new Recipient(null, "Administration", notifications.Value.AdminEmail),
            Problems = [new DataProblemLine("Versand", null, text, what)],
        };
        await ledger.AddAsync([new PlannedNotice(content, null, day)], clock.UtcNow, ct);
    }

    private string Local(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, clock.Zone).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture);
}
