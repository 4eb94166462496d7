using Dapper;
using Npgsql;
using QeV.Worker.Tests.Notifications;
using QeV.Worker.Tests.Support;
using static QeV.Worker.Tests.Notifications.NotificationData;

namespace QeV.Worker.Tests.Guards;

/// <summary>
/// Guard: on PostgreSQL a claim locks its rows (`FOR UPDATE SKIP LOCKED`), so a second worker claiming at the same
/// moment skips them instead of taking the same notices. The moment is forced, not left to luck: a trigger in the
/// test's own database holds worker A inside its claim transaction (after its SELECT, at its first UPDATE) on an
/// advisory lock the test owns, while worker B claims.
/// </summary>
public sealed class RowLockTests
{
    private const long HoldKey = 78_1400_0001;

    private static readonly string HoldTrigger = $"""
        CREATE FUNCTION qev_test_hold_claim() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF NEW.claimed_by = 'worker-a' THEN
                PERFORM pg_advisory_xact_lock_shared({HoldKey});
            END IF;
            RETURN NEW;
        END $$;
        CREATE TRIGGER qev_test_hold_claim BEFORE UPDATE ON notices FOR EACH ROW EXECUTE FUNCTION qev_test_hold_claim();
        """;

    [Fact]
    public async Task Claim_TwoWorkersAtTheSameMoment_NoNoticeClaimedByBoth()
    {
        // Given: six notices owed; worker A is held inside its claim transaction
        var domain = NewDomain();
        using var db = await GuardData.DatabaseAsync(TestEngine.Postgres, Files(domain, cases: 6));
        var clock = ManualTimeProvider.AtOffice(Day, new TimeOnly(9, 0));
        using var worker = TestWorker.Pickup(db, clock, db.Folder.Combine("mail-out"));
        (await worker.Cycle.ScanAsync(Day, CancellationToken.None)).ShouldBe(6);
        await db.ExecuteAsync(HoldTrigger);
        await using var gate = new NpgsqlConnection(db.ConnectionString);
        await gate.OpenAsync();
        await gate.ExecuteAsync("SELECT pg_advisory_lock(@key)", new { key = HoldKey });
        var lease = TimeSpan.FromMinutes(5);
        var a = worker.Ledger.ClaimAsync("worker-a", clock.UtcNow, clock.UtcNow, Day, true, lease, 20, CancellationToken.None);
        await GuardData.WaitUntilAsync(() => WaitingOnAdvisoryLockAsync(db), TimeSpan.FromSeconds(20), "worker A to block inside its claim");

        // When: worker B claims while A holds its rows, then A is let go
        var b = worker.Ledger.ClaimAsync("worker-b", clock.UtcNow, clock.UtcNow, Day, true, lease, 20, CancellationToken.None);
        // B either returns at once (it skipped A's rows) or waits on A's row locks (no lock on the claim SELECT).
        await GuardData.WaitUntilAsync(async () => b.IsCompleted || await WaitingOnRowLockAsync(db), TimeSpan.FromSeconds(20), "worker B to finish or block");
        await gate.ExecuteAsync("SELECT pg_advisory_unlock(@key)", new { key = HoldKey });
        var claimedByA = (await a).Select(r => r.NoticeKey).ToList();
        var claimedByB = (await b).Select(r => r.NoticeKey).ToList();

        // Then: A has all six, B none of them
        claimedByA.Count.ShouldBe(6);
        claimedByB.Count.ShouldBe(0, "claimed by both: " + string.Join(", ", claimedByB.Intersect(claimedByA)));
        (await db.QueryAsync<string>("SELECT DISTINCT claimed_by FROM notices")).ShouldBe(["worker-a"]);
    }

    // pg_locks is the whole cluster's; only sessions on this test's own database count.
    private const string OwnSessions = "pid IN (SELECT pid FROM pg_stat_activity WHERE datname = current_database())";

    private static async Task<bool> WaitingOnAdvisoryLockAsync(TestDatabase db) =>
        await db.ScalarAsync<long>($"SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND {OwnSessions}") > 0;

    private static async Task<bool> WaitingOnRowLockAsync(TestDatabase db) =>
        await db.ScalarAsync<long>($"SELECT COUNT(*) FROM pg_locks WHERE locktype IN ('transactionid', 'tuple') AND NOT granted AND {OwnSessions}") > 0;
}
