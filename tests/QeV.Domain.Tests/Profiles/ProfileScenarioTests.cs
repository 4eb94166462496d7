using QeV.Domain.Facts;
using QeV.Domain.Rules;
using QeV.Domain.Tests.Rules;

namespace QeV.Domain.Tests.Profiles;

/// <summary>
/// The issue: "Tests per profile: the same facts give the deadlines each profile's text demands." One set of facts,
/// run through every rule of the catalogue under each built-in profile:
/// a case from Wednesday 2025-01-15 whose first Hilfeplangespräch was held on Monday 2025-02-10 (plan not yet sent,
/// no cost approval), a Fortschreibung planned for Monday 2025-08-04, and a QEV concluded on Tuesday 2016-03-01 that
/// names the next Qualitätsdialog (Tuesday 2025-09-30) and its end (Wednesday 2026-12-31). Judged on 2025-03-03.
/// </summary>
public sealed class ProfileScenarioTests
{
    private static readonly DateOnly AsOf = new(2025, 3, 3);

    [Fact]
    public void Evaluate_Magdeburg_DeadlinesOfSeed000()
    {
        // Given / When
        var due = Due("magdeburg");

        // Then
        due["F01/M-2"].ShouldBe(new DateOnly(2025, 7, 21)); // 2025-08-04 − 14 days, a Monday
        due["F02/C-17"].ShouldBe(new DateOnly(2025, 7, 15)); // Hilfebeginn + 6 months, a Tuesday
        due["F03/M-1"].ShouldBe(new DateOnly(2025, 4, 7)); // first HPG + 8 weeks, a Monday
        due["F04/M-1"].ShouldBe(new DateOnly(2025, 2, 24)); // first HPG + 14 days, a Monday
        due["F05/M-1"].ShouldBe(new DateOnly(2025, 2, 24)); // first HPG + 14 days
        due["F07/AG-1"].ShouldBe(new DateOnly(2018, 3, 1)); // concluded + 2 years, a Thursday
        due["F10/AG-1"].ShouldBe(new DateOnly(2019, 3, 1)); // concluded + 3 years, a Friday
        due["F11/P-1"].ShouldBe(new DateOnly(2016, 3, 1)); // no Leistungsbeschreibung on record: due on the agreement
        due.Keys.ShouldNotContain(k => k.StartsWith("F18/", StringComparison.Ordinal));
        due.Keys.ShouldNotContain(k => k.StartsWith("F19/", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_Magdeburg2017_LeistungsberichtNotBefore2019()
    {
        // Given / When
        var due = Due("magdeburg-2017");

        // Then: 01.01.2019 is Neujahr (a Tuesday): Wednesday 2019-01-02; the rest as in magdeburg
        due["F07/AG-1"].ShouldBe(new DateOnly(2019, 1, 2));
        due["F04/M-1"].ShouldBe(new DateOnly(2025, 2, 24));
    }

    [Fact]
    public void Evaluate_BadDuerkheim_OnlyWhatItsTextDemands()
    {
        // Given / When
        var deadlines = Evaluate("bad-duerkheim");

        // Then: Zielüberprüfung before the Fortschreibung; next HPG 6 months after the first (Sunday 2025-08-10 on to
        // Monday 2025-08-11); the Hilfeplan within six weeks (Monday 2025-03-24)
        deadlines.Select(d => (d.Rule, d.Name, d.SubjectId, d.DueDate)).OrderBy(x => x.Rule).ShouldBe(
        [
            ("F01", "Zielüberprüfung", "M-2", new DateOnly(2025, 7, 21)),
            ("F02", "Hilfeplangespräch (Fortschreibung)", "C-17", new DateOnly(2025, 8, 11)),
            ("F04", "Hilfeplan an alle Beteiligten", "M-1", new DateOnly(2025, 3, 24)),
        ]);
    }

    [Fact]
    public void Evaluate_Nrw_OnlyTheDatesOfTheAgreement()
    {
        // Given / When
        var deadlines = Evaluate("nrw-qe-vereinbarung");

        // Then
        deadlines.Select(d => (d.Rule, d.SubjectId, d.DueDate)).ShouldBe(
        [
            ("F18", "AG-1", new DateOnly(2025, 9, 30)),
            ("F18", "AG-1", new DateOnly(2026, 12, 31)),
        ]);
    }

    private static Dictionary<string, DateOnly> Due(string profile) =>
        Evaluate(profile).GroupBy(d => d.Rule + "/" + d.SubjectId).ToDictionary(g => g.Key, g => g.Min(d => d.DueDate));

    private static List<Deadline> Evaluate(string profile)
    {
        // Case C-99 only shows that the export carries plan_sent_date and cost_approval_date at all (RuleData); its own
        // deadlines are left out of the comparisons.
        var facts = new FactsBuilder()
            .WithCase("C-99")
            .WithMeetingRecord("M-99", new DateOnly(2025, 1, 20), MeetingKind.Initial,
                planSent: new DateOnly(2025, 1, 27), costApproval: new DateOnly(2025, 1, 27), caseId: "C-99")
            .WithMeetingRecord("M-1", new DateOnly(2025, 2, 10), MeetingKind.Initial)
            .WithMeeting("M-2", new DateOnly(2025, 8, 4))
            .WithAgreementDates("AG-1", new DateOnly(2016, 3, 1), new DateOnly(2026, 12, 31), new DateOnly(2025, 9, 30))
            .Build();
        return new DeadlineEngine(RuleCatalog.All).Evaluate(facts, ProfileContexts.Under(profile, AsOf))
            .Where(d => d.CaseId != "C-99" && d.SubjectId is not ("C-99" or "M-99"))
            .ToList();
    }
}
