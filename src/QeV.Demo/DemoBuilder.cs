using System.Globalization;
using QeV.Domain.Calendar;
using QeV.Domain.Facts;
using QeV.Domain.Tables;

namespace QeV.Demo;

/// <summary>
/// Builds one demo data set (see <see cref="DemoDataGenerator"/>). All randomness comes from one
/// <see cref="Random"/> seeded by the caller and consumed in a fixed order; all dates are relative to "today".
/// </summary>
/// <remarks>
/// Deliberate examples, so that the core rules show every status as of "today":
/// F01 — one planned Fortschreibung whose report is overdue, one due today (when today is a business day), one
/// upcoming and one already fulfilled, besides the random ones;
/// F06 — runs of three appointments without cooperation whose third is today, in the past, tomorrow (a short-notice
/// cancellation recorded ahead), and runs broken by "attended" or interrupted by outcomes that do not count;
/// F07 — one provider's Leistungsbericht overdue, one due today (or on the next business day), one within 90 days,
/// one later; F09 — the latest AG § 78 session a little less than three years ago; F12 — renewals overdue, due
/// today (on a business day), within 90 days and later, and two new staff without a certificate (hired weeks ago,
/// hired today).
/// </remarks>
internal sealed partial class DemoBuilder
{
    private const Bundesland State = Bundesland.ST;
    private const string JugendamtId = "JA-MD";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static readonly TeamPlan[] JugendamtTeams = [new("ASD Nord", 7), new("ASD Süd", 7)];

    private static readonly ProviderPlan[] ProviderPlans =
    [
        new("TR-ELBE", "Elbe-Jugendhilfe gGmbH", "elbe-jugendhilfe.example", "ST", 35,
            [new("Ambulante Hilfen Nord", 4), new("Ambulante Hilfen Süd", 4)]),
        new("TR-BOERDE", "Familienhilfe Börde e.V.", "familienhilfe-boerde.example", "ST", 25,
            [new("Sozialpädagogische Familienhilfe", 8)]),
        new("TR-SUDENBURG", "Sudenburger Kinder- und Jugendhilfe gGmbH", "sudenburger-jugendhilfe.example", "ST", 25,
            [new("Erziehungsbeistandschaft", 4), new("Familienhilfe", 3)]),

        // No state on purpose: the configured default (ST) applies.
        new("TR-DOMPLATZ", "Jugendwerk am Domplatz e.V.", "jugendwerk-domplatz.example", null, 15,
            [new("Ambulante Hilfen", 7)]),
    ];

    private readonly Random _rng;
    private readonly DateOnly _today;
    private readonly int _caseCount;
    private readonly string _rowIdFormat;
    private readonly BusinessCalendar _calendar = new();
    private readonly Dictionary<string, DemoTable> _tables =
        ImportCatalog.Tables.ToDictionary(t => t.Table, t => new DemoTable(t), StringComparer.Ordinal);

    private readonly List<Person> _staff = [];
    private readonly List<Org> _providers = [];
    private readonly HashSet<string> _usedNames = new(StringComparer.Ordinal);
    private Org? _jugendamt;
    private Person? _inactiveKeyWorker;
    private int _teamNo;
    private int _meetingNo;
    private int _reportNo;
    private int _appointmentNo;
    private int _visitNo;
    private readonly List<CaseInfo> _caseInfos = [];
    private readonly Dictionary<string, string> _caseManagers = new(StringComparer.Ordinal);
    private readonly List<(string ProviderId, DateOnly Received)> _leistungsberichte = [];
    private readonly HashSet<(string CaseId, string Period)> _nachweisblaetter = [];

    public DemoBuilder(int seed, DateOnly today, int caseCount)
    {
        _rng = new Random(seed);
        _today = today;
        _caseCount = caseCount;

        // Meetings, reports and appointments stay well below 30 per case; one width keeps ids in natural order.
        var width = Math.Max(5, (((long)caseCount * 30) + 100).ToString(Invariant).Length);
        _rowIdFormat = "D" + width.ToString(Invariant);
    }

    private Org Jugendamt => _jugendamt ?? throw new InvalidOperationException("Jugendamt fehlt.");

    public IReadOnlyList<ImportTable> Build()
    {
        CreateOrganisations();
        MarkDataProblems();
        AssignDeputies();
        PlanFuehrungszeugnisse();
        WriteTeamsAndStaff();
        BuildCases();
        BuildAgreementsAndProviderReports();
        BuildAg78Sessions();
        BuildTrainings();

        // Added with the full catalogue; drawn last so that the rows above stay as they were for a seed.
        BuildPreviousYearTrainings();
        BuildNachweisblaetter();
        BuildHomeVisits();
        BuildProviderDialogues();
        return ImportCatalog.Tables.Select(t => _tables[t.Table].ToImportTable()).ToList();
    }

    private void CreateOrganisations()
    {
        _jugendamt = CreateOrganisation(JugendamtId, OrganisationKind.Jugendamt, "Jugendamt Landeshauptstadt Magdeburg",
            "magdeburg.example", "jugendamt@magdeburg.example", "ST", JugendamtTeams);
        foreach (var plan in ProviderPlans)
        {
            _providers.Add(CreateOrganisation(plan.Id, OrganisationKind.Traeger, plan.Name, plan.Domain,
                "info@" + plan.Domain, plan.State, plan.Teams));
        }
    }

    private Org CreateOrganisation(
        string id, OrganisationKind kind, string name, string domain, string contactEmail, string? state,
        IReadOnlyList<TeamPlan> teamPlans)
    {
        _tables["organisations"].Add(
            ("organisation_id", id), ("kind", Codes.Of(kind)), ("name", name), ("contact_email", contactEmail),
            ("state", state));

        // Ids in the order leitung, team leads, HR, Fachkräfte.
        var leitung = NewPerson(id, domain, null, StaffRole.Leitung);
        var teams = new List<TeamInfo>();
        foreach (var plan in teamPlans)
        {
            var teamId = "TM-" + (++_teamNo).ToString("D2", Invariant);
            teams.Add(new TeamInfo(teamId, plan.Name, NewPerson(id, domain, teamId, StaffRole.Teamleitung)));
        }

        var personal = kind == OrganisationKind.Traeger ? NewPerson(id, domain, null, StaffRole.Personal) : null;
        for (var i = 0; i < teams.Count; i++)
        {
            for (var n = 0; n < teamPlans[i].Fachkraefte; n++)
            {
                teams[i].Fachkraefte.Add(NewPerson(id, domain, teams[i].Id, StaffRole.Fachkraft));
            }

            teams[i].DeputyLead = Pick(teams[i].Fachkraefte);
        }

        return new Org(id, leitung, personal, teams);
    }

    private Person NewPerson(string organisationId, string domain, string? teamId, StaffRole role)
    {
        string first, surname;
        do
        {
            first = Pick(DemoNames.FirstNames);
            surname = Pick(DemoNames.Surnames);
        }
        while (!_usedNames.Add(first + " " + surname));

        var person = new Person
        {
            Id = "S-" + (_staff.Count + 1).ToString("D3", Invariant),
            OrganisationId = organisationId,
            TeamId = teamId,
            DisplayName = first + " " + surname,
            Email = DemoNames.EmailLocalPart(first, surname) + "@" + domain,
            Role = role,
        };
        _staff.Add(person);
        return person;
    }

    /// <summary>The realistic gaps: an inactive key worker, no e-mail, two absences, two hires without certificate.</summary>
    private void MarkDataProblems()
    {
        var (elbe, boerde, sudenburg, domplatz) = (_providers[0], _providers[1], _providers[2], _providers[3]);

        _inactiveKeyWorker = Ordinary(elbe.Teams[1]);
        _inactiveKeyWorker.Active = false;

        Ordinary(boerde.Teams[0]).Email = null;

        foreach (var absent in new[] { Ordinary(sudenburg.Teams[0]), Ordinary(Jugendamt.Teams[1]) })
        {
            absent.AbsentFrom = _today.AddDays(-Between(2, 5));
            absent.AbsentUntil = _today.AddDays(Between(12, 16));
        }

        var hiredToday = Ordinary(elbe.Teams[0]);
        hiredToday.EmployedSince = _today;
        hiredToday.WithoutCertificate = true;

        var hiredRecently = Ordinary(domplatz.Teams[0]);
        hiredRecently.EmployedSince = _today.AddDays(-Between(20, 60));
        hiredRecently.WithoutCertificate = true;
    }

    /// <summary>A Fachkraft of the team who is not its deputy lead and not yet picked for another example.</summary>
    private Person Ordinary(TeamInfo team)
    {
        var person = Pick(team.Fachkraefte.Where(p => p != team.DeputyLead && !p.Special).ToList());
        person.Special = true;
        return person;
    }

    /// <summary>Everyone has a deputy in the same team; leitung → first team lead, HR → leitung.</summary>
    private void AssignDeputies()
    {
        foreach (var org in _providers.Prepend(Jugendamt))
        {
            foreach (var team in org.Teams)
            {
                team.Lead.DeputyId = team.DeputyLead.Id;
                var ring = team.Fachkraefte.Where(p => p.Active && !p.WithoutCertificate).ToList();
                for (var i = 0; i < ring.Count; i++)
                {
                    ring[i].DeputyId = ring[(i + 1) % ring.Count].Id;
                }

                foreach (var person in team.Fachkraefte.Where(p => p.DeputyId is null))
                {
                    person.DeputyId = ring[0].Id;
                }
            }

            org.Leitung.DeputyId = org.Teams[0].Lead.Id;
            if (org.Personal is { } personal)
            {
                personal.DeputyId = org.Leitung.Id;
            }
        }
    }

    private void WriteTeamsAndStaff()
    {
        foreach (var org in _providers.Prepend(Jugendamt))
        {
            foreach (var team in org.Teams)
            {
                _tables["teams"].Add(
                    ("team_id", team.Id), ("organisation_id", org.Id), ("name", team.Name),
                    ("lead_staff_id", team.Lead.Id), ("deputy_lead_staff_id", team.DeputyLead.Id));
            }
        }

        foreach (var person in _staff)
        {
            _tables["staff"].Add(
                ("staff_id", person.Id), ("organisation_id", person.OrganisationId), ("team_id", person.TeamId),
                ("display_name", person.DisplayName), ("email", person.Email), ("role", Codes.Of(person.Role)),
                ("active", person.Active), ("deputy_staff_id", person.DeputyId), ("absent_from", person.AbsentFrom),
                ("absent_until", person.AbsentUntil), ("employed_since", person.EmployedSince));
        }
    }

    private int Between(int min, int maxInclusive) => _rng.Next(min, maxInclusive + 1);

    private bool Chance(double probability) => _rng.NextDouble() < probability;

    private T Pick<T>(IReadOnlyList<T> items) => items[_rng.Next(items.Count)];

    private T PickWeighted<T>(IReadOnlyList<T> items, IReadOnlyList<int> weights)
    {
        var roll = _rng.Next(weights.Sum());
        for (var i = 0; i < items.Count; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return items[i];
            }
        }

        return items[^1];
    }

    private DateOnly NextBusinessDay(DateOnly date) => _calendar.OnOrAfter(date, State);

    private DateOnly PreviousBusinessDay(DateOnly date) => _calendar.OnOrBefore(date, State);

    private bool IsBusinessDay(DateOnly date) => _calendar.IsBusinessDay(date, State);

    private string NextRowId(string prefix, ref int counter) => prefix + (++counter).ToString(_rowIdFormat, Invariant);

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
