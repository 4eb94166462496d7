using QeV.Domain.Facts;
using QeV.Worker.Store;
using QeV.Worker.Store.Bulk;
using QeV.Worker.Tests.Support;

namespace QeV.Worker.Tests.Store;

/// <summary>`qev generate` writes the synthetic data set with the engine's bulk path; the same seed gives the same rows.</summary>
public sealed class SyntheticLoaderTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task LoadAsync_SameSeedTwice_WritesIdenticalRowsThatTheFactStoreReads(TestEngine engine)
    {
        // Given
        using var first = await TestDatabase.CreateAsync(engine);
        using var second = await TestDatabase.CreateAsync(engine);

        // When
        var rows = await new SyntheticLoader(first.Database).LoadAsync(5, Today, 300, null, CancellationToken.None);
        await new SyntheticLoader(second.Database).LoadAsync(5, Today, 300, null, CancellationToken.None);

        // Then
        var counts = await first.CountRowsAsync();
        counts.Values.Sum().ShouldBe(rows);
        counts["cases"].ShouldBe(300);
        counts["meetings"].ShouldBeGreaterThan(600);
        counts["appointments"].ShouldBeGreaterThan(2_000);
        counts["fuehrungszeugnisse"].ShouldBeGreaterThan(0);
        counts["trainings"].ShouldBeGreaterThan(0);
        counts["home_visits"].ShouldBeGreaterThan(0);
        counts["agreements"].ShouldBeGreaterThan(0);
        counts["ag78_sessions"].ShouldBeGreaterThan(0);
        (await second.SnapshotAsync()).ShouldBe(await first.SnapshotAsync());

        var facts = await first.LoadFactsAsync();
        facts.Staff.Count(s => s.Role == StaffRole.Fachkraft && facts.FindOrganisation(s.OrganisationId)?.Kind == OrganisationKind.Jugendamt)
            .ShouldBe(300 / 25);
        facts.Appointments.Count(a => a.Outcome == AppointmentOutcome.NoShow).ShouldBeGreaterThan(0);
        facts.Staff.Where(s => facts.FindOrganisation(s.OrganisationId)?.Kind == OrganisationKind.Traeger)
            .Count(s => !facts.FuehrungszeugnisseByStaff[s.StaffId].Any()).ShouldBeGreaterThan(0);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task LoadAsync_DifferentSeed_WritesOtherRows(TestEngine engine)
    {
        using var first = await TestDatabase.CreateAsync(engine);
        using var second = await TestDatabase.CreateAsync(engine);

        await new SyntheticLoader(first.Database).LoadAsync(5, Today, 50, null, CancellationToken.None);
        await new SyntheticLoader(second.Database).LoadAsync(6, Today, 50, null, CancellationToken.None);

        (await second.SnapshotAsync()).ShouldNotBe(await first.SnapshotAsync());
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task LoadAsync_DatabaseWithCases_RefusesAndWritesNothing(TestEngine engine)
    {
        using var db = await TestDatabase.CreateAsync(engine);
        await new SyntheticLoader(db.Database).LoadAsync(1, Today, 30, null, CancellationToken.None);
        var before = await db.SnapshotAsync();

        var ex = await Should.ThrowAsync<StoreUnavailableException>(
            () => new SyntheticLoader(db.Database).LoadAsync(2, Today, 30, null, CancellationToken.None));

        ex.Message.ShouldContain("leere Datenbank");
        (await db.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task LoadAsync_Progress_EndsWithTheCommitAfterTheLastCases()
    {
        // Given: at a million cases the commit took 45 s after the last progress line, with nothing said meanwhile
        using var db = await TestDatabase.CreateAsync(TestEngine.Sqlite);
        var lines = new List<string>();

        // When
        await new SyntheticLoader(db.Database).LoadAsync(3, Today, 5000, new SyncProgress(lines), CancellationToken.None);

        // Then
        lines.Count.ShouldBeGreaterThan(1);
        lines[^2].ShouldContain("Fällen (100 %)");
        lines[^1].ShouldStartWith("Alle Zeilen geschrieben (");
        lines[^1].ShouldContain("die Transaktion wird abgeschlossen");
    }

    private sealed class SyncProgress(List<string> lines) : IProgress<string>
    {
        public void Report(string value) => lines.Add(value);
    }
}
