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
    public async Task<OrganisationFacts> ReadOrganisationFactsAsync(CancellationToken ct)
    {
        var agreements = await snapshot.QueryAsync<FactRows.AgreementRow>("SELECT * FROM agreements", null, ct);
        var sessions = await snapshot.QueryAsync<FactRows.Ag78SessionRow>("SELECT * FROM ag78_sessions", null, ct);
        var dialogues = await snapshot.QueryAsync<FactRows.ProviderDialogueRow>("SELECT * FROM provider_dialogues", null, ct);
        var reports = await snapshot.QueryAsync<FactRows.ReportRow>(
            "SELECT * FROM reports WHERE case_id IS NULL OR kind IN ('leistungsbericht', 'leistungsbeschreibung')", null, ct);
        RowsRead += agreements.Count + sessions.Count + dialogues.Count + reports.Count;
        return new OrganisationFacts(
            agreements.Select(r => r.ToFact()).ToList(), sessions.Select(r => r.ToFact()).ToList(),
            dialogues.Select(r => r.ToFact()).ToList(), reports.Select(r => r.ToFact()).ToList(), CaseCounts);
    }

    public async IAsyncEnumerable<IReadOnlyList<CasePartition>> CaseBatchesAsync(
        FactLookups lookups, int batchSize, [EnumeratorCancellation] CancellationToken ct)
    {
        var d = snapshot.Dialect;
        // Reports tied to a meeting but not to a case belong to the meeting's case; there are few, they are read whole.
        var byMeeting = (await snapshot.QueryAsync<ReportOfMeetingRow>(
                "SELECT r.*, m.case_id AS meeting_case_id FROM reports r JOIN meetings m ON m.meeting_id = r.meeting_id WHERE r.case_id IS NULL", null, ct))
            .ToLookup(r => r.MeetingCaseId, r => r.ToFact(), StringComparer.Ordinal);

        await using var cases = await snapshot.StreamAsync<FactRows.CaseRow>(
            $"SELECT * FROM cases ORDER BY {d.OrdinalOrder("case_id")}", null, r => r.CaseId, ct);
        await using var meetings = await snapshot.StreamAsync<FactRows.MeetingRow>(
            $"SELECT * FROM meetings ORDER BY {d.OrdinalOrder("case_id")}, date, meeting_id", null, r => r.CaseId, ct);
        await using var reports = await snapshot.StreamAsync<FactRows.ReportRow>(
            $"SELECT * FROM reports WHERE case_id IS NOT NULL ORDER BY {d.OrdinalOrder("case_id")}, kind, report_id", null, r => r.CaseId!, ct);
        await using var appointments = await snapshot.StreamAsync<FactRows.AppointmentRow>(
            $"SELECT * FROM appointments ORDER BY {d.OrdinalOrder("case_id")}, date, appointment_id", null, r => r.CaseId, ct);
        await using var visits = await snapshot.StreamAsync<FactRows.HomeVisitRow>(
            $"SELECT * FROM home_visits ORDER BY {d.OrdinalOrder("case_id")}, date, visit_id", null, r => r.CaseId, ct);

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
        FactLookups lookups, int batchSize, [EnumeratorCancellation] CancellationToken ct)
    {
        var d = snapshot.Dialect;
        await using var certificates = await snapshot.StreamAsync<FactRows.FuehrungszeugnisRow>(
            $"SELECT * FROM fuehrungszeugnisse ORDER BY {d.OrdinalOrder("staff_id")}, issued_date", null, r => r.StaffId, ct);
        await using var trainings = await snapshot.StreamAsync<FactRows.TrainingRow>(
            $"SELECT * FROM trainings ORDER BY {d.OrdinalOrder("staff_id")}, date, kind", null, r => r.StaffId, ct);

        var batch = new List<StaffPartition>(batchSize);
        foreach (var staff in lookups.Staff.OrderBy(s => s.StaffId, StringComparer.Ordinal))
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

#pragma warning disable CA1812 // instantiated by Dapper
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
