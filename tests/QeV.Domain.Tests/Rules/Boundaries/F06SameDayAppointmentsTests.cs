using QeV.Domain.Facts;
using QeV.Domain.Rules;
using static QeV.Domain.Facts.AppointmentOutcome;
using static QeV.Domain.Tests.Support.Builders.RuleContexts;

namespace QeV.Domain.Tests.Rules.Boundaries;

/// <summary>
/// F06, DOMAIN.md: "an drei aufeinander folgenden Terminen keine Mitwirkung". The case's appointments are walked by
/// date; two on the same day by id, read as people read ids (IdComparer: "A-9" before "A-10"). So whether an
/// attended appointment on the day of a third miss ends the run before or after it is decided by the ids alone.
/// </summary>
public sealed class F06SameDayAppointmentsTests
{
    private static readonly DateOnly AsOf = new(2026, 1, 15);

    [Theory]
    // A-9 missed, then A-10 attended: the miss is the third of the run, one instance due that day
    [InlineData("no_show", "attended", 1)]
    // A-9 attended ends the run of two, then A-10 missed starts a new one: no instance
    [InlineData("attended", "no_show", 0)]
    public void Evaluate_TwoMissedThenTwoAppointmentsOnOneDay_OrderedById(string nine, string ten, int instances)
    {
        // Given: missed on Wednesdays 04.03. and 11.03.2026, then A-10 and A-9 (listed in that order) on Wednesday 18.03.2026
        var day = new DateOnly(2026, 3, 18);
        var facts = new FactsBuilder()
            .WithAppointment("A-1", new DateOnly(2026, 3, 4), NoShow)
            .WithAppointment("A-2", new DateOnly(2026, 3, 11), NoShow)
            .WithAppointment("A-10", day, Outcome(ten))
            .WithAppointment("A-9", day, Outcome(nine));

        // When
        var deadlines = new F06MissedAppointmentsRule().Evaluate(facts.Build(), AsOf(AsOf)).ToList();

        // Then
        deadlines.Count.ShouldBe(instances);
        deadlines.ShouldAllBe(d => d.DueDate == day);
    }

    private static AppointmentOutcome Outcome(string text) => text == "attended" ? Attended : NoShow;
}
