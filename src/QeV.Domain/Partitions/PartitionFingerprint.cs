using QeV.Domain.Facts;
using QeV.Domain.Facts.Partitions;

namespace QeV.Domain.Partitions;

/// <summary>The fingerprint of a partition's facts: equal fingerprints, equal facts (up to a 64-bit hash collision).</summary>
public static class PartitionFingerprint
{
    public static string Of(CasePartition p)
    {
        var h = new FactHash();
        var c = p.Case;
        h.Add(c.CaseId); h.Add(c.FileReference); h.Add(c.Hilfeart); h.Add(c.StartDate); h.Add(c.EndDate);
        h.Add(c.CaseManagerStaffId); h.Add(c.ProviderOrganisationId); h.Add(c.KeyWorkerStaffId); h.Add(c.Clearing);
        h.Add(p.Meetings.Count);
        foreach (var m in p.Meetings)
        {
            h.Add(m.MeetingId); h.Add((int)m.Kind); h.Add(m.Date); h.Add((int)m.Status); h.Add(m.PlanSentDate); h.Add(m.CostApprovalDate);
        }

        h.Add(p.Reports.Count);
        foreach (var r in p.Reports)
        {
            h.Add(r.ReportId); h.Add((int)r.Kind); h.Add(r.OrganisationId); h.Add(r.CaseId); h.Add(r.MeetingId); h.Add(r.Period); h.Add(r.ReceivedDate);
        }

        h.Add(p.Appointments.Count);
        foreach (var a in p.Appointments)
        {
            h.Add(a.AppointmentId); h.Add(a.Date); h.Add((int)a.Outcome);
        }

        h.Add(p.HomeVisits.Count);
        foreach (var v in p.HomeVisits)
        {
            h.Add(v.VisitId); h.Add(v.StaffId); h.Add(v.Date);
        }

        return h.ToHex();
    }

    public static string Of(StaffPartition p)
    {
        var h = new FactHash();
        Add(ref h, p.Staff);
        h.Add(p.Certificates.Count);
        foreach (var f in p.Certificates)
        {
            h.Add(f.IssuedDate); h.Add(f.PresentedDate);
        }

        h.Add(p.Trainings.Count);
        foreach (var t in p.Trainings)
        {
            h.Add(t.Date); h.Add((int)t.Kind); h.Add(t.Minutes);
        }

        return h.ToHex();
    }

    /// <summary>The shared lookups: a change here (a new team lead, a moved Fachkraft) re-evaluates every partition.</summary>
    public static string Of(FactLookups lookups)
    {
        var h = new FactHash();
        foreach (var o in lookups.Organisations.OrderBy(o => o.OrganisationId, StringComparer.Ordinal))
        {
            h.Add(o.OrganisationId); h.Add((int)o.Kind); h.Add(o.Name); h.Add(o.ContactEmail); h.Add(o.State);
        }

        foreach (var t in lookups.Teams.OrderBy(t => t.TeamId, StringComparer.Ordinal))
        {
            h.Add(t.TeamId); h.Add(t.OrganisationId); h.Add(t.Name); h.Add(t.LeadStaffId); h.Add(t.DeputyLeadStaffId);
        }

        foreach (var s in lookups.Staff.OrderBy(s => s.StaffId, StringComparer.Ordinal))
        {
            Add(ref h, s);
        }

        return h.ToHex();
    }

    private static void Add(ref FactHash h, Staff s)
    {
        h.Add(s.StaffId); h.Add(s.OrganisationId); h.Add(s.TeamId); h.Add(s.DisplayName); h.Add(s.Email);
        h.Add(s.Role is { } role ? (int)role : -1); h.Add(s.Active); h.Add(s.DeputyStaffId); h.Add(s.AbsentFrom); h.Add(s.AbsentUntil); h.Add(s.EmployedSince);
    }
}
