using QeV.Domain.Facts;
using QeV.Domain.Rules;
using static QeV.Domain.Tests.Support.Builders.ProfileContexts;

namespace QeV.Domain.Tests.Rules.Boundaries;

/// <summary>
/// F02, seed 000 (Anlage, Hilfeplanverfahren): "Die Hilfeplanfortschreibung erfolgt halbjährlich, erstmals 6 Monate nach
/// Hilfebeginn. Bei veränderten Lebensumständen bzw. in Krisensituationen kann vor Ablauf der 6 Monate eine
/// Hilfeplanfortschreibung erfolgen." Under magdeburg (CountFrom hilfebeginn) the next one is due 6 months after the
/// latest held Fortschreibung: the latest of several, and neither a planned one nor a held first Hilfeplangespräch.
/// </summary>
public sealed class F02LatestHeldFortschreibungTests
{
    private static readonly DateOnly AsOf = new(2026, 6, 2);

    [Fact]
    public void Evaluate_ThreeHeldFortschreibungen_CountsFromTheLatest()
    {
        // Given: help since 15.01.2025; held 10.07.2025, 12.01.2026 and (in a crisis) 01.10.2025, out of order
        var facts = new FactsBuilder()
            .WithMeeting("M-1", new DateOnly(2025, 7, 10), status: MeetingStatus.Held)
            .WithMeeting("M-2", new DateOnly(2026, 1, 12), status: MeetingStatus.Held)
            .WithMeeting("M-3", new DateOnly(2025, 10, 1), status: MeetingStatus.Held);

        // When
        var deadline = Evaluate(new F02HilfeplanfortschreibungRule(), facts, "magdeburg", AsOf).ShouldHaveSingleItem();

        // Then: Monday 12.01.2026 + 6 months = Sunday 12.07.2026, on to Monday 13.07.2026
        // (from the earliest, 10.07.2025, it would be Saturday 10.01.2026, on to Monday 12.01.2026)
        deadline.DueDate.ShouldBe(new DateOnly(2026, 7, 13));
        deadline.Status.ShouldBe(DeadlineStatus.Upcoming);
    }

    [Theory]
    [InlineData(MeetingKind.Fortschreibung, MeetingStatus.Planned)] // the right kind, not held
    [InlineData(MeetingKind.Initial, MeetingStatus.Held)] // held, but the first Hilfeplangespräch
    public void Evaluate_LaterMeetingMatchingOnlyOneCondition_DoesNotCount(MeetingKind kind, MeetingStatus status)
    {
        // Given: the held Fortschreibung of 12.01.2026, then a later meeting on Monday 02.03.2026
        var facts = new FactsBuilder()
            .WithMeeting("M-1", new DateOnly(2026, 1, 12), status: MeetingStatus.Held)
            .WithMeeting("M-2", new DateOnly(2026, 3, 2), kind, status);

        // When
        var deadline = Evaluate(new F02HilfeplanfortschreibungRule(), facts, "magdeburg", AsOf).ShouldHaveSingleItem();

        // Then: still Monday 13.07.2026 (counted from 02.03.2026 it would be Wednesday 02.09.2026)
        deadline.DueDate.ShouldBe(new DateOnly(2026, 7, 13));
    }
}
