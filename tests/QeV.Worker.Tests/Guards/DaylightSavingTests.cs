using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using QeV.Worker.Ledger;
using QeV.Worker.Office;
using QeV.Worker.Scheduling;
using QeV.Worker.Tests.Notifications;
using QeV.Worker.Tests.Support;
using Quartz;
using static QeV.Worker.Tests.Notifications.NotificationData;

namespace QeV.Worker.Tests.Guards;

/// <summary>
/// The two change nights of Europe/Berlin (last Sunday of March: 02:00 -> 03:00; last Sunday of October:
/// 03:00 -> 02:00) on a fake clock. Four days from Friday 00:00 to Tuesday 00:00 office time are played through
/// the worker's own triggers (their fire times come from the schedule `run` registers) and its own jobs.
/// </summary>
public sealed class DaylightSavingTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    /// <summary>The change Sunday; the F01 meeting date puts reminder-10bd on Friday and reminder-3bd on Monday.</summary>
    public static TheoryData<string, string> ChangeNights => new()
    {
        { "2026-03-29", "2026-04-16" },
        { "2026-10-25", "2026-11-12" },
    };

    [Theory]
    [MemberData(nameof(ChangeNights))]
    public async Task Schedule_AcrossTheChangeNight_EachStageOnceDigestOncePerBusinessDayAtTheLocalTime(string sunday, string meeting)
    {
        // Given: an F01 Fortschreibung on the meeting date and a third missed appointment on the change Sunday
        var change = DateOnly.Parse(sunday, CultureInfo.InvariantCulture);
        var friday = change.AddDays(-2);
        var monday = change.AddDays(1);
        var domain = NewDomain();
        var files = Files(domain, missedAppointments: true);
        files["meetings.csv"] = files["meetings.csv"].Replace("2026-06-24", meeting, StringComparison.Ordinal);
        files["appointments.csv"] = files["appointments.csv"]
            .Replace("2026-05-22", Iso(change.AddDays(-14)), StringComparison.Ordinal)
            .Replace("2026-05-29", Iso(change.AddDays(-7)), StringComparison.Ordinal)
            .Replace("2026-06-05", sunday, StringComparison.Ordinal);
        using var db = await GuardData.DatabaseAsync(TestEngine.Sqlite, files);
        var start = Local(friday, TimeOnly.MinValue);
        var end = Local(monday.AddDays(1), TimeOnly.MinValue);
        var clock = new FakeTimeProvider(start);
        using var worker = TestWorker.Pickup(db, clock, db.Folder.Combine("mail-out"), schedules: true);

        // When: every firing of the scan and digest triggers from Friday 00:00 to Tuesday 00:00, each followed by a dispatch
        var firings = await FiringsAsync(worker, start, end);
        foreach (var (at, job) in firings)
        {
            clock.SetUtcNow(at);
            await job.Execute(null!, CancellationToken.None);
            await Job<DispatchJob>(worker).Execute(null!, CancellationToken.None);
        }

        // Then: the digest trigger fired on Friday and Monday at 07:30 office time, nothing on the weekend
        var digestFirings = firings.Where(f => f.Job is DigestJob).Select(f => LocalText(f.At)).ToList();
        digestFirings.ShouldBe([$"{Iso(friday)} 07:30", $"{Iso(monday)} 07:30"]);
        // The scan fired every quarter hour of office time that exists: 4 days x 96, one hour less or more on the Sunday
        var hours = (end - start).TotalHours;
        hours.ShouldBe(change.Month == 3 ? 95 : 97);
        firings.Count(f => f.Job is ScanJob).ShouldBe((int)hours * 4);

        // Then: each stage once, on its day; the digest once per business day; each sent at the local time it was due
        var rows = await worker.RowsAsync();
        var sent = rows.Select(r => $"{r.NoticeKey} @ {LocalText(r.SentAt ?? DateTimeOffset.MinValue)}").ToList();
        sent.Count.ShouldBe(5, string.Join("\n", sent));
        rows.Count(r => r.State == NoticeState.Sent).ShouldBe(5);
        var due = Iso(monday.AddDays(3));
        sent.ShouldBe(
        [
            $"F01/M-1/{due}/reminder-10bd/reminder/S-3 @ {Iso(friday)} 07:00",
            $"F01/M-1/{due}/reminder-3bd/reminder/S-3 @ {Iso(monday)} 07:00",
            $"F06/C-1/{sunday}/notice/notice/S-1 @ {sunday} 00:00",
            $"digest/S-2/{Iso(friday)} @ {Iso(friday)} 07:30",
            $"digest/S-2/{Iso(monday)} @ {Iso(monday)} 07:30",
        ]);
    }

    private static async Task<List<(DateTimeOffset At, IJob Job)>> FiringsAsync(TestWorker worker, DateTimeOffset start, DateTimeOffset end)
    {
        var scheduler = await worker.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var firings = new List<(DateTimeOffset At, IJob Job)>();
        foreach (var (name, job) in new (string, IJob)[] { ("scan", Job<ScanJob>(worker)), ("digest", Job<DigestJob>(worker)) })
        {
            var trigger = (await scheduler.GetTrigger(new TriggerKey(name))).ShouldNotBeNull();
            // A firing at the very start counts: GetFireTimeAfter is exclusive.
            for (var at = trigger.GetFireTimeAfter(start.AddTicks(-1)); at is { } t && t < end; at = trigger.GetFireTimeAfter(t))
            {
                firings.Add((t, job));
            }
        }

        return firings.OrderBy(f => f.At).ThenBy(f => f.Job is DigestJob ? 1 : 0).ToList();
    }

    private static IJob Job<T>(TestWorker worker) where T : IJob => ActivatorUtilities.CreateInstance<T>(worker.Services);

    private static DateTimeOffset Local(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time);
        return new DateTimeOffset(local, Berlin.GetUtcOffset(local));
    }

    private static string LocalText(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Berlin).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
