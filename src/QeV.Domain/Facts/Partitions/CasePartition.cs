namespace QeV.Domain.Facts.Partitions;

/// <summary>What the case rules need of one case: the case with its meetings, reports, appointments and home visits.</summary>
public sealed record CasePartition(
    Case Case,
    IReadOnlyList<CarePlanMeeting> Meetings,
    IReadOnlyList<Report> Reports,
    IReadOnlyList<Appointment> Appointments,
    IReadOnlyList<HomeVisit> HomeVisits)
{
    public string Id => Case.CaseId;
}
