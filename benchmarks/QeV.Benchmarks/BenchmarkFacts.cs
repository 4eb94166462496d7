using QeV.Domain.Facts;
using QeV.Domain.Facts.Partitions;

namespace QeV.Benchmarks;

/// <summary>Hand-made facts of a typical size: one Jugendamt team and one provider, one case of a year and a half.</summary>
internal static class BenchmarkFacts
{
    public static readonly DateOnly Today = new(2026, 11, 23);

    public static FactLookups Lookups(int staffCount)
    {
        var organisations = new List<Organisation>
        {
            new("JA-1", OrganisationKind.Jugendamt, "Jugendamt", "ja@example.org", "ST"),
            new("TR-1", OrganisationKind.Traeger, "Träger", "tr@example.org", "ST"),
        };
        var teams = new List<Team> { new("T-1", "JA-1", "ASD", "S-1", "S-2"), new("T-2", "TR-1", "Ambulant", "S-3", "S-4") };
        var staff = Enumerable.Range(1, staffCount).Select(i => new Staff(
            $"S-{i}", i % 2 == 1 ? "JA-1" : "TR-1", i % 2 == 1 ? "T-1" : "T-2", $"Fachkraft {i}", $"s{i}@example.org",
            i <= 4 ? StaffRole.Teamleitung : i == 5 ? StaffRole.Leitung : StaffRole.Fachkraft, true, null, null, null, Today.AddYears(-3))).ToList();
        return new FactLookups(organisations, teams, staff);
    }

    public static CasePartition Case(int n)
    {
        var caseId = $"C-{n}";
        var start = Today.AddDays(-540);
        var meetings = Enumerable.Range(0, 4).Select(i => new CarePlanMeeting(
            $"M-{n}-{i}", caseId, i == 0 ? MeetingKind.Initial : MeetingKind.Fortschreibung, start.AddMonths(6 * i).AddDays(30),
            i < 3 ? MeetingStatus.Held : MeetingStatus.Planned, null, null)).ToList();
        var reports = Enumerable.Range(1, 2).Select(i => new Report(
            $"R-{n}-{i}", ReportKind.Entwicklungsbericht, "TR-1", caseId, $"M-{n}-{i}", null, meetings[i].Date.AddDays(-14))).ToList();
        var appointments = Enumerable.Range(0, 14).Select(i => new Appointment(
            $"A-{n}-{i:D2}", caseId, Today.AddDays(-7 * i), i % 5 == 0 ? AppointmentOutcome.NoShow : AppointmentOutcome.Attended)).ToList();
        var visits = new List<HomeVisit> { new($"V-{n}", caseId, "S-7", Today.AddDays(-100)) };
        return new CasePartition(new Case(caseId, $"51.2-{n}/25", "31", start, null, "S-7", "TR-1", "S-8"), meetings, reports, appointments, visits);
    }
}
