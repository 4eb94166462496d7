using QeV.Domain.Facts;
using QeV.Domain.Rules;

namespace QeV.Domain.Planning;

/// <summary>
/// Until when the routing of a deadline's notices stays as it is on a day: routing reads the lookups (which a scan
/// compares by fingerprint) and, of the day, only who is absent. So it can change only on a day an absence of someone it
/// may reach starts or ends: the people of the deadline, their deputies, team leads and deputy leads, the Leitung, and
/// theirs in turn (a superset of what <see cref="RecipientRouter"/> and the escalation look at). One per plan: it caches.
/// </summary>
public sealed class RoutingHorizon(FactSet facts, DateOnly day)
{
    private readonly Dictionary<string, DateOnly?> _byStaff = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _leitungByOrganisation = new(StringComparer.Ordinal);
    private Dictionary<string, string?>? _deputyLeadByLead;

    /// <summary>The first day after the plan's day on which an absence of anyone the deadline's routing may reach changes; null: none.</summary>
    public DateOnly? NextChange(Deadline deadline)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        DateOnly? next = null;
        var responsible = facts.FindStaff(deadline.ResponsibleStaffId);
        foreach (var id in new[]
        {
            deadline.ResponsibleStaffId, deadline.InformedStaffId, deadline.EscalationStaffId, deadline.SupervisorStaffId,
            People.EscalationFor(facts, deadline.ResponsibleStaffId), Leitung(responsible?.OrganisationId), Leitung(deadline.OrganisationId),
        })
        {
            next = Earlier(next, id is null ? null : OfStaff(id));
        }

        return next;
    }

    /// <summary>The next absence change among the person and two steps of whom routing turns to in their place.</summary>
    private DateOnly? OfStaff(string staffId)
    {
        if (_byStaff.TryGetValue(staffId, out var known))
        {
            return known;
        }

        var reach = new HashSet<string>(StringComparer.Ordinal) { staffId };
        foreach (var first in Reach(staffId).ToList())
        {
            reach.Add(first);
            reach.UnionWith(Reach(first));
        }

        DateOnly? next = null;
        foreach (var id in reach)
        {
            if (facts.FindStaff(id) is { } staff)
            {
                next = Earlier(next, staff.AbsentFrom is { } from && from > day ? from : null);
                next = Earlier(next, staff.AbsentUntil is { } until && until < DateOnly.MaxValue && until.AddDays(1) > day ? until.AddDays(1) : null);
            }
        }

        _byStaff[staffId] = next;
        return next;
    }

    private IEnumerable<string> Reach(string staffId)
    {
        var staff = facts.FindStaff(staffId);
        _deputyLeadByLead ??= facts.Teams.Where(t => t.LeadStaffId is not null)
            .GroupBy(t => t.LeadStaffId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().DeputyLeadStaffId, StringComparer.Ordinal);
        foreach (var id in new[]
        {
            _deputyLeadByLead.GetValueOrDefault(staffId), staff?.DeputyStaffId, People.EscalationFor(facts, staffId), Leitung(staff?.OrganisationId),
        })
        {
            if (id is not null)
            {
                yield return id;
            }
        }
    }

    private string? Leitung(string? organisationId)
    {
        if (organisationId is null)
        {
            return null;
        }

        if (!_leitungByOrganisation.TryGetValue(organisationId, out var leitung))
        {
            leitung = People.LeitungOf(facts, organisationId);
            _leitungByOrganisation[organisationId] = leitung;
        }

        return leitung;
    }

    private static DateOnly? Earlier(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a < b ? a : b;
}
