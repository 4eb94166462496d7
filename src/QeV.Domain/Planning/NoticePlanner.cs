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
        foreach (var deadline in snapshot.ToPlan ?? snapshot.Deadlines)
        {
            PlanOne(snapshot.Facts, snapshot.Context.DefaultState, deadline, day, notices, problems, null);
        }

        problems.AddRange(snapshot.Failures.Select(f => FailureProblem(snapshot.Facts, f)));
        return new NoticePlan(notices, problems);
    }

    /// <summary>
    /// Plans one deadline's owed stage into <paramref name="notices"/> and <paramref name="problems"/>, and returns the
    /// first later day on which its plan can differ (the next stage, a change of absence on its routing, with a
    /// <paramref name="horizon"/>; the next day when it found a data problem, which must be seen every day); null when it
    /// never will (no notices for the rule, no later stage, nothing owed ever again).
    /// </summary>
    public DateOnly? PlanOne(
        FactSet facts, Bundesland defaultState, Deadline deadline, DateOnly day, List<PlannedNotice> notices, List<DataProblem> problems,
        RoutingHorizon? horizon)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        ArgumentNullException.ThrowIfNull(problems);
        if (!rules.For(deadline.Rule, out var options))
        {
            return null;
        }

        var before = problems.Count;
        var state = People.StateOf(facts, deadline.OrganisationId, defaultState);
        var missing = deadline.Rule == "F12" && F12FuehrungszeugnisRule.IsMissing(facts, deadline.SubjectId);
        DateOnly? next = null;
        try
        {
            var stage = StageSchedule.Owed(deadline, options, day, calendar, state, missing);
            next = horizon is null ? null : StageSchedule.NextAfter(deadline, options, day, calendar, state, missing);
            if (stage is not null)
            {
                PlanStage(facts, deadline, stage, options, day, rules.ProfileName, notices, problems);
                next = horizon?.NextChange(deadline) is { } change && (next is null || change < next) ? change : next;
            }
        }
        catch (ArgumentOutOfRangeException ex)
        {
            // A date at the edge of the calendar (year 0001): this deadline cannot be staged, every other one still is.
            problems.Add(FailureProblem(facts, new RuleFailure(deadline.Rule, deadline.CaseId, deadline.FileReference,
                deadline.ResponsibleStaffId, DeadlineEngine.Reason(ex))));
        }

        return problems.Count > before ? day.AddDays(1) : next;
    }

    /// <summary>A rule that failed on a case is a data problem of that case's case manager (and their team lead).</summary>
    public static DataProblem FailureProblem(FactSet facts, RuleFailure failure) => new(
        new DataProblemLine(failure.StaffId ?? "–", facts.FindStaff(failure.StaffId)?.DisplayName, failure.Describe(),
            failure.CaseId is null ? $"Regel {failure.Rule}" : $"Regel {failure.Rule} zu {failure.FileReference ?? failure.CaseId}"),
        People.EscalationFor(facts, failure.StaffId));

    private static void PlanStage(
        FactSet facts, Deadline deadline, Stage stage, RuleNoticeOptions options, DateOnly day, string? profile,
        List<PlannedNotice> notices, List<DataProblem> problems)
    {
        var context = Describe(deadline);
        var escalation = NeedsEscalation(stage, options) ? Escalation(facts, deadline, context, problems) : (null, "");
        var drafts = Drafts(deadline, stage, options, escalation);
        var organisationId = deadline.OrganisationId;
        var routed = drafts.Select(d => (Draft: d, To: Route(facts, d.StaffId, organisationId, day, context, problems))).ToList();

        foreach (var (draft, to) in routed)
        {
            if (to is null)
            {
                continue;
            }

            var cc = draft.Cc
                .Select(c => Route(facts, c.StaffId, organisationId, day, context, problems))
                .OfType<Recipient>()
                .Where(r => r.Email != to.Email)
                .DistinctBy(r => r.Email)
                .ToList();
            var others = routed.Where(r => r.Draft != draft && r.To is not null && r.To.Email != to.Email)
                .Select(r => $"{r.To!.DisplayName} ({RoleOf(facts, deadline, r.Draft)})")
                .Concat(cc.Select(c => $"{c.DisplayName} ({CcRole(facts, deadline, draft, c)}, in Kopie)"))
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
                // A mail to the person who must act says "Sie", never "zuständig ist <their name>".
                ResponsibleName = draft.StaffId == deadline.ResponsibleStaffId ? null : facts.FindStaff(deadline.ResponsibleStaffId)?.DisplayName,
                ToRole = RoleOf(facts, deadline, draft),
                // A staff member reading about their own obligation is "Sie", not named (F12, F13, F14's note).
                SubjectName = deadline.SubjectType == SubjectType.Staff && deadline.SubjectId == draft.StaffId ? null : SubjectLabels.SubjectName(facts, deadline),
                Month = SubjectLabels.Month(deadline.Period),
                MeetingDate = deadline.MeetingDate,
                Progress = deadline.Progress,
                Urgent = stage.Kind == NoticeKind.Notice,
                HelpEndedOn = deadline.HelpEndedOn,
            };
            notices.Add(new PlannedNotice(content, draft.StaffId, day));
        }
    }

    /// <summary>An escalation keeps the role it escalates to; everyone else is labelled by their role on the deadline.</summary>
    private static string RoleOf(FactSet facts, Deadline d, NoticeDraft draft) =>
        draft.Kind == NoticeKind.Escalation ? draft.Role : SubjectLabels.RoleOf(facts, d, draft.StaffId);

    private static string CcRole(FactSet facts, Deadline d, NoticeDraft draft, Recipient cc)
    {
        var intended = draft.Cc.FirstOrDefault(c => c.StaffId == cc.StaffId);
        return intended.Role is { Length: > 0 } role && role != "zuständig" ? role : SubjectLabels.RoleOf(facts, d, cc.StaffId);
    }

    /// <summary>Who gets which mail at a stage (the routing table of the notification issue).</summary>
    private static List<NoticeDraft> Drafts(Deadline d, Stage stage, RuleNoticeOptions options, (string? StaffId, string Role) escalationOf)
    {
        var (escalation, escalationRole) = escalationOf;
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
            NoticeKind.Ended => [new(NoticeKind.Ended, d.ResponsibleStaffId, "zuständig", [(escalation, escalationRole)])],
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

    private static bool NeedsEscalation(Stage stage, RuleNoticeOptions options) => stage.Kind switch
    {
        NoticeKind.Overdue or NoticeKind.Missing or NoticeKind.Ended => true,
        NoticeKind.Reminder => stage.IsLastReminder && options.CcEscalationOnLastReminder,
        _ => false,
    };

    /// <summary>
    /// Whom an overdue deadline escalates to: the rule's escalation person (team lead) or supervisor (a Leitung). Where
    /// neither is there (no team, a team without lead, a team lead of their own team without a deputy lead), the
    /// organisation's Leitung, and the gap is a data problem. Only a Leitung who owes the deadline has no one above.
    /// </summary>
    private static (string? StaffId, string Role) Escalation(FactSet facts, Deadline d, string context, List<DataProblem> problems)
    {
        var named = d.EscalationStaffId ?? d.SupervisorStaffId;
        if (named is not null && named != d.ResponsibleStaffId)
        {
            return (named, d.EscalationStaffId is not null ? "Teamleitung" : SubjectLabels.RoleOf(facts, d, named));
        }

        // A team lead who owes the deadline themselves escalates to the team's deputy lead.
        if (People.EscalationFor(facts, d.ResponsibleStaffId) is { } deputyLead && deputyLead != d.ResponsibleStaffId)
        {
            return (deputyLead, "stellvertretende Teamleitung");
        }

        var responsible = facts.FindStaff(d.ResponsibleStaffId);
        if (responsible?.Role == StaffRole.Leitung)
        {
            return (null, "");
        }

        var leitung = People.LeitungOf(facts, responsible?.OrganisationId ?? d.OrganisationId);
        var team = facts.FindTeam(responsible?.TeamId);
        var gap = responsible is null ? "keine zuständige Person, daher keine Teamleitung für die Eskalation"
            : team is null ? "ohne Team, daher keine Teamleitung für die Eskalation"
            : team.LeadStaffId is null ? $"Team {team.Name} ohne Teamleitung, daher keine Eskalation"
            : $"leitet das eigene Team {team.Name} ohne stellvertretende Teamleitung, daher keine Eskalation";
        var line = new DataProblemLine(d.ResponsibleStaffId ?? "–", responsible?.DisplayName,
            leitung is null ? gap + "; keine aktive Leitung hinterlegt" : gap + "; Eskalation an die Leitung", context);
        problems.Add(new DataProblem(line, People.EscalationFor(facts, d.ResponsibleStaffId)));
        return (leitung, leitung is null ? "Leitung" : SubjectLabels.RoleOf(facts, d, leitung));
    }

    /// <summary>
    /// The person, their deputy or team lead (RecipientRouter); at a dead end the Leitung of their organisation (or of the
    /// deadline's), so that no notice is dropped while a Leitung can be reached. Every step is a recorded data problem.
    /// </summary>
    private static Recipient? Route(FactSet facts, string? staffId, string? organisationId, DateOnly day, string context, List<DataProblem> problems)
    {
        var routed = RecipientRouter.Route(facts, staffId, day, context);
        problems.AddRange(routed.Problems.Select(p => new DataProblem(p, People.EscalationFor(facts, p.StaffId))));
        if (routed.Recipient is not null)
        {
            return routed.Recipient;
        }

        var intended = facts.FindStaff(staffId);
        var leitung = People.LeitungOf(facts, intended?.OrganisationId ?? organisationId);
        if (leitung is null || leitung == staffId)
        {
            return null;
        }

        var viaLeitung = RecipientRouter.Route(facts, leitung, day, context);
        problems.AddRange(viaLeitung.Problems.Select(p => new DataProblem(p, People.EscalationFor(facts, p.StaffId))));
        return viaLeitung.Recipient is { } to ? to with { StandsInFor = to.StandsInFor ?? intended?.DisplayName ?? staffId } : null;
    }

    private static string Describe(Deadline d) => string.Create(CultureInfo.InvariantCulture,
        $"{d.Rule} {d.Name}{(d.FileReference is null ? "" : " zu " + d.FileReference)}, fällig {d.DueDate:dd.MM.yyyy}");
}
