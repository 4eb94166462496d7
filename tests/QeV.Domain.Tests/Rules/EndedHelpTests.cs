using QeV.Domain.Facts;
using QeV.Domain.Planning;
using QeV.Domain.Rules;
using QeV.Domain.Tests.Support.Builders;
using static QeV.Domain.Tests.Support.Builders.ProfileContexts;

namespace QeV.Domain.Tests.Rules;

/// <summary>
/// Ended helps. Seed 000, Fallbegleitung: the case manager's duties run "in der Zeit der Hilfegewährung"; once a help
/// has ended, its Fortschreibung, Konkretisierung, Vertretung and Clearing report are no longer owed. What was missed
/// before the end is reported once, as missed at the end of the help, and then leaves the lists. The exception are
/// closing obligations: seed 000, Beendigung: "Im Fall einer Beendigung durch fehlende Mitwirkung erstellt der Träger/
/// Leistungsanbieter einen kurzen Abschlussbericht."
/// </summary>
public sealed class EndedHelpTests
{
    private static readonly DateOnly Start = new(2025, 9, 15);
    private static readonly DateOnly End = new(2026, 3, 31);

    /// <summary>A help from 15.09.2025 that ended on Tuesday 31.03.2026.</summary>
    private static FactsBuilder EndedCase() => new FactsBuilder().WithCaseDates(FactsBuilder.CaseId, Start, End);

    [Fact]
    public void Evaluate_F02DueAfterTheEnd_NoDeadline()
    {
        // Given: seed 000 "Die Hilfeplanfortschreibung erfolgt halbjährlich, erstmals 6 Monate nach Hilfebeginn"; the
        // first Fortschreibung was held on 16.03.2026, the next would fall in September, after the end
        var facts = EndedCase().WithMeeting("M-2", new DateOnly(2026, 3, 16), status: MeetingStatus.Held);

        // When
        var deadlines = Evaluate(new F02HilfeplanfortschreibungRule(), facts, "magdeburg", new DateOnly(2026, 4, 8));

        // Then
        deadlines.ShouldBeEmpty();
    }

    [Fact]
    public void Evaluate_F02MissedBeforeTheEnd_ListedOnceAsMissedAtTheEnd()
    {
        // Given: no Fortschreibung held; due Hilfebeginn + 6 months = Monday 16.03.2026, before the end
        var facts = EndedCase();

        // When
        var deadline = Evaluate(new F02HilfeplanfortschreibungRule(), facts, "magdeburg", new DateOnly(2026, 4, 8)).ShouldHaveSingleItem();

        // Then
        deadline.DueDate.ShouldBe(new DateOnly(2026, 3, 16));
        deadline.Status.ShouldBe(DeadlineStatus.Overdue);
        deadline.HelpEndedOn.ShouldBe(End);
    }

    [Theory]
    [InlineData("2026-04-14", 1)] // two weeks after the end: still listed
    [InlineData("2026-04-15", 0)] // then it leaves the lists
    [InlineData("2026-09-30", 0)] // and does not come back
    public void Evaluate_F03MissedBeforeTheEnd_LeavesTheListsAfterTwoWeeks(string asOf, int expected)
    {
        // Given: seed 000 "Die Hilfeplankonkretisierung findet … spätestens 6-8 Wochen nach dem Hilfeplangespräch statt";
        // the first Hilfeplangespräch on 15.09.2025, no Konkretisierung held
        var facts = EndedCase().WithMeeting("M-1", Start, MeetingKind.Initial, MeetingStatus.Held);

        // When
        var deadlines = Evaluate(new F03HilfeplankonkretisierungRule(), facts, "magdeburg", RuleContexts.Day(asOf));

        // Then
        deadlines.Count.ShouldBe(expected);
    }

    [Fact]
    public void Evaluate_F03FulfilledBeforeTheEnd_StaysFulfilled()
    {
        // Given: seed 000 "spätestens 6-8 Wochen nach dem Hilfeplangespräch"; the Konkretisierung held in time
        var facts = EndedCase()
            .WithMeeting("M-1", Start, MeetingKind.Initial, MeetingStatus.Held)
            .WithMeeting("M-3", new DateOnly(2025, 11, 3), MeetingKind.Konkretisierung, MeetingStatus.Held);

        // When
        var deadline = Evaluate(new F03HilfeplankonkretisierungRule(), facts, "magdeburg", new DateOnly(2026, 9, 30)).ShouldHaveSingleItem();

        // Then
        deadline.Status.ShouldBe(DeadlineStatus.Fulfilled);
        deadline.HelpEndedOn.ShouldBeNull();
    }

    [Fact]
    public void Evaluate_F17KeyWorkerStillAbsentAfterTheEnd_NoOpenDeadlineOnceListed()
    {
        // Given: seed 000 "Bei längerfristigem Ausfall (über 6 Wochen) wird eine fachlich gleichwertige Fachkraft …
        // sichergestellt"; the key worker absent since 02.02.2026 without end, due 16.03.2026, the help ended 31.03.
        var facts = EndedCase().WithAbsence(FactsBuilder.KeyWorkerId, new DateOnly(2026, 2, 2), null);

        // When
        var inTheWeekAfter = Evaluate(new F17VertretungRule(), facts, "magdeburg", new DateOnly(2026, 4, 7));
        var monthsLater = Evaluate(new F17VertretungRule(), facts, "magdeburg", new DateOnly(2026, 7, 1));

        // Then
        inTheWeekAfter.ShouldHaveSingleItem().HelpEndedOn.ShouldBe(End);
        monthsLater.ShouldBeEmpty();
    }

    [Fact]
    public void Evaluate_F16SheetOfTheLastMonth_StillOwedAfterTheEnd()
    {
        // Given: seed 000 "Die monatlich erbrachten Leistungen werden durch die Unterschrift der Klient*innen belegt
        // (Nachweisblatt) und ebenfalls monatlich der fallführenden Fachkraft … zur Verfügung gestellt"; the help ran
        // through March, whose sheet is due 30.04.2026, after the end; February's is on record, January's was missed
        var facts = EndedCase()
            .WithCaseReport("NB-2", ReportKind.Nachweisblatt, new DateOnly(2026, 3, 4), "2026-02")
            .WithCaseReport("NB-0", ReportKind.Nachweisblatt, new DateOnly(2026, 1, 5), "2025-12");

        // When
        var open = Evaluate(new F16NachweisblattRule(), facts, "magdeburg", new DateOnly(2026, 5, 4))
            .Where(d => d.IsOpen).ToList();

        // Then: March is a closing obligation and escalates as usual; January (due 02.03.) was missed before the end
        // and has left the lists (the end was more than two weeks ago)
        open.Select(d => d.Name).ShouldBe(["Nachweisblatt 03/2026"]);
        open[0].HelpEndedOn.ShouldBeNull();
    }

    [Fact]
    public void Plan_MissedBeforeTheEnd_OneEndedNoticeNoEscalationSeries()
    {
        // Given: F02 missed (due 16.03.2026), the help ended 31.03.2026; scans on the days after the end
        var facts = EndedCase().Build().WithEmails();
        var planner = new NoticePlanner(new NotificationRulesOptions(), PlanningFacts.Calendar);
        var days = new[] { new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 2), new DateOnly(2026, 4, 8), new DateOnly(2026, 4, 14) };

        // When
        var keys = days.Select(day =>
        {
            var context = Under("magdeburg", day);
            var snapshot = new DeadlineSnapshot(facts, context, new DeadlineEngine(RuleCatalog.All).Evaluate(facts, context));
            return planner.Plan(snapshot, day).Of("F02", FactsBuilder.CaseId);
        }).ToList();

        // Then: every scan plans the same one mail (the ledger keeps it to one), to the case manager with the team lead
        // in copy, of kind Ended; nothing escalates
        foreach (var notices in keys)
        {
            notices.Routing().ShouldBe(["Ended→S-4[S-1]"]);
        }

        keys.Select(n => n[0].Content.Key).Distinct().ShouldHaveSingleItem().ShouldBe("F02/C-17/2026-03-16/ended/ended/S-4");
        keys[0][0].Content.HelpEndedOn.ShouldBe(End);
    }

    [Fact]
    public void Evaluate_F19ClearingEndedEarly_ReportDueAtItsEndAndStillOwed()
    {
        // Given: seed 002 "Dieses umfasst in der Regel einen Zeitraum von drei Monaten"; a Clearing from 02.02.2026
        // that ended on Friday 27.02.2026, without a Clearingbericht
        var facts = new FactsBuilder().WithCaseDates(FactsBuilder.CaseId, new DateOnly(2026, 2, 2), new DateOnly(2026, 2, 27), clearing: true);

        // When
        var deadline = Evaluate(new F19ClearingberichtRule(), facts, "bad-duerkheim", new DateOnly(2026, 4, 20)).ShouldHaveSingleItem();

        // Then: due at the end of the Clearing (not 04.05.), a closing obligation that stays until the report is in
        deadline.DueDate.ShouldBe(new DateOnly(2026, 2, 27));
        deadline.Status.ShouldBe(DeadlineStatus.Overdue);
        deadline.HelpEndedOn.ShouldBeNull();
    }
}
