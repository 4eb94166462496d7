using System.Globalization;
using QeV.Domain.Calendar;
using QeV.Domain.Facts;
using QeV.Domain.Profiles;
using QeV.Domain.Rules;

namespace QeV.Domain.Planning;

/// <summary>Decides which notice is owed to whom, at which stage, for every deadline on a day. Pure: no I/O.</summary>
public sealed class NoticePlanner(NotificationRulesOptions rules, BusinessCalendar calendar)
{
    public NoticePlan Plan(DeadlineSnapshot snapshot, DateOnly day)
    {
        var notices = new List<PlannedNotice>();
        var problems = new List<DataProblem>();
        foreach (var deadline in snapshot.Deadlines)
        {
            if (!rules.For(deadline.Rule, out var options))
            {
                continue;
            }

            var facts = snapshot.Facts;
            var state = People.StateOf(facts, deadline.OrganisationId, snapshot.Context.DefaultState);
            var missing = deadline.Rule == "F12" && F12FuehrungszeugnisRule.IsMissing(facts, deadline.SubjectId);
            if (StageSchedule.Owed(deadline, options, day, calendar, state, missing) is not { } stage)
            {
                continue;
            }

            PlanStage(facts, deadline, stage, options, day, rules.ProfileName, notices, problems);
        }

        return new NoticePlan(notices, problems);
    }

    private static void PlanStage(
        FactSet facts, Deadline deadline, Stage stage, RuleNoticeOptions options, DateOnly day, string? profile,
        List<PlannedNotice> notices, List<DataProblem> problems)
    {
        var context = Describe(deadline);
        var drafts = Drafts(deadline, stage, options);
        var routed = drafts.Select(d => (Draft: d, To: Route(facts, d.StaffId, day, context, problems))).ToList();

        foreach (var (draft, to) in routed)
        {
            if (to is null)
            {
                continue;
            }

            var cc = draft.Cc
                .Select(c => Route(facts, c.StaffId, day, context, problems))
                .OfType<Recipient>()
                .Where(r => r.Email != to.Email)
                .DistinctBy(r => r.Email)
                .ToList();
            var others = routed.Where(r => r.Draft != draft && r.To is not null)
                .Select(r => $"{r.To!.DisplayName} ({r.Draft.Role})")
                .Concat(cc.Select(c => $"{c.DisplayName} (in Kopie)"))
                .Distinct()
                .ToList();

            var content = new NoticeContent
            {
                Key = $"{deadline.Key}/{draft.KeyStage ?? stage.Id}/{draft.Kind.ToString().ToLowerInvariant()}/{draft.StaffId ?? "-"}",
                DeadlineKey = deadline.Key,
                Profile = profile,
                Kind = draft.Kind,
                Stage = stage.Id,
                Rule = deadline.Rule,
                RuleName = deadline.Name,
                SubjectType = Codes.Of(deadline.SubjectType),
                SubjectId = deadline.SubjectId,
                CaseId = deadline.CaseId,
                FileReference = deadline.FileReference,
                DueDate = deadline.DueDate,
                Day = day,
                Status = Codes.Of(deadline.Status),
                To = to,
                Cc = cc,
                AlsoInformed = others,
                ResponsibleName = facts.FindStaff(deadline.ResponsibleStaffId)?.DisplayName,
                Urgent = stage.Kind == NoticeKind.Notice,
            };
            notices.Add(new PlannedNotice(content, draft.StaffId, day));
        }
    }

    /// <summary>Who gets which mail at a stage (the routing table of the notification issue).</summary>
    private static List<NoticeDraft> Drafts(Deadline d, Stage stage, RuleNoticeOptions options)
    {
        var escalation = d.EscalationStaffId ?? d.SupervisorStaffId;
        var escalationRole = d.EscalationStaffId is not null ? "Teamleitung" : "Leitung";
        return stage.Kind switch
        {
            NoticeKind.Notice =>
                [new(NoticeKind.Notice, d.InformedStaffId, "fallführende Fachkraft", [(d.ResponsibleStaffId, "Bezugsbetreuung"), (d.EscalationStaffId, "Teamleitung")])],
            NoticeKind.Missing =>
                [new(NoticeKind.Missing, d.ResponsibleStaffId, "zuständig", [(escalation, escalationRole)])],
            NoticeKind.Reminder =>
                [new(NoticeKind.Reminder, d.ResponsibleStaffId, "zuständig",
                    stage.IsLastReminder && options.CcEscalationOnLastReminder ? [(escalation, escalationRole)] : [])],
            NoticeKind.Due => [new(NoticeKind.Due, d.ResponsibleStaffId, "zuständig", [])],
            _ => OverdueDrafts(d, stage, escalation, escalationRole),
        };
    }

    private static List<NoticeDraft> OverdueDrafts(Deadline d, Stage stage, string? escalation, string escalationRole)
    {
        var drafts = new List<NoticeDraft> { new(NoticeKind.Overdue, d.ResponsibleStaffId, "zuständig", []) };
        if (escalation is not null && escalation != d.ResponsibleStaffId)
        {
            drafts.Add(new(NoticeKind.Escalation, escalation, escalationRole, []));
        }

        // The case manager is told once per deadline: planned at every overdue stage under one key, so a catch-up that
        // starts at a later overdue stage still sends it, and later stages do not repeat it.
        if (d.InformedStaffId is not null)
        {
            drafts.Add(new(NoticeKind.Note, d.InformedStaffId, "fallführende Fachkraft", []) { KeyStage = "overdue" });
        }

        return drafts;
    }

    private static Recipient? Route(FactSet facts, string? staffId, DateOnly day, string context, List<DataProblem> problems)
    {
        var routed = RecipientRouter.Route(facts, staffId, day, context);
        problems.AddRange(routed.Problems.Select(p => new DataProblem(p, People.EscalationFor(facts, p.StaffId))));
        return routed.Recipient;
    }

    private static string Describe(Deadline d) => string.Create(CultureInfo.InvariantCulture,
        $"{d.Rule} {d.Name}{(d.FileReference is null ? "" : " zu " + d.FileReference)}, fällig {d.DueDate:dd.MM.yyyy}");
}
