using QeV.Domain.Calendar;
using QeV.Domain.Planning;
using QeV.Domain.Rules;
using QeV.Worker.Deadlines;
using QeV.Worker.Ledger;
using QeV.Worker.Office;

namespace QeV.Worker.Notifications;

/// <summary>`preview`: what would be sent on each of the next days, given what the ledger already holds. Sends nothing.</summary>
public sealed class NoticePreview(DeadlineService deadlines, NoticePlanner planner, DigestPlanner digests, NoticeLedger ledger,
    BusinessCalendar calendar, OfficeClock clock)
{
    public async Task<IReadOnlyList<PlannedNotice>> PreviewAsync(DateOnly from, int days, CancellationToken ct)
    {
        var known = await ledger.KeysAsync(ct);
        var facts = (await deadlines.EvaluateAsync(from, ct)).Facts;
        var result = new List<PlannedNotice>();
        for (var day = from; day < from.AddDays(days); day = day.AddDays(1))
        {
            var snapshot = deadlines.Evaluate(facts, day);
            var businessDay = calendar.IsBusinessDay(day, clock.DefaultState);
            var plan = planner.Plan(snapshot, day);
            var owed = plan.Notices.Where(n => businessDay || n.Content.Urgent).ToList();
            if (businessDay)
            {
                owed.AddRange(digests.Plan(snapshot, day, plan.Problems, 7));
            }

            foreach (var notice in owed.Where(n => known.Add(n.Key)))
            {
                result.Add(notice);
            }
        }

        return result;
    }
}
