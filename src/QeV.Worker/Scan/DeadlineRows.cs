using QeV.Demo.Synthetic;
using QeV.Domain.Facts;
using QeV.Domain.Partitions;
using QeV.Domain.Rules;
using QeV.Worker.Store;
using QeV.Worker.Store.Bulk;

namespace QeV.Worker.Scan;

/// <summary>The rows of the deadlines tables (M008) and their mapping to and from the domain's deadlines.</summary>
internal static class DeadlineRows
{
    private const SyntheticType T = SyntheticType.Text;

    /// <summary>The report's order in SQL (due date, rule, subject, partition, seq), as <c>PartitionEvaluator.Order</c> sorts in memory.</summary>
    public static string ReportOrder(ISqlDialect dialect) =>
        $"ORDER BY due_date, {dialect.OrdinalOrder("rule")}, {dialect.OrdinalOrder("subject_id")}, {dialect.OrdinalOrder("partition_id")}, seq";

    /// <summary>The report's rows: open ones due by @until, and the fulfilled ones (@done) when asked.</summary>
    public static string ReportFilter(bool includeFulfilled) =>
        includeFulfilled ? "(fulfilled = @open AND due_date <= @until) OR fulfilled = @done" : "fulfilled = @open AND due_date <= @until";

    public static BulkTable Deadlines { get; } = new("deadlines",
    [
        ("scope", T), ("partition_id", T), ("rule", T), ("seq", SyntheticType.Number), ("name", T), ("subject_type", T), ("subject_id", T),
        ("case_id", T), ("file_reference", T), ("due_date", SyntheticType.Date), ("fulfilled", SyntheticType.Bool),
        ("responsible_staff_id", T), ("escalation_staff_id", T), ("informed_staff_id", T), ("supervisor_staff_id", T),
        ("organisation_id", T), ("instance_key", T), ("help_ended_on", SyntheticType.Date), ("warning_from", SyntheticType.Date), ("progress", T),
        ("meeting_date", SyntheticType.Date), ("period", SyntheticType.Date),
    ]);

    public static BulkTable Partitions { get; } = new("deadline_partitions", [("scope", T), ("partition_id", T), ("fingerprint", T)]);

    public static string Code(RuleScope scope) => scope switch
    {
        RuleScope.Case => "case",
        RuleScope.Staff => "staff",
        _ => "organisation",
    };

    public static object?[] ToRow(PartitionDeadline p)
    {
        var d = p.Deadline;
        return
        [
            Code(p.Scope), p.PartitionId, d.Rule, p.Seq, d.Name, Codes.Of(d.SubjectType), d.SubjectId, d.CaseId, d.FileReference, d.DueDate,
            d.Status == DeadlineStatus.Fulfilled, d.ResponsibleStaffId, d.EscalationStaffId, d.InformedStaffId, d.SupervisorStaffId,
            d.OrganisationId, d.InstanceKey, d.HelpEndedOn, d.WarningFrom, d.Progress,
            d.MeetingDate, d.Period,
        ];
    }

#pragma warning disable CA1812 // instantiated by Dapper
    public sealed class StoredDeadline
    {
        public string Scope { get; set; } = "";
        public string PartitionId { get; set; } = "";
        public string Rule { get; set; } = "";
        public int Seq { get; set; }
        public string Name { get; set; } = "";
        public string SubjectType { get; set; } = "";
        public string SubjectId { get; set; } = "";
        public string? CaseId { get; set; }
        public string? FileReference { get; set; }
        public DateOnly DueDate { get; set; }
        public bool Fulfilled { get; set; }
        public string? ResponsibleStaffId { get; set; }
        public string? EscalationStaffId { get; set; }
        public string? InformedStaffId { get; set; }
        public string? SupervisorStaffId { get; set; }
        public string? OrganisationId { get; set; }
        public string? InstanceKey { get; set; }
        public DateOnly? HelpEndedOn { get; set; }
        public DateOnly? WarningFrom { get; set; }
        public string? Progress { get; set; }
        public DateOnly? MeetingDate { get; set; }
        public DateOnly? Period { get; set; }

        /// <summary>SQLite's rowid, where the reader selected it (the stage date is set by it); 0 elsewhere.</summary>
        public long RowId { get; set; }

        /// <summary>The team lead whose digest lists the row, where the reader joined it (digests); null elsewhere.</summary>
        public string? DigestLead { get; set; }

        /// <summary>The status is not stored: it follows from the due date, fulfilment and the day asked about.</summary>
        public PartitionDeadline ToDeadline(RuleContext context) => new(
            Scope switch { "case" => RuleScope.Case, "staff" => RuleScope.Staff, _ => RuleScope.Organisation },
            PartitionId, Seq,
            new Deadline(Rule, Name, Codes.Parse<SubjectType>(SubjectType), SubjectId, CaseId, FileReference, DueDate,
                context.StatusOf(DueDate, Fulfilled), ResponsibleStaffId, EscalationStaffId)
            {
                InformedStaffId = InformedStaffId,
                SupervisorStaffId = SupervisorStaffId,
                OrganisationId = OrganisationId,
                InstanceKey = InstanceKey,
                HelpEndedOn = HelpEndedOn,
                WarningFrom = WarningFrom,
                Progress = Progress,
                MeetingDate = MeetingDate,
                Period = Period,
            });
    }

    /// <summary>What makes up a stored deadline's key.</summary>
    public sealed class StoredKey
    {
        public string Rule { get; set; } = "";
        public string SubjectId { get; set; } = "";
        public DateOnly DueDate { get; set; }
        public string? InstanceKey { get; set; }
    }

    public sealed class StoredFingerprint
    {
        public string PartitionId { get; set; } = "";
        public string Fingerprint { get; set; } = "";
    }

    public sealed class ScanState
    {
        public string SettingsFingerprint { get; set; } = "";
        public string LookupsFingerprint { get; set; } = "";
        public DateOnly AsOf { get; set; }
        public string PresentRules { get; set; } = "";
        public DateOnly? PlannedAsOf { get; set; }
        public string? PlannedSettings { get; set; }
        public string? RefreshToken { get; set; }

        /// <summary><see cref="FactsVersion"/> the refresh judged by; null when it must not be trusted (a partition failed).</summary>
        public string? FactsVersion { get; set; }
    }
#pragma warning restore CA1812
}
