using Microsoft.Data.Sqlite;
using QeV.Worker.Ledger;
using QeV.Worker.Tests.Notifications;
using QeV.Worker.Tests.Support;
using QeV.Worker.Tests.Support.Fixtures;
using static QeV.Worker.Tests.Notifications.NotificationData;

namespace QeV.Worker.Tests.Dispatch.Delivery;

/// <summary>
/// A ledger write that fails after the server's 250 is retried as a write, never by sending again (delivery issue):
/// another connection holds SQLite's write lock (a real open write transaction) from the moment the sink has the
/// recipient until well after the mail is accepted, longer than the worker's connection waits for a lock.
/// </summary>
public sealed class LedgerWriteRetryTests(SmtpSinkFixture fixture) : IClassFixture<SmtpSinkFixture>
{
    private SmtpSink Sink => fixture.Sink;

    [Fact]
    public async Task Dispatch_SqliteBusyRightAfterThe250_NotSentAgainAndRecordedOnceTheLockIsReleased()
    {
        // Given: one reminder to kw@; the sink holds it at RCPT for 2 s; the worker's connection gives up on a lock
        // after SQLite's busy timeout (10 s) and a command timeout of 1 s, so only the ledger-write retry can record it
        var domain = NewDomain();
        using var db = await TestDatabase.CreateAsync(TestEngine.Sqlite);
        await db.ImportAsync(Files(domain));
        var clock = ManualTimeProvider.AtOffice(Day, new TimeOnly(9, 0));
        using var worker = TestWorker.Smtp(db, clock, Sink.Port, domain, new Dictionary<string, string?>
        {
            ["Mail:Smtp:Connections"] = "1",
            ["Database:ConnectionString"] = $"Data Source={db.FilePath};Default Timeout=1",
        });
        (await worker.Cycle.ScanAsync(Day, CancellationToken.None)).ShouldBe(1);
        Sink.WriteScript(new Dictionary<string, object>
        {
            ["rules"] = new[] { new Dictionary<string, object> { ["match_rcpt"] = "kw@" + domain, ["stage"] = "rcpt", ["delay"] = 2, ["reply"] = "250 OK", ["times"] = 1 } },
        });

        // When: while the sink holds the RCPT, another connection opens a write transaction and keeps it 12 s after the
        // sink stored the mail
        var dispatch = worker.Cycle.DispatchAsync(Day, officeOpen: true, CancellationToken.None);
        await GuardWaitAsync(() => Sink.Log.Contains("RCPT kw@" + domain, StringComparison.OrdinalIgnoreCase), "the sink to hold the RCPT");
        await using (var blocker = new SqliteConnection($"Data Source={db.FilePath};Pooling=False"))
        {
            await blocker.OpenAsync();
            await using var tx = (SqliteTransaction)await blocker.BeginTransactionAsync();
            await using (var write = blocker.CreateCommand())
            {
                write.Transaction = tx;
                write.CommandText = "UPDATE notices SET last_error = last_error";
                await write.ExecuteNonQueryAsync();
            }

            await GuardWaitAsync(() => Sink.MessagesTo("kw@" + domain).Count == 1, "the sink to accept the mail");
            await Task.Delay(TimeSpan.FromSeconds(12));
            (await worker.RowAsync(ReminderKey())).State.ShouldBe(NoticeState.Sending, "the lock must still block the ledger write");
            await tx.RollbackAsync();
        }

        var result = await dispatch;
        Sink.WriteScript(new Dictionary<string, object>());
        clock.Advance(TimeSpan.FromMinutes(10));
        var next = await worker.Cycle.DispatchAsync(Day, officeOpen: true, CancellationToken.None);

        // Then: sent once, recorded once the lock was gone, and the next run has nothing left to send
        result.Sent.ShouldBe(1, Sink.Log);
        next.Claimed.ShouldBe(0);
        Sink.MessagesTo("kw@" + domain).Count.ShouldBe(1);
        var row = await worker.RowAsync(ReminderKey());
        row.State.ShouldBe(NoticeState.Sent);
        (await db.ScalarAsync<string?>("SELECT claimed_by FROM notices WHERE notice_key = @key", new { key = ReminderKey() })).ShouldBeNull();
        (await db.QueryAsync<DeliveryRow>("SELECT notice_key, address, state, attempts, last_error FROM notice_deliveries WHERE notice_key = @key", new { key = ReminderKey() }))
            .Select(d => (d.Address, d.State, d.Attempts)).ShouldBe([("kw@" + domain, NoticeState.Sent, 1)]);
    }

    private static Task GuardWaitAsync(Func<bool> condition, string what) =>
        Guards.GuardData.WaitUntilAsync(() => Task.FromResult(condition()), TimeSpan.FromSeconds(20), what);
}
