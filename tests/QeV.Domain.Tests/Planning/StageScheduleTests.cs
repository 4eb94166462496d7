using System.Globalization;
using QeV.Domain.Calendar;
using QeV.Domain.Planning;
using QeV.Domain.Profiles;
using QeV.Domain.Rules;
using static QeV.Domain.Tests.Support.Builders.RuleContexts;

namespace QeV.Domain.Tests.Planning;

/// <summary>
/// The stages of each rule (notification issue): F01 10 and 3 business days before, on the due day, 1 business day
/// overdue, weekly while overdue; F06 at once; F07 8 and 2 weeks before, overdue, monthly; F09 6 and 2 months before,
/// overdue, monthly; F12 90 and 30 days before, the due day, overdue, weekly; a missing F12 certificate at once.
/// Business days are those of the organisation's Bundesland; all dates below are computed by hand.
/// </summary>
public sealed class StageScheduleTests
{
    private static Deadline Deadline(string rule, string due, DeadlineStatus status = DeadlineStatus.Upcoming) =>
        new(rule, rule, SubjectType.Meeting, "M-1", "C-17", "51.2-0815/25", Day(due), status, "S-7", "S-2");

    private static RuleNoticeOptions Defaults(string rule) => PlanningFacts.DefaultStages.Stages[rule];

    private static List<string> StagesUpTo(string rule, string due, string day, Bundesland state = Bundesland.ST, bool missing = false) =>
        StageSchedule.StagesUpTo(Deadline(rule, due), Defaults(rule), Day(day), PlanningFacts.Calendar, state, missing)
            .Select(s => s.Id + "@" + s.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .ToList();

    [Fact]
    public void StagesUpTo_F01_TenAndThreeBusinessDaysBeforeDueDayThenOneBusinessDayOverdueAndWeekly()
    {
        // Given: due Monday 15.06.2026. 10 business days back: 12, 11, 10, 9, 8, 5, 4, 3, 2, 1 June (no holiday in ST);
        // 3 back: 12, 11, 10 June; 1 business day after: Tuesday 16 June; then every 7 days

        // When
        var stages = StagesUpTo("F01", "2026-06-15", "2026-06-30");

        // Then
        stages.ShouldBe(
        [
            "reminder-10bd@2026-06-01", "reminder-3bd@2026-06-10", "due@2026-06-15", "overdue@2026-06-16",
            "overdue-2@2026-06-23", "overdue-3@2026-06-30",
        ]);
    }

    [Fact]
    public void StagesUpTo_F01AcrossEasterInSachsenAnhalt_SkipsKarfreitagAndOstermontag()
    {
        // Given: due Tuesday 07.04.2026; Karfreitag 03.04. and Ostermontag 06.04. are no business days.
        // 3 back: 02.04., 01.04., 31.03.; 10 back: …, 23.03., 20.03.; 1 after: Wednesday 08.04.

        // When
        var stages = StagesUpTo("F01", "2026-04-07", "2026-04-08");

        // Then
        stages.ShouldBe(["reminder-10bd@2026-03-20", "reminder-3bd@2026-03-31", "due@2026-04-07", "overdue@2026-04-08"]);
    }

    [Fact]
    public void StagesUpTo_F01InNordrheinWestfalen_FronleichnamIsNoBusinessDay()
    {
        // Given: due Monday 15.06.2026; Fronleichnam (Thursday 04.06.2026) is a holiday in NW, not in ST

        // When
        var nw = StagesUpTo("F01", "2026-06-15", "2026-06-01", Bundesland.NW);
        var st = StagesUpTo("F01", "2026-06-15", "2026-06-01", Bundesland.ST);

        // Then
        nw.ShouldBe(["reminder-10bd@2026-05-29"]);
        st.ShouldBe(["reminder-10bd@2026-06-01"]);
    }

    [Fact]
    public void StagesUpTo_F01DueOnFriday_OverdueOnMonday()
    {
        // Given: due Friday 12.06.2026

        // When
        var stages = StagesUpTo("F01", "2026-06-12", "2026-06-15");

        // Then
        stages.ShouldContain("due@2026-06-12");
        stages.ShouldContain("overdue@2026-06-15");
    }

    [Theory]
    [InlineData("2026-05-29", null)]
    [InlineData("2026-06-01", "reminder-10bd")]
    [InlineData("2026-06-09", "reminder-10bd")]
    [InlineData("2026-06-10", "reminder-3bd")]
    [InlineData("2026-06-12", "reminder-3bd")]
    [InlineData("2026-06-15", "due")]
    [InlineData("2026-06-16", "overdue")]
    [InlineData("2026-06-22", "overdue")]
    [InlineData("2026-06-23", "overdue-2")]
    [InlineData("2026-07-14", "overdue-5")]
    public void Owed_F01OnEachDay_LatestStageReachedOnly(string day, string? expected)
    {
        // Given: due Monday 15.06.2026; a day between two stages still owes the earlier one (the ledger holds it once)

        // When
        var owed = StageSchedule.Owed(Deadline("F01", "2026-06-15"), Defaults("F01"), Day(day), PlanningFacts.Calendar, Bundesland.ST);

        // Then
        (owed?.Id).ShouldBe(expected);
    }

    [Fact]
    public void Owed_ManyStagesMissed_CollapsesIntoTheLatestOne()
    {
        // Given: nothing ran since before the first reminder; on 24.06.2026 five stages lie in the past

        // When
        var all = StageSchedule.StagesUpTo(Deadline("F01", "2026-06-15"), Defaults("F01"), Day("2026-06-24"), PlanningFacts.Calendar, Bundesland.ST);
        var owed = StageSchedule.Owed(Deadline("F01", "2026-06-15"), Defaults("F01"), Day("2026-06-24"), PlanningFacts.Calendar, Bundesland.ST);

        // Then
        all.Count.ShouldBe(5);
        owed.ShouldNotBeNull().Id.ShouldBe("overdue-2");
    }

    [Fact]
    public void Owed_Fulfilled_NothingEvenWhenPastDue()
    {
        // Given
        var deadline = Deadline("F01", "2026-06-15", DeadlineStatus.Fulfilled);

        // When
        var owed = StageSchedule.Owed(deadline, Defaults("F01"), Day("2026-06-23"), PlanningFacts.Calendar, Bundesland.ST);

        // Then
        owed.ShouldBeNull();
    }

    [Fact]
    public void Owed_RuleDisabled_Nothing()
    {
        // Given
        var options = new RuleNoticeOptions { Enabled = false, Reminders = ["3bd"], OnDueDay = true, EscalateAfter = "1bd" };

        // When
        var owed = StageSchedule.Owed(Deadline("F01", "2026-06-15"), options, Day("2026-06-16"), PlanningFacts.Calendar, Bundesland.ST);

        // Then
        owed.ShouldBeNull();
    }

    [Fact]
    public void StagesUpTo_F06_OneImmediateNoticeOnTheDayOfTheThirdAppointment()
    {
        // Given: the third appointment without cooperation on Friday 05.06.2026

        // When
        var before = StagesUpTo("F06", "2026-06-05", "2026-06-04");
        var onTheDay = StageSchedule.StagesUpTo(Deadline("F06", "2026-06-05"), Defaults("F06"), Day("2026-06-05"), PlanningFacts.Calendar, Bundesland.ST);
        var weeksLater = StagesUpTo("F06", "2026-06-05", "2026-07-01");

        // Then
        before.ShouldBeEmpty();
        onTheDay.Count.ShouldBe(1);
        onTheDay[0].Kind.ShouldBe(NoticeKind.Notice);
        weeksLater.ShouldBe(["notice@2026-06-05"]);
    }

    [Fact]
    public void StagesUpTo_F07_EightAndTwoWeeksBeforeThenOverdueAndMonthly()
    {
        // Given: due Wednesday 10.06.2026; 8 weeks before 15.04., 2 weeks before 27.05.; no due-day stage;
        // overdue one day after (11.06.), then monthly from there

        // When
        var stages = StagesUpTo("F07", "2026-06-10", "2026-08-11");

        // Then
        stages.ShouldBe(
        [
            "reminder-8w@2026-04-15", "reminder-2w@2026-05-27", "overdue@2026-06-11", "overdue-2@2026-07-11", "overdue-3@2026-08-11",
        ]);
    }

    [Fact]
    public void StagesUpTo_MonthlyRepeatsAtMonthEnd_CountFromTheStartWithoutDrift()
    {
        // Given: F07 due Friday 30.01.2026, overdue on 31.01.

        // When
        var stages = StagesUpTo("F07", "2026-01-30", "2026-03-31");

        // Then: 31.01. → 28.02. → 31.03. (not 28.03.)
        stages.Where(s => s.StartsWith("overdue", StringComparison.Ordinal))
            .ShouldBe(["overdue@2026-01-31", "overdue-2@2026-02-28", "overdue-3@2026-03-31"]);
    }

    [Fact]
    public void StagesUpTo_F09_SixAndTwoMonthsBeforeThenOverdueAndMonthly()
    {
        // Given: due Monday 15.06.2026

        // When
        var stages = StagesUpTo("F09", "2026-06-15", "2026-07-16");

        // Then
        stages.ShouldBe(["reminder-6m@2025-12-15", "reminder-2m@2026-04-15", "overdue@2026-06-16", "overdue-2@2026-07-16"]);
    }

    [Fact]
    public void StagesUpTo_F12_NinetyAndThirtyDaysBeforeDueDayThenOverdueAndWeekly()
    {
        // Given: due Wednesday 16.09.2026; 90 days before Thursday 18.06., 30 days before Monday 17.08.

        // When
        var stages = StageSchedule.StagesUpTo(Deadline("F12", "2026-09-16"), Defaults("F12"), Day("2026-09-24"), PlanningFacts.Calendar, Bundesland.ST);

        // Then
        stages.Select(s => s.Id + "@" + s.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ShouldBe(
        [
            "reminder-90d@2026-06-18", "reminder-30d@2026-08-17", "due@2026-09-16", "overdue@2026-09-17", "overdue-2@2026-09-24",
        ]);
        stages.Single(s => s.IsLastReminder).Id.ShouldBe("reminder-30d");
        stages.Single(s => s.IsFirstOverdue).Id.ShouldBe("overdue");
    }

    [Fact]
    public void StagesUpTo_F12MissingCertificate_AtOnceThenWeekly()
    {
        // Given: no certificate on record, due (employed since) Monday 02.03.2026

        // When
        var stages = StagesUpTo("F12", "2026-03-02", "2026-03-16", missing: true);

        // Then
        stages.ShouldBe(["missing@2026-03-02", "missing-2@2026-03-09", "missing-3@2026-03-16"]);
    }

    [Theory]
    [InlineData("1w")]
    [InlineData("3d")]
    [InlineData("1m")]
    [InlineData("2bd")]
    [InlineData(null)]
    public void Owed_EveryDayOfTwoYearsOverdue_IsTheLatestOfAllStagesUpToThatDay(string? repeat)
    {
        // Given: Owed keeps only the last repeat; it must name the stage a stable sort of every stage up to the day names
        var options = new RuleNoticeOptions { Reminders = ["10bd", "3bd"], OnDueDay = true, EscalateAfter = "1bd", RepeatOverdue = repeat };
        var deadline = Deadline("F01", "2026-01-30", DeadlineStatus.Overdue);
        foreach (var missing in new[] { false, true })
        {
            for (var day = Day("2026-01-01"); day <= Day("2028-01-31"); day = day.AddDays(1))
            {
                // When
                var owed = StageSchedule.Owed(deadline, options, day, PlanningFacts.Calendar, Bundesland.ST, missing);

                // Then
                var expected = StageSchedule.StagesUpTo(deadline, options, day, PlanningFacts.Calendar, Bundesland.ST, missing)
                    .OrderBy(s => s.Date).LastOrDefault();
                owed.ShouldBe(expected, $"{repeat} {missing} {day:yyyy-MM-dd}");
            }
        }
    }
}
