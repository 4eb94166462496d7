using System.Runtime.CompilerServices;
using QeV.Domain.Facts;
using QeV.Domain.Facts.Partitions;

namespace QeV.Worker.Store.Partitions;

/// <summary>
/// Reads the facts as a stream of partitions: the shared lookups whole (organisations, teams, staff), then one
/// forward-only query per table in key order, merged into one case (or staff member) at a time and handed out in
/// batches. Memory holds the lookups and one batch, whatever the number of cases.
/// </summary>
public sealed class PartitionReader(ReadSnapshot snapshot)
{
    public CaseCounts CaseCounts { get; } = new();

    public long RowsRead { get; private set; }

    /// <summary>
    /// Only the partitions whose keys M019's triggers recorded (<see cref="PartitionChanges"/>): a scan on the same day
    /// after a few changes. The lookups and the organisation-wide tables are read whole as always.
    /// </summary>
    public bool ChangedOnly { get; set; }

    public async Task<FactLookups> ReadLookupsAsync(CancellationToken ct)
    {
        var organisations = await snapshot.QueryAsync<FactRows.OrganisationRow>("SELECT * FROM organisations", null, ct);
        var teams = await snapshot.QueryAsync<FactRows.TeamRow>("SELECT * FROM teams", null, ct);
        var staff = await snapshot.QueryAsync<FactRows.StaffRow>("SELECT * FROM staff", null, ct);
        RowsRead += organisations.Count + teams.Count + staff.Count;
        return new FactLookups(
            organisations.Select(r => r.ToFact()).ToList(), teams.Select(r => r.ToFact()).ToList(), staff.Select(r => r.ToFact()).ToList());
    }

    /// <summary>The small organisation-wide tables; <see cref="CaseCounts"/> is complete once the case stream has ended.</summary>
    public Task<OrganisationFacts> ReadOrganisationFactsAsync(CancellationToken ct) => ReadOrganisationFactsAsync(CaseCounts, ct);

    public async Task<OrganisationFacts> ReadOrganisationFactsAsync(CaseCounts counts, CancellationToken ct)
    {
        var agreements = await snapshot.QueryAsync<FactRows.AgreementRow>("SELECT * FROM agreements", null, ct);
        var sessions = await snapshot.QueryAsync<FactRows.Ag78SessionRow>("SELECT * FROM ag78_sessions", null, ct);
        var dialogues = await snapshot.QueryAsync<FactRows.ProviderDialogueRow>("SELECT * FROM provider_dialogues", null, ct);
        var reports = await snapshot.QueryAsync<FactRows.ReportRow>(
            "SELECT * FROM reports WHERE case_id IS NULL OR kind IN ('leistungsbericht', 'leistungsbeschreibung')", null, ct);
        RowsRead += agreements.Count + sessions.Count + dialogues.Count + reports.Count;
        return new OrganisationFacts(
            agreements.Select(r => r.ToFact()).ToList(), sessions.Select(r => r.ToFact()).ToList(),
            dialogues.Select(r => r.ToFact()).ToList(), reports.Select(r => r.ToFact()).ToList(), counts);
    }

    /// <summary>
    /// The cases in batches; with <paramref name="range"/> only those in that key range (a shared scan's range,
    /// and then <see cref="CaseCounts"/> counts only those: <see cref="CaseCountsAsync"/> counts all).
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<CasePartition>> CaseBatchesAsync(
        FactLookups lookups, int batchSize, KeyRange? range, [EnumeratorCancellation] CancellationToken ct)
    {
        var d = snapshot.Dialect;
        var (where, and, args) = Filter(range, "case_id", PartitionKeyedTable.Case);
        // Reports tied to a meeting but not to a case belong to the meeting's case; there are few, they are read whole.
        var byMeeting = (await snapshot.QueryAsync<ReportOfMeetingRow>(
                "SELECT r.*, m.case_id AS meeting_case_id FROM reports r JOIN meetings m ON m.meeting_id = r.meeting_id WHERE r.case_id IS NULL", null, ct))
            .ToLookup(r => r.MeetingCaseId, r => r.ToFact(), StringComparer.Ordinal);

        await using var cases = await snapshot.StreamAsync<FactRows.CaseRow>(
            $"SELECT * FROM cases{where} ORDER BY {d.OrdinalOrder("case_id")}", args, r => r.CaseId, ct);
        await using var meetings = await snapshot.StreamAsync<FactRows.MeetingRow>(
            $"SELECT * FROM meetings{where} ORDER BY {d.OrdinalOrder("case_id")}, date, meeting_id", args, r => r.CaseId, ct);
        await using var reports = await snapshot.StreamAsync<FactRows.ReportRow>(
            $"SELECT * FROM reports WHERE case_id IS NOT NULL{and} ORDER BY {d.OrdinalOrder("case_id")}, kind, report_id", args, r => r.CaseId!, ct);
        await using var appointments = await snapshot.StreamAsync<FactRows.AppointmentRow>(
            $"SELECT * FROM appointments{where} ORDER BY {d.OrdinalOrder("case_id")}, date, appointment_id", args, r => r.CaseId, ct);
        await using var visits = await snapshot.StreamAsync<FactRows.HomeVisitRow>(
            $"SELECT * FROM home_visits{where} ORDER BY {d.OrdinalOrder("case_id")}, date, visit_id", args, r => r.CaseId, ct);

        var batch = new List<CasePartition>(batchSize);
        while (cases.HasRow)
        {
            var @case = cases.Current.ToFact();
            await cases.MoveNextAsync(ct);
            var ownReports = await reports.TakeAsync(@case.CaseId, r => r.ToFact(), ct);
            if (byMeeting.Contains(@case.CaseId))
            {
                ownReports.AddRange(byMeeting[@case.CaseId]);
            }

            batch.Add(new CasePartition(
                @case,
                await meetings.TakeAsync(@case.CaseId, r => r.ToFact(), ct),
                ownReports,
                await appointments.TakeAsync(@case.CaseId, r => r.ToFact(), ct),
                await visits.TakeAsync(@case.CaseId, r => r.ToFact(), ct)));
            CaseCounts.Add(@case.ProviderOrganisationId, lookups.StaffById.GetValueOrDefault(@case.CaseManagerStaffId)?.OrganisationId);
            if (batch.Count == batchSize)
            {
                yield return batch;
                batch = new List<CasePartition>(batchSize);
            }
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }

        RowsRead += cases.Rows + meetings.Rows + reports.Rows + appointments.Rows + visits.Rows;
    }

    public async IAsyncEnumerable<IReadOnlyList<StaffPartition>> StaffBatchesAsync(
        FactLookups lookups, int batchSize, KeyRange? range, [EnumeratorCancellation] CancellationToken ct)
    {
        var d = snapshot.Dialect;
        var (where, _, args) = Filter(range, "staff_id", PartitionKeyedTable.Staff);
        var changed = ChangedOnly
            ? (await snapshot.QueryAsync<string>(PartitionChanges.KeysOfScope, new { scope = PartitionKeyedTable.Staff }, ct)).ToHashSet(StringComparer.Ordinal)
            : null;
        await using var certificates = await snapshot.StreamAsync<FactRows.FuehrungszeugnisRow>(
            $"SELECT * FROM fuehrungszeugnisse{where} ORDER BY {d.OrdinalOrder("staff_id")}, issued_date", args, r => r.StaffId, ct);
        await using var trainings = await snapshot.StreamAsync<FactRows.TrainingRow>(
            $"SELECT * FROM trainings{where} ORDER BY {d.OrdinalOrder("staff_id")}, date, kind", args, r => r.StaffId, ct);

        var batch = new List<StaffPartition>(batchSize);
        foreach (var staff in lookups.Staff.Where(s => (range?.Contains(s.StaffId) ?? true) && (changed?.Contains(s.StaffId) ?? true)).OrderBy(s => s.StaffId, StringComparer.Ordinal))
        {
            batch.Add(new StaffPartition(
                staff,
                await certificates.TakeAsync(staff.StaffId, r => r.ToFact(), ct),
                await trainings.TakeAsync(staff.StaffId, r => r.ToFact(), ct)));
            if (batch.Count == batchSize)
            {
                yield return batch;
                batch = new List<StaffPartition>(batchSize);
            }
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }

        RowsRead += certificates.Rows + trainings.Rows;
    }

    /// <summary>
    /// What the organisation-wide rules count of all cases (<see cref="CaseCounts"/>), by SQL: a shared scan's finishing
    /// instance has read only its own ranges.
    /// </summary>
    public async Task<CaseCounts> CaseCountsAsync(FactLookups lookups, CancellationToken ct)
    {
        var counts = new CaseCounts();
        var groups = await snapshot.QueryAsync<CaseCountRow>(
            "SELECT provider_organisation_id, case_manager_staff_id, COUNT(*) AS cases FROM cases GROUP BY provider_organisation_id, case_manager_staff_id",
            null, ct);
        foreach (var group in groups)
        {
            var organisation = lookups.StaffById.GetValueOrDefault(group.CaseManagerStaffId)?.OrganisationId;
            for (var i = 0; i < group.Cases; i++)
            {
                counts.Add(group.ProviderOrganisationId, organisation);
            }
        }

        return counts;
    }

    /// <summary>
    /// A range's filter on <paramref name="column"/> as WHERE and as AND, and its parameters (none without a range); with
    /// <see cref="ChangedOnly"/> the changed keys of <paramref name="scope"/> instead.
    /// </summary>
    private (string Where, string And, object? Args) Filter(KeyRange? range, string column, string scope)
    {
        if (ChangedOnly)
        {
            var changed = $"{column} IN ({PartitionChanges.KeysOfScope})";
            return (" WHERE " + changed, " AND " + changed, new { scope });
        }

        if (range is null)
        {
            return ("", "", null);
        }

        var condition = KeyRange.Condition(column, snapshot.Dialect);
        return (" WHERE " + condition, " AND " + condition, new { after = range.AfterValue, last = range.LastValue });
    }

#pragma warning disable CA1812 // instantiated by Dapper
    private sealed class CaseCountRow
    {
        public string? ProviderOrganisationId { get; set; }
        public string CaseManagerStaffId { get; set; } = "";
        public long Cases { get; set; }
    }

    private sealed class ReportOfMeetingRow
    {
        public string ReportId { get; set; } = "";
        public string Kind { get; set; } = "";
        public string OrganisationId { get; set; } = "";
        public string? MeetingId { get; set; }
        public string? Period { get; set; }
        public DateOnly ReceivedDate { get; set; }
        public string MeetingCaseId { get; set; } = "";

        public Report ToFact() => new(ReportId, Codes.Parse<ReportKind>(Kind), OrganisationId, null, MeetingId, Period, ReceivedDate);
    }
#pragma warning restore CA1812
}
