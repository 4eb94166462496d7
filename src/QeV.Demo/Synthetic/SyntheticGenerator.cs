using System.Globalization;

namespace QeV.Demo.Synthetic;

/// <summary>
/// Deterministic synthetic data at scale (`qev generate`): Jugendämter of up to 25,000 cases each, about 25 cases per
/// case manager and 8 Fachkräfte per team; providers of 5 to 200 staff; six-monthly care-plan meetings; weekly
/// appointments over 12 weeks with realistic no-show rates; Führungszeugnisse of every age, some missing; trainings;
/// home visits; agreements, Leistungsberichte and AG 78 sessions. Rows are streamed to a sink block by block, so memory
/// does not grow with the number of cases. The same seed, day and count give the same rows.
/// </summary>
public sealed partial class SyntheticGenerator
{
    public const int CasesPerJugendamt = 25_000;
    public const int CasesPerCaseManager = 25;
    public const int FachkraefteperTeam = 8;
    public const int CasesPerKeyWorker = 12;
    public const int CasesPerBlock = 1_000;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly string[] States = ["ST", "RP", "NW", "NI", "BY", "SN", "HE", "BW"];
    private static readonly string[] Hilfearten = ["29", "30", "31", "35", "41"];

    private readonly Random _rng;
    private readonly DateOnly _today;
    private readonly int _caseCount;
    private ISyntheticSink _sink = null!;
    private int _organisationNo;
    private int _teamNo;
    private int _staffNo;
    private int _caseNo;
    private int _meetingNo;
    private int _reportNo;
    private int _appointmentNo;
    private int _visitNo;
    private int _agreementNo;
    private int _sessionNo;
    private int _dialogueNo;

    public SyntheticGenerator(int seed, DateOnly today, int caseCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(caseCount);
        _rng = new Random(seed);
        _today = today;
        _caseCount = caseCount;
    }

    public void Generate(ISyntheticSink sink)
    {
        _sink = sink;
        var left = _caseCount;
        while (left > 0)
        {
            var block = Math.Min(left, CasesPerJugendamt);
            GenerateJugendamt(block);
            left -= block;
        }
    }

    private void GenerateJugendamt(int cases)
    {
        var state = States[_organisationNo % States.Length];
        var office = NewOrganisation("jugendamt", "Jugendamt", state);
        var leitung = NewStaff(office, null, "leitung", withCertificates: false);
        var caseManagers = new List<string>();
        var needed = (cases + CasesPerCaseManager - 1) / CasesPerCaseManager;
        while (caseManagers.Count < needed)
        {
            caseManagers.AddRange(NewTeam(office, Math.Min(FachkraefteperTeam, needed - caseManagers.Count), withCertificates: false));
        }

        var years = 1 + _rng.Next(3);
        for (var i = 0; i < years; i++)
        {
            Add(SyntheticTable.Ag78Sessions, Id("AG", ++_sessionNo, 6), office, _today.AddDays(-_rng.Next(30, 6 * 365)), "Qualitätsstandards");
        }

        var keyWorkers = new List<(string StaffId, string ProviderId)>();
        var capacity = (cases + CasesPerKeyWorker - 1) / CasesPerKeyWorker;
        while (keyWorkers.Count < capacity)
        {
            GenerateProvider(state, keyWorkers);
        }

        _ = leitung;
        for (var i = 0; i < cases; i++)
        {
            var (keyWorker, provider) = _rng.Next(100) == 0 ? (null, null) : keyWorkers[_rng.Next(keyWorkers.Count)];
            GenerateCase(caseManagers[i / CasesPerCaseManager], keyWorker, provider);
            if (_caseNo % CasesPerBlock == 0 || i == cases - 1)
            {
                _sink.BlockDone(_caseNo);
            }
        }
    }

    private void GenerateProvider(string state, List<(string StaffId, string ProviderId)> keyWorkers)
    {
        var provider = NewOrganisation("traeger", "Träger", state);

        // Most providers are small, a few are large: 5 to 200 staff.
        var size = 5 + (int)(195 * Math.Pow(_rng.NextDouble(), 3));
        NewStaff(provider, null, "leitung", withCertificates: true);
        NewStaff(provider, null, "personal", withCertificates: true);
        var fachkraefte = size - 2;
        while (fachkraefte > 0)
        {
            var members = NewTeam(provider, Math.Min(FachkraefteperTeam, fachkraefte), withCertificates: true);
            keyWorkers.AddRange(members.Select(m => (m, provider)));
            fachkraefte -= members.Count;
        }

        var concluded = _today.AddDays(-_rng.Next(60, 5 * 365));
        Add(SyntheticTable.Agreements, Id("AGR", ++_agreementNo, 6), provider, "qev", concluded, concluded.AddYears(3),
            _rng.Next(10) < 7 ? concluded.AddDays(_rng.Next(365, 3 * 365)) : null);
        if (_rng.Next(2) == 0)
        {
            Add(SyntheticTable.Agreements, Id("AGR", ++_agreementNo, 6), provider, "leq", concluded.AddDays(_rng.Next(0, 60)), null, null);
        }

        var received = concluded.AddDays(_rng.Next(600, 800));
        while (received < _today && _rng.Next(4) != 0)
        {
            Add(SyntheticTable.Reports, Id("R", ++_reportNo, 9), "leistungsbericht", provider, null, null, null, received);
            if (_rng.Next(2) == 0)
            {
                Add(SyntheticTable.ProviderDialogues, Id("D", ++_dialogueNo, 6), provider, Min(received.AddDays(_rng.Next(20, 100)), _today), "Trägergespräch");
            }

            received = received.AddDays(_rng.Next(680, 780));
        }

        Add(SyntheticTable.Reports, Id("R", ++_reportNo, 9), "leistungsbeschreibung", provider, null, null, null, _today.AddDays(-_rng.Next(30, 4 * 365)));
    }

    private string NewOrganisation(string kind, string label, string? state)
    {
        var id = Id(kind == "jugendamt" ? "JA" : "TR", ++_organisationNo, 5);
        Add(SyntheticTable.Organisations, id, kind, $"{label} {id}", $"kontakt@{id.ToLowerInvariant()}.example", _rng.Next(20) == 0 ? null : state);
        return id;
    }

    /// <summary>A team with its lead and <paramref name="size"/> Fachkräfte, one of whom deputises; returns the Fachkräfte.</summary>
    private List<string> NewTeam(string organisation, int size, bool withCertificates)
    {
        var teamId = Id("T", ++_teamNo, 6);
        var lead = NewStaff(organisation, teamId, "teamleitung", withCertificates);
        var members = new List<string>(size);
        for (var i = 0; i < size; i++)
        {
            members.Add(NewStaff(organisation, teamId, "fachkraft", withCertificates, deputy: members.Count > 0 ? members[^1] : null));
        }

        Add(SyntheticTable.Teams, teamId, organisation, $"Team {teamId}", lead, members.Count > 0 ? members[0] : null);
        return members;
    }

    private static string Id(string prefix, int number, int width) =>
        prefix + "-" + number.ToString("D" + width.ToString(Invariant), Invariant);

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private void Add(SyntheticTable table, params object?[] row) => _sink.Add(table, row);
}
