namespace QeV.Domain.Facts;

/// <summary>Everything the deadline rules read: one consistent snapshot of the case database.</summary>
public sealed class FactSet
{
    public FactSet(
        IReadOnlyList<Organisation> organisations,
        IReadOnlyList<Team> teams,
        IReadOnlyList<Staff> staff,
        IReadOnlyList<Case> cases,
        IReadOnlyList<CarePlanMeeting> meetings,
        IReadOnlyList<Report> reports,
        IReadOnlyList<Appointment> appointments,
        IReadOnlyList<Fuehrungszeugnis> fuehrungszeugnisse,
        IReadOnlyList<Agreement> agreements,
        IReadOnlyList<Ag78Session> ag78Sessions,
        IReadOnlyList<Training> trainings,
        IReadOnlyList<HomeVisit>? homeVisits = null,
        IReadOnlyList<ProviderDialogue>? providerDialogues = null)
        : this(new FactLookups(organisations, teams, staff), staff, cases, meetings, reports, appointments, fuehrungszeugnisse,
            agreements, ag78Sessions, trainings, homeVisits, providerDialogues)
    {
    }

    /// <summary>
    /// A part of the database judged with the shared <paramref name="lookups"/>: <paramref name="staff"/> are the staff
    /// the rules walk (one batch of staff partitions, or all), the lookups find anyone. <paramref name="caseCounts"/>
    /// replaces the cases when only their counts per provider and Jugendamt are needed (organisation-wide rules).
    /// </summary>
    public FactSet(
        FactLookups lookups,
        IReadOnlyList<Staff> staff,
        IReadOnlyList<Case> cases,
        IReadOnlyList<CarePlanMeeting> meetings,
        IReadOnlyList<Report> reports,
        IReadOnlyList<Appointment> appointments,
        IReadOnlyList<Fuehrungszeugnis> fuehrungszeugnisse,
        IReadOnlyList<Agreement> agreements,
        IReadOnlyList<Ag78Session> ag78Sessions,
        IReadOnlyList<Training> trainings,
        IReadOnlyList<HomeVisit>? homeVisits = null,
        IReadOnlyList<ProviderDialogue>? providerDialogues = null,
        CaseCounts? caseCounts = null)
    {
        Lookups = lookups;
        Organisations = lookups.Organisations;
        Teams = lookups.Teams;
        Staff = staff;
        Cases = cases;
        Meetings = meetings;
        Reports = reports;
        Appointments = appointments;
        Fuehrungszeugnisse = fuehrungszeugnisse;
        Agreements = agreements;
        Ag78Sessions = ag78Sessions;
        Trainings = trainings;
        HomeVisits = homeVisits ?? [];
        ProviderDialogues = providerDialogues ?? [];
        _caseCounts = caseCounts;

        OrganisationById = lookups.OrganisationById;
        TeamById = lookups.TeamById;
        StaffById = lookups.StaffById;
        CaseById = cases.ToDictionary(c => c.CaseId, StringComparer.Ordinal);
        MeetingsByCase = meetings.ToLookup(m => m.CaseId, StringComparer.Ordinal);
        AppointmentsByCase = appointments.ToLookup(a => a.CaseId, StringComparer.Ordinal);
        FuehrungszeugnisseByStaff = fuehrungszeugnisse.ToLookup(f => f.StaffId, StringComparer.Ordinal);
        TrainingsByStaff = trainings.ToLookup(t => t.StaffId, StringComparer.Ordinal);
        HomeVisitsByCase = HomeVisits.ToLookup(v => v.CaseId, StringComparer.Ordinal);
        ReportsByCase = reports.Where(r => r.CaseId is not null).ToLookup(r => r.CaseId!, StringComparer.Ordinal);
    }

    private CaseCounts? _caseCounts;

    /// <summary>The organisations, teams and staff, indexed.</summary>
    public FactLookups Lookups { get; }

    /// <summary>Cases per provider and case manager's organisation: given, or counted from <see cref="Cases"/> on first use.</summary>
    public CaseCounts CaseCounts => _caseCounts ??= CaseCounts.Of(Cases, StaffById);

    public static FactSet Empty { get; } = new([], [], [], [], [], [], [], [], [], [], []);

    public IReadOnlyList<Organisation> Organisations { get; }
    public IReadOnlyList<Team> Teams { get; }
    public IReadOnlyList<Staff> Staff { get; }
    public IReadOnlyList<Case> Cases { get; }
    public IReadOnlyList<CarePlanMeeting> Meetings { get; }
    public IReadOnlyList<Report> Reports { get; }
    public IReadOnlyList<Appointment> Appointments { get; }
    public IReadOnlyList<Fuehrungszeugnis> Fuehrungszeugnisse { get; }
    public IReadOnlyList<Agreement> Agreements { get; }
    public IReadOnlyList<Ag78Session> Ag78Sessions { get; }
    public IReadOnlyList<Training> Trainings { get; }
    public IReadOnlyList<HomeVisit> HomeVisits { get; }
    public IReadOnlyList<ProviderDialogue> ProviderDialogues { get; }

    public IReadOnlyDictionary<string, Organisation> OrganisationById { get; }
    public IReadOnlyDictionary<string, Team> TeamById { get; }
    public IReadOnlyDictionary<string, Staff> StaffById { get; }
    public IReadOnlyDictionary<string, Case> CaseById { get; }
    public ILookup<string, CarePlanMeeting> MeetingsByCase { get; }
    public ILookup<string, Appointment> AppointmentsByCase { get; }
    public ILookup<string, Fuehrungszeugnis> FuehrungszeugnisseByStaff { get; }
    public ILookup<string, Training> TrainingsByStaff { get; }
    public ILookup<string, HomeVisit> HomeVisitsByCase { get; }
    public ILookup<string, Report> ReportsByCase { get; }

    public Staff? FindStaff(string? staffId) =>
        staffId is not null && StaffById.TryGetValue(staffId, out var s) ? s : null;

    public Organisation? FindOrganisation(string? organisationId) =>
        organisationId is not null && OrganisationById.TryGetValue(organisationId, out var o) ? o : null;

    public Team? FindTeam(string? teamId) =>
        teamId is not null && TeamById.TryGetValue(teamId, out var t) ? t : null;
}
