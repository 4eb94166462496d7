using QeV.Domain.Facts;

namespace QeV.Worker.Store;

// Row shapes as the database returns them (codes as text, booleans as numbers on SQLite); mapped to facts here.
#pragma warning disable CA1812 // instantiated by Dapper
internal static class FactRows
{
    public sealed class OrganisationRow
    {
        public string OrganisationId { get; set; } = "";
        public string Kind { get; set; } = "";
        public string Name { get; set; } = "";
        public string? ContactEmail { get; set; }
        public string? State { get; set; }
        public bool? Active { get; set; }

        public Organisation ToFact() => new(OrganisationId, Codes.Parse<OrganisationKind>(Kind), Name, ContactEmail, State)
        {
            Active = Active ?? true,
        };
    }

    public sealed class TeamRow
    {
        public string TeamId { get; set; } = "";
        public string OrganisationId { get; set; } = "";
        public string Name { get; set; } = "";
        public string? LeadStaffId { get; set; }
        public string? DeputyLeadStaffId { get; set; }

        public Team ToFact() => new(TeamId, OrganisationId, Name, LeadStaffId, DeputyLeadStaffId);
    }

    public sealed class StaffRow
    {
        public string StaffId { get; set; } = "";
        public string OrganisationId { get; set; } = "";
        public string? TeamId { get; set; }
        public string DisplayName { get; set; } = "";
        public string? Email { get; set; }
        public string? Role { get; set; }
        public bool Active { get; set; }
        public string? DeputyStaffId { get; set; }
        public DateOnly? AbsentFrom { get; set; }
        public DateOnly? AbsentUntil { get; set; }
        public DateOnly? EmployedSince { get; set; }

        public Staff ToFact() => new(
            StaffId, OrganisationId, TeamId, DisplayName, Email,
            Role is null ? null : Codes.Parse<StaffRole>(Role),
            Active, DeputyStaffId, AbsentFrom, AbsentUntil, EmployedSince);
    }

    public sealed class CaseRow
    {
        public string CaseId { get; set; } = "";
        public string FileReference { get; set; } = "";
        public string? Hilfeart { get; set; }
        public DateOnly StartDate { get; set; }
        public DateOnly? EndDate { get; set; }
        public string CaseManagerStaffId { get; set; } = "";
        public string? ProviderOrganisationId { get; set; }
        public string? KeyWorkerStaffId { get; set; }
        public bool? Clearing { get; set; }

        public Case ToFact() => new(
            CaseId, FileReference, Hilfeart, StartDate, EndDate, CaseManagerStaffId, ProviderOrganisationId, KeyWorkerStaffId)
        {
            Clearing = Clearing ?? false,
        };
    }

    public sealed class MeetingRow
    {
        public string MeetingId { get; set; } = "";
        public string CaseId { get; set; } = "";
        public string Kind { get; set; } = "";
        public DateOnly Date { get; set; }
        public string Status { get; set; } = "";
        public DateOnly? PlanSentDate { get; set; }
        public DateOnly? CostApprovalDate { get; set; }

        public CarePlanMeeting ToFact() => new(
            MeetingId, CaseId, Codes.Parse<MeetingKind>(Kind), Date, Codes.Parse<MeetingStatus>(Status), PlanSentDate, CostApprovalDate);
    }

    public sealed class ReportRow
    {
        public string ReportId { get; set; } = "";
        public string Kind { get; set; } = "";
        public string OrganisationId { get; set; } = "";
        public string? CaseId { get; set; }
        public string? MeetingId { get; set; }
        public string? Period { get; set; }
        public DateOnly ReceivedDate { get; set; }

        public Report ToFact() => new(ReportId, Codes.Parse<ReportKind>(Kind), OrganisationId, CaseId, MeetingId, Period, ReceivedDate);
    }

    public sealed class AppointmentRow
    {
        public string AppointmentId { get; set; } = "";
        public string CaseId { get; set; } = "";
        public DateOnly Date { get; set; }
        public string Outcome { get; set; } = "";

        public Appointment ToFact() => new(AppointmentId, CaseId, Date, Codes.Parse<AppointmentOutcome>(Outcome));
    }

    public sealed class FuehrungszeugnisRow
    {
        public string StaffId { get; set; } = "";
        public DateOnly IssuedDate { get; set; }
        public DateOnly? PresentedDate { get; set; }

        public Fuehrungszeugnis ToFact() => new(StaffId, IssuedDate, PresentedDate);
    }

    public sealed class AgreementRow
    {
        public string AgreementId { get; set; } = "";
        public string ProviderOrganisationId { get; set; } = "";
        public string Kind { get; set; } = "";
        public DateOnly ConcludedDate { get; set; }
        public DateOnly? ValidUntil { get; set; }
        public DateOnly? NextDialogueDate { get; set; }
        public string? QevId { get; set; }
        public DateOnly? QevDate { get; set; }
        public bool? IncludesQev { get; set; }
        public string? InvitedBy { get; set; }
        public string? JugendamtOrganisationId { get; set; }

        public Agreement ToFact() => new(
            AgreementId, ProviderOrganisationId, Codes.Parse<AgreementKind>(Kind), ConcludedDate, ValidUntil, NextDialogueDate)
        {
            QevId = QevId,
            QevDate = QevDate,
            IncludesQev = IncludesQev ?? false,
            InvitedBy = InvitedBy,
            JugendamtOrganisationId = JugendamtOrganisationId,
        };
    }

    public sealed class Ag78SessionRow
    {
        public string SessionId { get; set; } = "";
        public string OrganisationId { get; set; } = "";
        public DateOnly Date { get; set; }
        public string? Topic { get; set; }

        public Ag78Session ToFact() => new(SessionId, OrganisationId, Date, Topic);
    }

    public sealed class TrainingRow
    {
        public string StaffId { get; set; } = "";
        public DateOnly Date { get; set; }
        public string Kind { get; set; } = "";
        public int Minutes { get; set; }

        public Training ToFact() => new(StaffId, Date, Codes.Parse<TrainingKind>(Kind), Minutes);
    }

    public sealed class HomeVisitRow
    {
        public string VisitId { get; set; } = "";
        public string CaseId { get; set; } = "";
        public string? StaffId { get; set; }
        public DateOnly Date { get; set; }

        public HomeVisit ToFact() => new(VisitId, CaseId, StaffId, Date);
    }

    public sealed class ProviderDialogueRow
    {
        public string DialogueId { get; set; } = "";
        public string ProviderOrganisationId { get; set; } = "";
        public DateOnly Date { get; set; }
        public string? Topic { get; set; }

        public ProviderDialogue ToFact() => new(DialogueId, ProviderOrganisationId, Date, Topic);
    }
}
#pragma warning restore CA1812
