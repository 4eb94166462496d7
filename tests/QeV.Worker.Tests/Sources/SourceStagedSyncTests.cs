using QeV.Domain.Facts;
using QeV.Domain.Tables;
using QeV.Worker.Sources;
using QeV.Worker.Tests.Support;

namespace QeV.Worker.Tests.Sources;

/// <summary>
/// The streamed source sync on a real SQLite and a real PostgreSQL store: a row that turns bad keeps its last good
/// version, a row gone from the source leaves the copy, equal rows are not rewritten, reads span several batches.
/// </summary>
public sealed class SourceStagedSyncTests
{
    private static readonly DateOnly Day = new(2026, 11, 23);

    private static readonly string[] All = ImportCatalog.Tables.Select(t => t.Table).ToArray();

    private const string FirstMeeting = "(SELECT min(hpg_nr) FROM fv.hilfeplangespraech)";
    private const string LastMeeting = "(SELECT max(hpg_nr) FROM fv.hilfeplangespraech)";

    [Theory]
    [InlineData(TestEngine.Sqlite)]
    [InlineData(TestEngine.Postgres)]
    public async Task SyncAsync_RowTurnsBad_KeepsItsLastGoodVersionAndReportsIt(TestEngine engine)
    {
        // Given: a good read; then one meeting gets an unknown status and a new date, another only a new date
        using var read = await GoodRead.OfAsync(engine);
        var (store, source, loader, before) = (read.Store, read.Source, read.Loader, read.Before);
        var badId = await MeetingIdAsync(store, "min");
        var goodId = await MeetingIdAsync(store, "max");
        await source.ExecuteAsync($"UPDATE fv.hilfeplangespraech SET status_code = 7, termin = termin + interval '5 days' WHERE hpg_nr = {FirstMeeting}");
        await source.ExecuteAsync($"UPDATE fv.hilfeplangespraech SET termin = termin + interval '3 days' WHERE hpg_nr = {LastMeeting}");

        // When
        var after = await loader.LoadAsync(Day, CancellationToken.None);

        // Then: the bad row is reported and its stored version is the one of the good read; the good change went on
        var problem = loader.Health.Problems.ShouldHaveSingleItem();
        problem.Entity.ShouldBe("meetings");
        problem.Key.ShouldBe(badId);
        problem.Column.ShouldBe("status");
        after.Meetings.Single(m => m.MeetingId == badId).ShouldBe(before.Meetings.Single(m => m.MeetingId == badId));
        after.Meetings.Single(m => m.MeetingId == goodId).Date.ShouldBe(before.Meetings.Single(m => m.MeetingId == goodId).Date.AddDays(3));
        after.Meetings.Count.ShouldBe(before.Meetings.Count);
        (await store.ScalarAsync<long>("SELECT row_count FROM source_reads WHERE entity = 'meetings'")).ShouldBe(before.Meetings.Count);
    }

    [Theory]
    [InlineData(TestEngine.Sqlite)]
    [InlineData(TestEngine.Postgres)]
    public async Task SyncAsync_RowDeletedInTheSource_IsDeletedFromTheCopyAndEqualRowsStayUntouched(TestEngine engine)
    {
        // Given: a good read, then one meeting deleted in the source
        using var read = await GoodRead.OfAsync(engine);
        var (store, source, loader, before) = (read.Store, read.Source, read.Loader, read.Before);
        var goneId = await MeetingIdAsync(store, "min");
        var stayId = await MeetingIdAsync(store, "max");
        var versionBefore = await RowVersionAsync(store, stayId);
        await source.ExecuteAsync($"DELETE FROM fv.hilfeplangespraech WHERE hpg_nr = {FirstMeeting}");

        // When
        var after = await loader.LoadAsync(Day, CancellationToken.None);

        // Then
        loader.Health.Problems.ShouldBeEmpty();
        after.Meetings.ShouldNotContain(m => m.MeetingId == goneId);
        after.Meetings.Count.ShouldBe(before.Meetings.Count - 1);
        (await store.ScalarAsync<long>("SELECT COUNT(*) FROM meetings")).ShouldBe(before.Meetings.Count - 1);
        after.Meetings.Single(m => m.MeetingId == stayId).ShouldBe(before.Meetings.Single(m => m.MeetingId == stayId));
        if (versionBefore is not null)
        {
            // PostgreSQL: a rewritten row gets a new xmin; an equal row must keep its own.
            (await RowVersionAsync(store, stayId)).ShouldBe(versionBefore);
        }
    }

    [Theory]
    [InlineData(TestEngine.Sqlite)]
    [InlineData(TestEngine.Postgres)]
    public async Task SyncAsync_ReadOfSeveralBatches_CopiesEveryRowAndStillReportsABadOne(TestEngine engine)
    {
        // Given: batches of 5 rows, far fewer than the source's cases and meetings; one meeting in the last batches bad
        using var store = await TestDatabase.CreateAsync(engine);
        using var source = await Fachverfahren.DemoAsync(20);
        var meetings = (int)await source.CountAsync("fv.hilfeplangespraech");
        var cases = (int)await source.CountAsync("fv.hilfe");
        const int batch = 5;
        meetings.ShouldBeGreaterThan(2 * batch);
        cases.ShouldBeGreaterThan(2 * batch);
        await source.ExecuteAsync($"UPDATE fv.hilfeplangespraech SET status_code = 7 WHERE hpg_nr = {LastMeeting}");
        using var loader = SourceTestParts.Loader(store, SourceTestParts.Options(source, All));
        var saved = StagedSourceSync.RowsPerBatch;
        StagedSourceSync.RowsPerBatch = batch;
        try
        {
            // When
            var facts = await loader.LoadAsync(Day, CancellationToken.None);

            // Then
            facts.Cases.Count.ShouldBe(cases);
            facts.Meetings.Count.ShouldBe(meetings - 1);
            loader.Health.Problems.ShouldHaveSingleItem().Entity.ShouldBe("meetings");
            loader.Health.Entities.Single(c => c.Entity == "meetings").Read.ShouldBe(meetings);
        }
        finally
        {
            StagedSourceSync.RowsPerBatch = saved;
        }
    }

    /// <summary>A store after one good read of the demo Fachverfahren (20 cases), with the loader that read it.</summary>
    private sealed class GoodRead : IDisposable
    {
        private GoodRead(TestDatabase store, Fachverfahren source, SourcedFactLoader loader, FactSet before) =>
            (Store, Source, Loader, Before) = (store, source, loader, before);

        public TestDatabase Store { get; }

        public Fachverfahren Source { get; }

        public SourcedFactLoader Loader { get; }

        public FactSet Before { get; }

        public static async Task<GoodRead> OfAsync(TestEngine engine)
        {
            var store = await TestDatabase.CreateAsync(engine);
            var source = await Fachverfahren.DemoAsync(20);
            var loader = SourceTestParts.Loader(store, SourceTestParts.Options(source, All));
            return new GoodRead(store, source, loader, await loader.LoadAsync(Day, CancellationToken.None));
        }

        public void Dispose()
        {
            Loader.Dispose();
            Source.Dispose();
            Store.Dispose();
        }
    }

    private static async Task<string> MeetingIdAsync(TestDatabase store, string aggregate) =>
        await store.ScalarAsync<string>($"SELECT {aggregate}(meeting_id) FROM meetings");

    private static async Task<string?> RowVersionAsync(TestDatabase store, string meetingId) =>
        store.Engine == TestEngine.Postgres
            ? await store.ScalarAsync<string>("SELECT xmin::text FROM meetings WHERE meeting_id = @id", new { id = meetingId })
            : null;
}
