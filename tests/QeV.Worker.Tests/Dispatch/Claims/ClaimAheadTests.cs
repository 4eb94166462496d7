using System.Globalization;
using QeV.Worker.Tests.Guards;
using QeV.Worker.Tests.Notifications;
using QeV.Worker.Tests.Support;
using static QeV.Worker.Tests.Notifications.NotificationData;

namespace QeV.Worker.Tests.Dispatch.Claims;

/// <summary>
/// The dispatcher claims and prepares its next batch while the current one is sent (NoticeDispatcher.ClaimNextAsync).
/// A run that ends early must give that batch back untouched: nothing stays claimed, nothing counts as tried.
/// </summary>
public sealed class ClaimAheadTests
{
    /// <summary>The usual files, but each of <paramref name="workers"/> cases with a key worker of its own (one address each).</summary>
    private static Dictionary<string, string> ManyAddresses(string domain, int workers)
    {
        var files = Files(domain, cases: workers);
        var staff = Enumerable.Range(1, workers).Select(n => string.Create(CultureInfo.InvariantCulture,
            $"S-K{n},TR-1,T-1,Fachkraft {n},k{n}@{domain},fachkraft,true,,,,2021-02-01"));
        files["staff.csv"] = files["staff.csv"].TrimEnd('\n') + "\n" + string.Join('\n', staff) + "\n";
        var cases = files["cases.csv"].Split('\n', StringSplitOptions.RemoveEmptyEntries);
        files["cases.csv"] = string.Join('\n', cases.Select((line, i) => i == 0 ? line : line[..line.LastIndexOf(',')] + ",S-K" + i)) + "\n";
        return files;
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Dispatch_TransportFailsWhileTheNextBatchIsClaimed_ThatBatchIsGivenBackAndNothingStaysClaimed(TestEngine engine)
    {
        // Given: 120 reminders to 120 addresses (the first claim takes 50, the one ahead 100), and a pickup "folder" that
        // is a file, so every mail fails as the transport's fault and the breaker opens within the first batch
        var domain = NewDomain();
        using var db = await GuardData.DatabaseAsync(engine, ManyAddresses(domain, 120));
        var clock = ManualTimeProvider.AtOffice(Day, new TimeOnly(9, 0));
        var notAFolder = db.Folder.Combine("mail-out");
        using var worker = TestWorker.Pickup(db, clock, notAFolder);
        await worker.Cycle.ScanAsync(Day, CancellationToken.None);
        if (Directory.Exists(notAFolder))
            Directory.Delete(notAFolder, recursive: true);
        await File.WriteAllTextAsync(notAFolder, "kein Ordner");
        (await db.ScalarAsync<long>("SELECT COUNT(DISTINCT to_address) FROM notices WHERE kind = 'reminder'")).ShouldBeGreaterThan(100);

        // When
        var result = await worker.Dispatcher.DispatchAsync(Day, true, CancellationToken.None);

        // Then: stopped by the breaker, nothing sent, nothing left claimed, every notice owed as before or failed
        result.Stopped.ShouldBeTrue();
        result.Outage.ShouldNotBeNull().ShouldContain($"Ablageordner {notAFolder} nicht beschreibbar");
        result.Sent.ShouldBe(0);
        (await db.ScalarAsync<long>("SELECT COUNT(*) FROM notices WHERE state = 'sending' OR claimed_by IS NOT NULL")).ShouldBe(0);
        (await db.ScalarAsync<long>("SELECT COUNT(*) FROM notices WHERE state NOT IN ('pending', 'failed')")).ShouldBe(0);
        (await db.ScalarAsync<long>("SELECT COUNT(*) FROM ledger_journal")).ShouldBe(0);
    }
}
