using System.Globalization;
using QeV.Worker.Scheduling;
using QeV.Worker.Tests.Guards;
using QeV.Worker.Tests.Notifications;
using QeV.Worker.Tests.Support;
using QeV.Worker.Tests.Support.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;
using static QeV.Worker.Tests.Notifications.NotificationData;

namespace QeV.Worker.Tests.Scheduling;

/// <summary>
/// Scheduling/CatchUpOnStart when the catch-up fails: the worker must keep running (the schedule tries again at its
/// next firing), and the log must say what failed, with the exception.
/// </summary>
[Collection(StaticLoggerGroup.Name)]
public sealed class CatchUpFailureTests(SmtpSinkFixture fixture) : IClassFixture<SmtpSinkFixture>
{
    private static readonly DateOnly Monday = new(2026, 6, 8);

    private SmtpSink Sink => fixture.Sink;

    [Fact]
    public async Task Start_LedgerTableGone_LogsTheFailureAndEndsWithoutFault()
    {
        // Given: Monday 08.06.2026 09:00, the digest time passed; the ledger table is missing, so the catch-up's scan fails
        var domain = NewDomain();
        using var db = await GuardData.DatabaseAsync(TestEngine.Sqlite, Files(domain));
        await db.ExecuteAsync("ALTER TABLE notices RENAME TO notices_gone");
        var clock = ManualTimeProvider.AtOffice(Monday, new TimeOnly(9, 0));
        var log = new CapturedLog();
        using var worker = TestWorker.Smtp(db, clock, Sink.Port, domain, schedules: true,
            services: s => s.AddSingleton<ILogEventSink>(log));

        // When: the start-up catch-up runs to its end
        await worker.CatchUpOnStartAsync();

        // Then: it ended without a fault (CatchUpOnStartAsync awaits the task), sent nothing and logged one error
        // from the catch-up, with the database's exception
        Sink.MessagesTo(domain).Count.ShouldBe(0, Sink.Log);
        var errors = log.Events.Where(e => e.Level >= LogEventLevel.Error).ToList();
        errors.Count.ShouldBe(1, string.Join("\n", log.Events.Select(e => e.RenderMessage(CultureInfo.InvariantCulture))));
        var error = errors[0];
        error.MessageTemplate.Text.ShouldBe("Nachholen beim Start fehlgeschlagen");
        error.Level.ShouldBe(LogEventLevel.Error);
        error.Properties["SourceContext"].ToString().ShouldBe($"\"{typeof(CatchUpOnStart).FullName}\"");
        error.Exception.ShouldNotBeNull().ToString().ShouldContain("notices");
    }
}
