using QeV.Domain.Calendar;
using QeV.Domain.Planning;
using QeV.Domain.Profiles;
using QeV.Domain.Rules;
using static QeV.Domain.Tests.Support.Builders.RuleContexts;

namespace QeV.Domain.Tests.Planning;

/// <summary>
/// The day a plan by stage date (issue 9, M017) plans a deadline again: the first later day on which the owed stage
/// changes, checked day by day against <see cref="StageSchedule.Owed"/> itself.
/// </summary>
public sealed class StageScheduleNextTests
{
    private static Deadline Deadline(string rule, string due, DeadlineStatus status = DeadlineStatus.Upcoming) =>
        new(rule, rule, SubjectType.Meeting, "M-1", "C-17", "51.2-0815/25", Day(due), status, "S-7", "S-2");

    [Theory]
    [InlineData("1w")]
    [InlineData("3d")]
    [InlineData("1m")]
    [InlineData("2bd")]
    [InlineData(null)]
    public void NextAfter_EveryDayAroundTheDueDate_IsTheFirstLaterDayOwedNamesAnotherStage(string? repeat)
    {
        // Given: the day a plan by stage date plans a deadline again must be the first day its owed stage changes
        var options = new RuleNoticeOptions { Reminders = ["10bd", "3bd"], OnDueDay = true, EscalateAfter = "1bd", RepeatOverdue = repeat };
        var deadline = Deadline("F01", "2026-01-30", DeadlineStatus.Overdue);
        foreach (var missing in new[] { false, true })
        {
            var owed = new List<string?>();
            for (var day = Day("2025-12-01"); day <= Day("2026-06-30"); day = day.AddDays(1))
            {
                owed.Add(StageSchedule.Owed(deadline, options, day, PlanningFacts.Calendar, Bundesland.ST, missing)?.Id);
            }

            for (var i = 0; i < owed.Count - 40; i++)
            {
                // When
                var day = Day("2025-12-01").AddDays(i);
                var next = StageSchedule.NextAfter(deadline, options, day, PlanningFacts.Calendar, Bundesland.ST, missing);

                // Then
                var changes = Enumerable.Range(i + 1, owed.Count - i - 1).FirstOrDefault(j => owed[j] != owed[i], -1);
                var expected = changes < 0 ? (DateOnly?)null : Day("2025-12-01").AddDays(changes);
                if (expected is null)
                {
                    (next is null || next > Day("2026-06-30")).ShouldBeTrue($"{repeat} {missing} {day:yyyy-MM-dd}: {next}");
                }
                else
                {
                    next.ShouldBe(expected, $"{repeat} {missing} {day:yyyy-MM-dd}");
                }
            }
        }
    }

    [Fact]
    public void NextAfter_FulfilledOrDisabled_IsNull()
    {
        var options = new RuleNoticeOptions { Reminders = ["10bd"], OnDueDay = true, EscalateAfter = "1bd", RepeatOverdue = "1w" };
        StageSchedule.NextAfter(Deadline("F01", "2026-01-30", DeadlineStatus.Fulfilled), options, Day("2026-01-01"), PlanningFacts.Calendar, Bundesland.ST)
            .ShouldBeNull();
        StageSchedule.NextAfter(Deadline("F01", "2026-01-30", DeadlineStatus.Upcoming), new RuleNoticeOptions { Enabled = false }, Day("2026-01-01"),
            PlanningFacts.Calendar, Bundesland.ST).ShouldBeNull();
    }
}
