using QeV.Domain.Facts;
using QeV.Worker.Sources;
using QeV.Worker.Tests.Support;

namespace QeV.Worker.Tests.Sources;

/// <summary>A query with @changedSince reads only what changed; a full read after Sources:FullReadInterval drops deleted rows.</summary>
public sealed class ChangedSinceTests
{
    private static readonly DateOnly Day = new(2026, 11, 23);

    [Fact]
    public async Task LoadAsync_QueryWithChangedSince_MergesChangesAndDropsDeletedRowsOnlyAtTheNextFullRead()
    {
        // Given: every meeting last changed on 1 November; the worker's clock at 08:00 UTC on the scan day
        using var store = await TestDatabase.CreateAsync();
        using var source = await Fachverfahren.DemoAsync(20);
        await source.ExecuteAsync("UPDATE fv.hilfeplangespraech SET geaendert_am = '2026-11-01 12:00'");
        var options = SourceTestParts.Options(source, "organisations", "teams", "staff", "cases");
        options.Queries["meetings"] = new SourceQueryOptions
        {
            Sql = "SELECT * FROM qev.meetings WHERE @changedSince IS NULL OR changed_at >= @changedSince",
        };
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
        using var loader = SourceTestParts.Loader(store, options, time);
        var first = await loader.LoadAsync(Day, CancellationToken.None);
        var changed = first.Meetings.First(m => m.Status == MeetingStatus.Planned).MeetingId;
        var deleted = first.Meetings.First(m => m.MeetingId != changed).MeetingId;

        // When: one meeting held at 09:00, another deleted; a scan at 09:30 and one a day later
        await source.ExecuteAsync("UPDATE fv.hilfeplangespraech SET status_code = 2, geaendert_am = '2026-11-23 09:00' WHERE hpg_nr = @id", ("id", changed));
        await source.ExecuteAsync("DELETE FROM fv.eingang WHERE hpg_nr = @id", ("id", deleted));
        await source.ExecuteAsync("DELETE FROM fv.hilfeplangespraech WHERE hpg_nr = @id", ("id", deleted));
        time.UtcNow = new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);
        var changesOnly = await loader.LoadAsync(Day, CancellationToken.None);
        time.UtcNow = new DateTimeOffset(2026, 11, 24, 9, 30, 0, TimeSpan.Zero);
        var full = await loader.LoadAsync(Day, CancellationToken.None);

        // Then
        first.Meetings.Single(m => m.MeetingId == changed).Status.ShouldBe(MeetingStatus.Planned);
        changesOnly.Meetings.Single(m => m.MeetingId == changed).Status.ShouldBe(MeetingStatus.Held);
        changesOnly.Meetings.Count.ShouldBe(first.Meetings.Count, "a read of changes cannot see a deletion");
        changesOnly.Meetings.ShouldContain(m => m.MeetingId == deleted);
        full.Meetings.Count.ShouldBe(first.Meetings.Count - 1);
        full.Meetings.ShouldNotContain(m => m.MeetingId == deleted);
        full.Meetings.Single(m => m.MeetingId == changed).Status.ShouldBe(MeetingStatus.Held);
    }
}
