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

}
