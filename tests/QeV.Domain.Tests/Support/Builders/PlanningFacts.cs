using QeV.Domain.Calendar;
using QeV.Domain.Facts;
using QeV.Domain.Planning;
using QeV.Domain.Rules;
using static QeV.Domain.Tests.Support.Builders.RuleContexts;

namespace QeV.Domain.Tests.Support.Builders;

/// <summary>
/// What the planning tests share: the five rules through <see cref="DeadlineEngine"/> (no store, no service), the
/// real calendar, the default stages, and edits of a <see cref="FactSet"/> that <see cref="Rules.FactsBuilder"/> has
/// no method for (mail addresses, absences, deputies).
/// </summary>
internal static class PlanningFacts
{
    public static BusinessCalendar Calendar { get; } = new();

    public static DeadlineEngine Engine { get; } = new(
    [
        new F01EntwicklungsberichtRule(), new F06MissedAppointmentsRule(), new F07LeistungsberichtRule(),
        new F09Ag78ReviewRule(), new F12FuehrungszeugnisRule(),
    ]);

    public static NotificationRulesOptions DefaultStages { get; } = new();

    public static NoticePlanner Planner { get; } = new(DefaultStages, Calendar);

    /// <summary>The address every staff member gets from <see cref="WithEmails"/>: "s-7@example.de".</summary>
    public static string EmailOf(string staffId) => staffId.ToLowerInvariant() + "@example.de";

    public static DeadlineSnapshot Snapshot(FactSet facts, DateOnly day)
    {
        var context = AsOf(day);
        return new DeadlineSnapshot(facts, context, Engine.Evaluate(facts, context));
    }

    public static NoticePlan Plan(FactSet facts, DateOnly day) => Planner.Plan(Snapshot(facts, day), day);

    /// <summary>The notices of one rule and subject, in the planner's order.</summary>
    public static List<PlannedNotice> Of(this NoticePlan plan, string rule, string subjectId) =>
        plan.Notices.Where(n => n.Content.Rule == rule && n.Content.SubjectId == subjectId).ToList();

    /// <summary>"Kind→To[cc,cc]" per notice: one readable line for comparing who gets what.</summary>
    public static List<string> Routing(this IEnumerable<PlannedNotice> notices) =>
        notices.Select(n => $"{n.Content.Kind}→{n.Content.To.StaffId}[{string.Join(",", n.Content.Cc.Select(c => c.StaffId))}]").ToList();

    /// <summary>Every staff member without an address gets <see cref="EmailOf"/>.</summary>
    public static FactSet WithEmails(this FactSet facts) =>
        Rebuild(facts, staff: facts.Staff.Select(s => s.Email is null ? s with { Email = EmailOf(s.StaffId) } : s).ToList());

    public static FactSet ChangeStaff(this FactSet facts, string staffId, Func<Staff, Staff> change)
    {
        facts.FindStaff(staffId).ShouldNotBeNull($"no staff {staffId}");
        return Rebuild(facts, staff: facts.Staff.Select(s => s.StaffId == staffId ? change(s) : s).ToList());
    }

    public static FactSet Absent(this FactSet facts, string staffId, DateOnly from, DateOnly? until) =>
        facts.ChangeStaff(staffId, s => s with { AbsentFrom = from, AbsentUntil = until });

    public static FactSet Deputy(this FactSet facts, string staffId, string deputyStaffId) =>
        facts.ChangeStaff(staffId, s => s with { DeputyStaffId = deputyStaffId });

    public static FactSet ChangeTeam(this FactSet facts, string teamId, Func<Team, Team> change) =>
        Rebuild(facts, teams: facts.Teams.Select(t => t.TeamId == teamId ? change(t) : t).ToList());

    /// <summary>Adds a staff member with an address.</summary>
    public static FactSet AddStaff(this FactSet facts, Staff staff) =>
        Rebuild(facts, staff: [.. facts.Staff, staff]);

    public static FactSet AddTeam(this FactSet facts, Team team) =>
        Rebuild(facts, teams: [.. facts.Teams, team]);

    private static FactSet Rebuild(FactSet f, IReadOnlyList<Staff>? staff = null, IReadOnlyList<Team>? teams = null) =>
        new(f.Organisations, teams ?? f.Teams, staff ?? f.Staff, f.Cases, f.Meetings, f.Reports, f.Appointments,
            f.Fuehrungszeugnisse, f.Agreements, f.Ag78Sessions, f.Trainings);
}
