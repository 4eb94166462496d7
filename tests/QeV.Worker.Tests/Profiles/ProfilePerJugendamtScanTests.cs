using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QeV.Demo;
using QeV.Domain.Rules;
using QeV.Worker.Deadlines;
using QeV.Worker.Hosting;
using QeV.Worker.Store.Migrations;
using QeV.Worker.Tests.Support;

namespace QeV.Worker.Tests.Profiles;

/// <summary>
/// Issue 10 point 12, seed 000 § 2 Nr. 1 ("für alle regional und überregional tätigen Träger"): the demo data with a
/// second Jugendamt JA-2 that manages one case. Rules:Jugendaemter:JA-2 maps it to a profile whose Entwicklungsbericht
/// is due six weeks (not 14 days) before the Fortschreibung. Through the deadlines table (incremental scan, real database).
/// </summary>
public sealed class ProfilePerJugendamtScanTests
{
    private static readonly DateOnly Day = new(2026, 11, 23);

    private static readonly Dictionary<string, string?> Mapping = new()
    {
        ["Rules:Profiles:jugendamt-2:F01:Parameters:Before"] = "6w",
        ["Rules:Jugendaemter:JA-2"] = "jugendamt-2",
    };

    [Theory]
    [InlineEngineData]
    public async Task FromTable_TwoJugendaemterOnTwoProfiles_DifferentDueDatesAndMappingChangeReevaluates(TestEngine engine)
    {
        // Given: JA-2 manages the case of the first planned Fortschreibung after the day; the other cases stay with JA-1
        using var db = await TestDatabase.CreateAsync(engine);
        await db.WriteAsync(DemoDataGenerator.Generate(78, Day));
        using (var migrate = Host(db, null))
        {
            await migrate.Services.GetRequiredService<Migrator>().MigrateAsync(DateTimeOffset.UnixEpoch, CancellationToken.None);
        }

        var meetings = await db.LoadFactsAsync();
        var moved = meetings.Meetings
            .Where(m => m.Kind == Domain.Facts.MeetingKind.Fortschreibung && m.Status == Domain.Facts.MeetingStatus.Planned && m.Date > Day.AddDays(60))
            .OrderBy(m => m.MeetingId, StringComparer.Ordinal).First();
        await db.ExecuteAsync("INSERT INTO organisations (organisation_id, kind, name, state) VALUES ('JA-2', 'jugendamt', 'Jugendamt Zwei', 'ST')");
        await db.ExecuteAsync(
            "INSERT INTO staff (staff_id, organisation_id, display_name, role, active) VALUES ('S-JA2', 'JA-2', 'Fachkraft Zwei', 'fachkraft', @active)",
            new { active = true });
        await db.ExecuteAsync("UPDATE cases SET case_manager_staff_id = 'S-JA2' WHERE case_id = @id", new { id = moved.CaseId });

        // When: one scan without the mapping, one with it, one without it again
        var before = await F01Async(db, null);
        var (mapped, mappedFull) = await ScanAsync(db, Mapping);
        var after = await F01Async(db, null);

        // Then: only JA-2's case moves, by six weeks minus 14 days (the business-day shift may add a few days)
        var shift = before[moved.MeetingId].DayNumber - mapped[moved.MeetingId].DayNumber;
        shift.ShouldBeInRange(28, 31);
        mapped.Where(kv => kv.Key != moved.MeetingId).ShouldBe(before.Where(kv => kv.Key != moved.MeetingId), ignoreOrder: true);
        mappedFull.ShouldBeTrue("a changed mapping re-evaluates every partition");
        after.ShouldBe(before, ignoreOrder: true);

        // And the table says what the evaluation over all facts says
        using var host = Host(db, Mapping);
        var all = await host.Services.GetRequiredService<DeadlineService>().EvaluateAsync(Day, CancellationToken.None);
        all.Deadlines.Single(d => d.Rule == "F01" && d.SubjectId == moved.MeetingId).DueDate.ShouldBe(mapped[moved.MeetingId]);
    }

    [Fact]
    public async Task Stages_RuleOffInDefaultOnInJugendamtProfile_IsReminded()
    {
        // Given: magdeburg has no Clearingbericht (F19); JA-2 works under bad-duerkheim, which has (seed 002)
        using var db = await TestDatabase.CreateAsync();
        using var host = Host(db, new() { ["Rules:Jugendaemter:JA-2"] = "bad-duerkheim" });
        using var plain = Host(db, null);

        // When
        var stages = host.Services.GetRequiredService<IOptions<Domain.Planning.NotificationRulesOptions>>().Value;
        var without = plain.Services.GetRequiredService<IOptions<Domain.Planning.NotificationRulesOptions>>().Value;

        // Then: its deadlines are planned with bad-duerkheim's stages; the default's own rules keep theirs
        stages.For("F19", out var f19).ShouldBeTrue();
        f19.Reminders.ShouldNotBeEmpty();
        without.For("F19", out _).ShouldBeFalse();
        stages.For("F01", out var f01).ShouldBeTrue();
        without.For("F01", out var plainF01).ShouldBeTrue();
        f01.Reminders.ShouldBe(plainF01.Reminders);
    }

    private static async Task<Dictionary<string, DateOnly>> F01Async(TestDatabase db, Dictionary<string, string?>? settings) =>
        (await ScanAsync(db, settings)).Due;

    private static async Task<(Dictionary<string, DateOnly> Due, bool Full)> ScanAsync(TestDatabase db, Dictionary<string, string?>? settings)
    {
        using var host = Host(db, settings);
        var (snapshot, scan) = await host.Services.GetRequiredService<DeadlineService>()
            .FromTableAsync(Day, null, includeFulfilled: true, CancellationToken.None);
        scan.ShouldNotBeNull();
        return (snapshot.Deadlines.Where(d => d.Rule == "F01").ToDictionary(d => d.SubjectId, (Deadline d) => d.DueDate), scan.Full);
    }

    private static IHost Host(TestDatabase db, Dictionary<string, string?>? settings)
    {
        var builder = QevHost.CreateBuilder([], db.ConnectionString, quiet: true);
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        var host = builder.Build();
        host.Services.GetRequiredService<IStartupValidator>().Validate();
        return host;
    }
}
