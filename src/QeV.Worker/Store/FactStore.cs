using System.Data.Common;
using Dapper;
using QeV.Domain.Facts;

namespace QeV.Worker.Store;

/// <summary>Reads one consistent snapshot of all facts for the rules.</summary>
public sealed class FactStore(Database database)
{
    public async Task<FactSet> LoadAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);

        var facts = new FactSet(
            await Query<FactRows.OrganisationRow, Organisation>(connection, tx, "SELECT * FROM organisations", r => r.ToFact(), ct),
            await Query<FactRows.TeamRow, Team>(connection, tx, "SELECT * FROM teams", r => r.ToFact(), ct),
            await Query<FactRows.StaffRow, Staff>(connection, tx, "SELECT * FROM staff", r => r.ToFact(), ct),
            await Query<FactRows.CaseRow, Case>(connection, tx, "SELECT * FROM cases", r => r.ToFact(), ct),
            await Query<FactRows.MeetingRow, CarePlanMeeting>(connection, tx, "SELECT * FROM meetings", r => r.ToFact(), ct),
            await Query<FactRows.ReportRow, Report>(connection, tx, "SELECT * FROM reports", r => r.ToFact(), ct),
            await Query<FactRows.AppointmentRow, Appointment>(connection, tx, "SELECT * FROM appointments", r => r.ToFact(), ct),
            await Query<FactRows.FuehrungszeugnisRow, Fuehrungszeugnis>(connection, tx, "SELECT * FROM fuehrungszeugnisse", r => r.ToFact(), ct),
            await Query<FactRows.AgreementRow, Agreement>(connection, tx, "SELECT * FROM agreements", r => r.ToFact(), ct),
            await Query<FactRows.Ag78SessionRow, Ag78Session>(connection, tx, "SELECT * FROM ag78_sessions", r => r.ToFact(), ct),
            await Query<FactRows.TrainingRow, Training>(connection, tx, "SELECT * FROM trainings", r => r.ToFact(), ct),
            await Query<FactRows.HomeVisitRow, HomeVisit>(connection, tx, "SELECT * FROM home_visits", r => r.ToFact(), ct),
            await Query<FactRows.ProviderDialogueRow, ProviderDialogue>(connection, tx, "SELECT * FROM provider_dialogues", r => r.ToFact(), ct));

        await tx.CommitAsync(ct);
        return facts;
    }

    private static async Task<IReadOnlyList<TFact>> Query<TRow, TFact>(
        DbConnection connection, DbTransaction tx, string sql, Func<TRow, TFact> map, CancellationToken ct)
    {
        var rows = await connection.QueryAsync<TRow>(new CommandDefinition(sql, transaction: tx, cancellationToken: ct));
        return rows.Select(map).ToList();
    }
}
