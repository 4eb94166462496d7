using Microsoft.Extensions.Options;
using QeV.Domain.Calendar;
using QeV.Domain.Facts;
using QeV.Domain.Profiles;
using QeV.Domain.Rules;
using QeV.Worker.Office;
using QeV.Worker.Sources;

namespace QeV.Worker.Deadlines;

/// <summary>Loads the facts (the store and the mapped sources) and evaluates every rule as of a date.</summary>
public sealed class DeadlineService(
    SourcedFactLoader facts, DeadlineEngine engine, BusinessCalendar calendar, OfficeClock clock, IOptions<RulesOptions> rules)
{
    public async Task<DeadlineSnapshot> EvaluateAsync(DateOnly asOf, CancellationToken ct)
    {
        return Evaluate(await facts.LoadAsync(asOf, ct), asOf);
    }

    public DeadlineSnapshot Evaluate(FactSet facts, DateOnly asOf)
    {
        var context = new RuleContext(asOf, calendar, clock.DefaultState, rules.Value.Profile);
        return new DeadlineSnapshot(facts, context, engine.Evaluate(facts, context));
    }
}
