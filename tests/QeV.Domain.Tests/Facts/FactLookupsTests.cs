using QeV.Domain.Facts;

namespace QeV.Domain.Tests.Facts;

/// <summary>
/// The shared lookups planning asks for every notice (issue 9): who leads which team, who is in a team, and an
/// organisation's Leitung, indexed once instead of searched for (at a million cases 16,525 teams and 145,936 staff).
/// </summary>
public sealed class FactLookupsTests
{
    private static Staff Person(string id, string organisation, string? team, StaffRole? role = StaffRole.Fachkraft, bool active = true) =>
        new(id, organisation, team, $"Person {id}", $"{id}@example.de", role, active, null, null, null, null);

    private static FactLookups Lookups() => new(
        [new Organisation("TR-1", OrganisationKind.Traeger, "Träger", null, null), new Organisation("TR-2", OrganisationKind.Traeger, "Träger 2", null, null)],
        [new Team("T-1", "TR-1", "Eins", "S-1", "S-2"), new Team("T-2", "TR-1", "Zwei", null, null), new Team("T-3", "TR-1", "Drei", "S-1", null)],
        [
            Person("S-1", "TR-1", "T-1", StaffRole.Teamleitung), Person("S-2", "TR-1", "T-1"), Person("S-3", "TR-1", "T-3"),
            Person("S-10", "TR-1", null, StaffRole.Leitung), Person("S-9", "TR-1", null, StaffRole.Leitung),
            Person("S-8", "TR-1", null, StaffRole.Leitung, active: false), Person("S-20", "TR-2", null),
        ]);

    [Fact]
    public void TeamsByLead_EveryTeamOfTheLead_InTheTeamsOrder()
    {
        var lookups = Lookups();

        lookups.TeamsByLead["S-1"].Select(t => t.TeamId).ShouldBe(["T-1", "T-3"]);
        lookups.TeamsByLead.Contains("S-2").ShouldBeFalse();
    }

    [Fact]
    public void StaffByTeam_TheMembersOfEachTeam()
    {
        var lookups = Lookups();

        lookups.StaffByTeam["T-1"].Select(s => s.StaffId).ShouldBe(["S-1", "S-2"]);
        lookups.StaffByTeam["T-2"].ShouldBeEmpty();
    }

    [Fact]
    public void LeitungOf_TheActiveLeitungWithTheLowestId_NumbersCompared()
    {
        var lookups = Lookups();

        // S-8 is lower but inactive; S-9 comes before S-10 as a number, not as text
        lookups.LeitungOf("TR-1").ShouldBe("S-9");
        lookups.LeitungOf("TR-2").ShouldBeNull();
        lookups.LeitungOf("TR-unknown").ShouldBeNull();
    }
}
