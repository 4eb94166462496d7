using System.Globalization;
using QeV.Domain.Calendar;
using QeV.Domain.Facts;
using QeV.Domain.Rules;

namespace QeV.Domain.Planning;

/// <summary>
/// One mail per team lead per business day: the team's overdue deadlines (by rule, oldest first), those due within the
/// next business days, and the team's data problems. Nothing to say, no mail.
/// </summary>
public sealed class DigestPlanner(BusinessCalendar calendar)
{
    /// <summary>
    /// The digests of the day: of every team lead, or of <paramref name="leads"/> only, when the snapshot holds their
    /// teams' deadlines and no more (a digest run in shares, so that no list of every deadline is ever held).
    /// </summary>
    public IReadOnlyList<PlannedNotice> Plan(
        DeadlineSnapshot snapshot, DateOnly day, IReadOnlyList<DataProblem> problems, int dueSoonBusinessDays, IReadOnlySet<string>? leads = null)
    {
        var facts = snapshot.Facts;
        var notices = new List<PlannedNotice>();
        // Each lead's share is looked up, not searched for: the deadlines and problems are indexed by person once, each
        // with its place in the snapshot, so a team's lists keep the snapshot's order (at a million cases a walk over
        // every deadline for each of 16,525 leads would never end).
        var openByResponsible = snapshot.Deadlines.Select((d, i) => (Deadline: d, Index: i))
            .Where(x => x.Deadline.IsOpen && x.Deadline.ResponsibleStaffId is not null)
            .ToLookup(x => x.Deadline.ResponsibleStaffId!, StringComparer.Ordinal);
        var indexed = problems.Select((p, i) => (Problem: p, Index: i)).ToList();
        var problemsByLead = indexed.Where(x => x.Problem.TeamLeadStaffId is not null).ToLookup(x => x.Problem.TeamLeadStaffId!, StringComparer.Ordinal);
        var problemsByStaff = indexed.ToLookup(x => x.Problem.Line.StaffId, StringComparer.Ordinal);
        // One digest per lead and day, covering every team the person leads.
        foreach (var teams in facts.Teams.Where(t => t.LeadStaffId is not null && (leads is null || leads.Contains(t.LeadStaffId))).GroupBy(t => t.LeadStaffId!).OrderBy(g => g.Key, IdComparer.Instance))
        {
            var lead = teams.Key;
            var teamIds = teams.Select(t => t.TeamId).ToHashSet(StringComparer.Ordinal);
            var members = teamIds.SelectMany(id => facts.Lookups.StaffByTeam[id]).Select(s => s.StaffId).ToHashSet(StringComparer.Ordinal);
            var state = People.StateOf(facts, teams.First().OrganisationId, snapshot.Context.DefaultState);
            var teamNames = string.Join(", ", teams.Select(t => t.Name));
            var horizon = calendar.AddBusinessDays(day, dueSoonBusinessDays, state);
            // A deadline missed before its help ended is listed once, in the first digest after the end.
            var open = members.SelectMany(m => openByResponsible[m]).OrderBy(x => x.Index).Select(x => x.Deadline)
                .Where(d => d.HelpEndedOn is not { } end || day <= calendar.AddBusinessDays(end, 1, state)).ToList();

            var overdue = open.Where(d => d.Status == DeadlineStatus.Overdue)
                .OrderBy(d => d.Rule, StringComparer.Ordinal).ThenBy(d => d.DueDate)
                .Select(d => Line(facts, d, day)).ToList();
            var dueSoon = open.Where(d => (d.DueDate >= day && d.DueDate <= horizon) || (d.WarningFrom is { } w && w <= day && d.DueDate > horizon))
                .OrderBy(d => d.DueDate).ThenBy(d => d.Rule, StringComparer.Ordinal)
                .Select(d => Line(facts, d, day)).ToList();
            var teamProblems = problemsByLead[lead].Concat(members.SelectMany(m => problemsByStaff[m]))
                .DistinctBy(x => x.Index).OrderBy(x => x.Index).Select(x => x.Problem)
                .Select(p => p.Line with { StaffName = facts.FindStaff(p.Line.StaffId)?.DisplayName })
                .DistinctBy(p => (p.StaffId, p.Problem)).ToList();
            if (overdue.Count + dueSoon.Count + teamProblems.Count == 0)
            {
                continue;
            }

            var routed = RecipientRouter.Route(facts, lead, day, $"Tagesübersicht {teamNames}");
            // A lead who cannot be reached (nor their deputy lead): the organisation's Leitung reads the team's list.
            var to = routed.Recipient ?? ViaLeitung(facts, lead, teams.First().OrganisationId, day, teamNames);
            if (to is null)
            {
                continue;
            }

            var content = new NoticeContent
            {
                Key = string.Create(CultureInfo.InvariantCulture, $"digest/{lead}/{day:yyyy-MM-dd}"),
                Kind = NoticeKind.Digest,
                Stage = "digest",
                Day = day,
                To = to,
                SubjectId = string.Join(",", teamIds.Order(StringComparer.Ordinal)),
                RuleName = teamNames,
                Overdue = overdue,
                DueSoon = dueSoon,
                Problems = teamProblems,
            };
            notices.Add(new PlannedNotice(content, lead, day));
        }

        return notices;
    }

    private static Recipient? ViaLeitung(FactSet facts, string lead, string organisationId, DateOnly day, string teamNames) =>
        People.LeitungOf(facts, organisationId) is { } leitung && leitung != lead
            && RecipientRouter.Route(facts, leitung, day, $"Tagesübersicht {teamNames}").Recipient is { } recipient
            ? recipient with { StandsInFor = facts.FindStaff(lead)?.DisplayName ?? lead }
            : null;

    private static DigestLine Line(FactSet facts, Deadline d, DateOnly day) => new(
        d.Rule, d.Period is null ? d.Name : BaseName(d.Name), d.SubjectId, d.FileReference, d.DueDate,
        Math.Max(0, day.DayNumber - d.DueDate.DayNumber), facts.FindStaff(d.ResponsibleStaffId)?.DisplayName)
    {
        SubjectName = SubjectLabels.SubjectName(facts, d),
        Month = SubjectLabels.Month(d.Period),
        Progress = d.Progress,
        Note = d.HelpEndedOn is { } end ? string.Create(CultureInfo.InvariantCulture, $"Hilfe beendet am {end:dd.MM.yyyy}")
            : d.WarningFrom is { } warning && warning <= day ? "Warnung: Rückstand"
            : null,
    };

    /// <summary>F16's name carries the month ("Nachweisblatt 11/2026"); the digest groups by the rule's own name.</summary>
    private static string BaseName(string name) => name.LastIndexOf(' ') is var i and > 0 ? name[..i] : name;
}
