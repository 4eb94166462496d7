using QeV.Domain.Facts;

namespace QeV.Demo;

/// <summary>The builder's plans and the organisations, teams and people it creates.</summary>
internal sealed partial class DemoBuilder
{
    private sealed record TeamPlan(string Name, int Fachkraefte);

    private sealed record ProviderPlan(
        string Id, string Name, string Domain, string? State, int CaseWeight, IReadOnlyList<TeamPlan> Teams);

    private sealed class Org(string id, Person leitung, Person? personal, IReadOnlyList<TeamInfo> teams)
    {
        public string Id => id;

        public Person Leitung => leitung;

        /// <summary>HR (role personal); providers only.</summary>
        public Person? Personal => personal;

        public IReadOnlyList<TeamInfo> Teams => teams;

        public IEnumerable<Person> Fachkraefte => teams.SelectMany(t => t.Fachkraefte);
    }

    private sealed class TeamInfo(string id, string name, Person lead)
    {
        public string Id => id;

        public string Name => name;

        public Person Lead { get; } = lead;

        public List<Person> Fachkraefte { get; } = [];

        public Person DeputyLead { get; set; } = lead;
    }

    private sealed class Person
    {
        public required string Id { get; init; }

        public required string OrganisationId { get; init; }

        public string? TeamId { get; init; }

        public required string DisplayName { get; init; }

        public string? Email { get; set; }

        public StaffRole Role { get; init; }

        public bool Active { get; set; } = true;

        public string? DeputyId { get; set; }

        public DateOnly? AbsentFrom { get; set; }

        public DateOnly? AbsentUntil { get; set; }

        public DateOnly? EmployedSince { get; set; }

        /// <summary>Has no Führungszeugnis on record (a deliberate F12 example); not a key worker or deputy.</summary>
        public bool WithoutCertificate { get; set; }

        /// <summary>Already picked for one deliberate example.</summary>
        public bool Special { get; set; }
    }
}
