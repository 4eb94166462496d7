using QeV.Domain.Facts;
using QeV.Domain.Tables;

namespace QeV.Worker.Sources;

/// <summary>The store's facts with the mapped entities replaced by the rows read from their sources.</summary>
public static class FactSetComposer
{
    public static FactSet Compose(FactSet store, IReadOnlyDictionary<string, IReadOnlyList<ImportRow>> mapped)
    {
        IReadOnlyList<T> Pick<T>(string entity, IReadOnlyList<T> fromStore, Func<ImportRow, T> map) =>
            mapped.TryGetValue(entity, out var rows) ? rows.Select(map).ToList() : fromStore;

        return new FactSet(
            Pick("organisations", store.Organisations, ImportRowFacts.Organisation),
            Pick("teams", store.Teams, ImportRowFacts.Team),
            Pick("staff", store.Staff, ImportRowFacts.Staff),
            Pick("cases", store.Cases, ImportRowFacts.Case),
            Pick("meetings", store.Meetings, ImportRowFacts.Meeting),
            Pick("reports", store.Reports, ImportRowFacts.Report),
            Pick("appointments", store.Appointments, ImportRowFacts.Appointment),
            Pick("fuehrungszeugnisse", store.Fuehrungszeugnisse, ImportRowFacts.Fuehrungszeugnis),
            Pick("agreements", store.Agreements, ImportRowFacts.Agreement),
            Pick("ag78_sessions", store.Ag78Sessions, ImportRowFacts.Ag78Session),
            Pick("trainings", store.Trainings, ImportRowFacts.Training),
            Pick("home_visits", store.HomeVisits, ImportRowFacts.HomeVisit),
            Pick("provider_dialogues", store.ProviderDialogues, ImportRowFacts.ProviderDialogue));
    }

    /// <summary>Keys of the store's entities, for reference checks of mapped rows (as the import checks against the database).</summary>
    public static Dictionary<string, HashSet<string>> Keys(FactSet facts) => new(StringComparer.Ordinal)
    {
        ["organisations"] = facts.Organisations.Select(o => o.OrganisationId).ToHashSet(StringComparer.Ordinal),
        ["teams"] = facts.Teams.Select(t => t.TeamId).ToHashSet(StringComparer.Ordinal),
        ["staff"] = facts.Staff.Select(s => s.StaffId).ToHashSet(StringComparer.Ordinal),
        ["cases"] = facts.Cases.Select(c => c.CaseId).ToHashSet(StringComparer.Ordinal),
        ["meetings"] = facts.Meetings.Select(m => m.MeetingId).ToHashSet(StringComparer.Ordinal),
    };
}
