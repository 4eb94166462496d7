using QeV.Domain.Facts;
using Case = QeV.Domain.Facts.Case;

namespace QeV.Domain.Tests.Support.Builders;

/// <summary>
/// Builds a <see cref="FactSet"/> with sensible defaults so that each rule test states only what matters.
/// </summary>
/// <remarks>
/// Defaults: Jugendamt <see cref="JugendamtId"/> (ST) with team <see cref="JugendamtTeamId"/> led by
/// <see cref="JugendamtTeamLeadId"/> and the case manager <see cref="CaseManagerId"/>; provider
/// <see cref="ProviderId"/> (ST) with team <see cref="ProviderTeamId"/> led by <see cref="ProviderTeamLeadId"/>
/// (deputy lead <see cref="ProviderDeputyLeadId"/>) and the key worker <see cref="KeyWorkerId"/>; one case
/// <see cref="CaseId"/> of the case manager, the provider and the key worker. No meetings, reports, appointments,
/// certificates, agreements or sessions unless added.
/// </remarks>
public sealed class FactsBuilder
{
    public const string JugendamtId = "JA-1";
    public const string JugendamtTeamId = "T-JA-1";
    public const string JugendamtTeamLeadId = "S-1";
    public const string CaseManagerId = "S-4";

    public const string ProviderId = "P-1";
    public const string ProviderTeamId = "T-P-1";
    public const string ProviderTeamLeadId = "S-2";
    public const string ProviderDeputyLeadId = "S-3";
    public const string KeyWorkerId = "S-7";

    public const string CaseId = "C-17";
    public const string FileReference = "51.2-0815/25";

    private readonly List<Organisation> _organisations = [];
    private readonly List<Team> _teams = [];
    private readonly List<Staff> _staff = [];
    private readonly List<Case> _cases = [];
    private readonly List<CarePlanMeeting> _meetings = [];
    private readonly List<Report> _reports = [];
    private readonly List<Appointment> _appointments = [];
    private readonly List<Fuehrungszeugnis> _certificates = [];
    private readonly List<Agreement> _agreements = [];
    private readonly List<Ag78Session> _sessions = [];
    private readonly List<Training> _trainings = [];
    private readonly List<HomeVisit> _homeVisits = [];
    private readonly List<ProviderDialogue> _dialogues = [];

    public FactsBuilder()
    {
        WithOrganisation(JugendamtId, OrganisationKind.Jugendamt, "ST");
        WithTeam(JugendamtTeamId, JugendamtId, JugendamtTeamLeadId);
        WithStaff(JugendamtTeamLeadId, JugendamtId, JugendamtTeamId, StaffRole.Teamleitung);
        WithStaff(CaseManagerId, JugendamtId, JugendamtTeamId);

        WithOrganisation(ProviderId, OrganisationKind.Traeger, "ST");
        WithTeam(ProviderTeamId, ProviderId, ProviderTeamLeadId, ProviderDeputyLeadId);
        WithStaff(ProviderTeamLeadId, ProviderId, ProviderTeamId, StaffRole.Teamleitung);
        WithStaff(ProviderDeputyLeadId, ProviderId, ProviderTeamId);
        WithStaff(KeyWorkerId, ProviderId, ProviderTeamId);

        WithCase(CaseId);
    }

    /// <summary>Adds or replaces an organisation; <paramref name="state"/> is the raw code (may be empty).</summary>
    public FactsBuilder WithOrganisation(string organisationId, OrganisationKind kind, string? state) =>
        Upsert(_organisations, o => o.OrganisationId == organisationId,
            new Organisation(organisationId, kind, $"Organisation {organisationId}", null, state));

    public FactsBuilder WithProviderState(string? state) =>
        WithOrganisation(ProviderId, OrganisationKind.Traeger, state);

    public FactsBuilder WithJugendamtState(string? state) =>
        WithOrganisation(JugendamtId, OrganisationKind.Jugendamt, state);

    /// <summary>Adds or replaces a team.</summary>
    public FactsBuilder WithTeam(
        string teamId, string organisationId, string? leadStaffId, string? deputyLeadStaffId = null) =>
        Upsert(_teams, t => t.TeamId == teamId,
            new Team(teamId, organisationId, $"Team {teamId}", leadStaffId, deputyLeadStaffId));

    /// <summary>Adds or replaces a staff member.</summary>
    public FactsBuilder WithStaff(
        string staffId,
        string organisationId,
        string? teamId = null,
        StaffRole? role = StaffRole.Fachkraft,
        bool active = true,
        DateOnly? employedSince = null) =>
        Upsert(_staff, s => s.StaffId == staffId,
            new Staff(staffId, organisationId, teamId, $"Person {staffId}", Email: null, role, active,
                DeputyStaffId: null, AbsentFrom: null, AbsentUntil: null, employedSince));

    /// <summary>Sets employed_since of a staff member already added, keeping the rest.</summary>
    public FactsBuilder WithEmployedSince(string staffId, DateOnly? employedSince)
    {
        var index = _staff.FindIndex(s => s.StaffId == staffId);
        _staff[index] = _staff[index] with { EmployedSince = employedSince };
        return this;
    }

    /// <summary>Adds a staff member with role leitung (active unless said otherwise), without a team.</summary>
    public FactsBuilder WithLeitung(string staffId, string organisationId, bool active = true) =>
        WithStaff(staffId, organisationId, role: StaffRole.Leitung, active: active);

    /// <summary>Adds or replaces a case; by default of the default case manager, provider and key worker.</summary>
    public FactsBuilder WithCase(
        string caseId,
        string? keyWorkerStaffId = KeyWorkerId,
        string? providerOrganisationId = ProviderId,
        string caseManagerStaffId = CaseManagerId,
        string? fileReference = null) =>
        Upsert(_cases, c => c.CaseId == caseId,
            new Case(caseId, fileReference ?? (caseId == CaseId ? FileReference : $"51.2-{caseId}"), "30",
                new DateOnly(2025, 1, 15), null, caseManagerStaffId, providerOrganisationId, keyWorkerStaffId));

    /// <summary>A Hilfeplangespräch of the default case; by default a planned Fortschreibung.</summary>
    public FactsBuilder WithMeeting(
        string meetingId,
        DateOnly date,
        MeetingKind kind = MeetingKind.Fortschreibung,
        MeetingStatus status = MeetingStatus.Planned,
        string caseId = CaseId)
    {
        _meetings.Add(new CarePlanMeeting(meetingId, caseId, kind, date, status, null, null));
        return this;
    }

    public FactsBuilder WithReport(
        string reportId,
        ReportKind kind,
        DateOnly receivedDate,
        string organisationId = ProviderId,
        string? caseId = null,
        string? meetingId = null)
    {
        _reports.Add(new Report(reportId, kind, organisationId, caseId, meetingId, null, receivedDate));
        return this;
    }

    /// <summary>An Entwicklungsbericht of the default provider for the default case.</summary>
    public FactsBuilder WithEntwicklungsbericht(
        string reportId, DateOnly receivedDate, string? meetingId = null, string? caseId = CaseId) =>
        WithReport(reportId, ReportKind.Entwicklungsbericht, receivedDate, ProviderId, caseId, meetingId);

    public FactsBuilder WithLeistungsbericht(
        string reportId, DateOnly receivedDate, string organisationId = ProviderId) =>
        WithReport(reportId, ReportKind.Leistungsbericht, receivedDate, organisationId);

    public FactsBuilder WithAppointment(
        string appointmentId, DateOnly date, AppointmentOutcome outcome, string caseId = CaseId)
    {
        _appointments.Add(new Appointment(appointmentId, caseId, date, outcome));
        return this;
    }

    /// <summary>Appointments, … of the default case, one per outcome, a week apart.</summary>
    public FactsBuilder WithWeeklyAppointments(DateOnly first, params AppointmentOutcome[] outcomes)
    {
        for (var i = 0; i < outcomes.Length; i++)
        {
            WithAppointment($"A-{_appointments.Count + 1}", first.AddDays(7 * i), outcomes[i]);
        }

        return this;
    }

    public FactsBuilder WithCertificate(string staffId, DateOnly issuedDate)
    {
        _certificates.Add(new Fuehrungszeugnis(staffId, issuedDate, null));
        return this;
    }

    public FactsBuilder WithAgreement(
        string agreementId,
        DateOnly concludedDate,
        AgreementKind kind = AgreementKind.Qev,
        string providerOrganisationId = ProviderId)
    {
        _agreements.Add(new Agreement(agreementId, providerOrganisationId, kind, concludedDate, null, null));
        return this;
    }

    public FactsBuilder WithSession(string sessionId, DateOnly date, string organisationId = JugendamtId)
    {
        _sessions.Add(new Ag78Session(sessionId, organisationId, date, null));
        return this;
    }

    /// <summary>Changes start, end and the Clearing flag of a case already added.</summary>
    public FactsBuilder WithCaseDates(string caseId, DateOnly start, DateOnly? end = null, bool clearing = false)
    {
        var index = _cases.FindIndex(c => c.CaseId == caseId);
        _cases[index] = _cases[index] with { StartDate = start, EndDate = end, Clearing = clearing };
        return this;
    }

    /// <summary>A Hilfeplangespräch with the dates the Jugendamt records afterwards (plan sent, cost approval).</summary>
    public FactsBuilder WithMeetingRecord(
        string meetingId,
        DateOnly date,
        MeetingKind kind,
        MeetingStatus status = MeetingStatus.Held,
        DateOnly? planSent = null,
        DateOnly? costApproval = null,
        string caseId = CaseId)
    {
        _meetings.Add(new CarePlanMeeting(meetingId, caseId, kind, date, status, planSent, costApproval));
        return this;
    }

    /// <summary>A report tied to a case and a period (e.g. a Nachweisblatt for "2026-03").</summary>
    public FactsBuilder WithCaseReport(
        string reportId, ReportKind kind, DateOnly receivedDate, string? period = null, string caseId = CaseId)
    {
        _reports.Add(new Report(reportId, kind, ProviderId, caseId, null, period, receivedDate));
        return this;
    }

    /// <summary>An agreement with its period end and the date the Qualitätsdialog continues.</summary>
    public FactsBuilder WithAgreementDates(
        string agreementId,
        DateOnly concludedDate,
        DateOnly? validUntil,
        DateOnly? nextDialogueDate,
        AgreementKind kind = AgreementKind.Qev,
        string providerOrganisationId = ProviderId)
    {
        _agreements.Add(new Agreement(agreementId, providerOrganisationId, kind, concludedDate, validUntil, nextDialogueDate));
        return this;
    }

    public FactsBuilder WithTraining(string staffId, DateOnly date, TrainingKind kind, int minutes)
    {
        _trainings.Add(new Training(staffId, date, kind, minutes));
        return this;
    }

    public FactsBuilder WithHomeVisit(string visitId, DateOnly date, string caseId = CaseId, string? staffId = CaseManagerId)
    {
        _homeVisits.Add(new HomeVisit(visitId, caseId, staffId, date));
        return this;
    }

    public FactsBuilder WithDialogue(string dialogueId, DateOnly date, string providerOrganisationId = ProviderId)
    {
        _dialogues.Add(new ProviderDialogue(dialogueId, providerOrganisationId, date, null));
        return this;
    }

    /// <summary>Sets the absence of a staff member already added (an open end: absent until further notice).</summary>
    public FactsBuilder WithAbsence(string staffId, DateOnly from, DateOnly? until)
    {
        var index = _staff.FindIndex(s => s.StaffId == staffId);
        _staff[index] = _staff[index] with { AbsentFrom = from, AbsentUntil = until };
        return this;
    }

    public FactSet Build() =>
        new([.. _organisations], [.. _teams], [.. _staff], [.. _cases], [.. _meetings], [.. _reports],
            [.. _appointments], [.. _certificates], [.. _agreements], [.. _sessions], [.. _trainings],
            [.. _homeVisits], [.. _dialogues]);

    private FactsBuilder Upsert<T>(List<T> items, Predicate<T> sameId, T item)
    {
        var index = items.FindIndex(sameId);
        if (index >= 0)
        {
            items[index] = item;
        }
        else
        {
            items.Add(item);
        }

        return this;
    }
}
