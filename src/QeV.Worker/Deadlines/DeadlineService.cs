using Microsoft.Extensions.Options;
using QeV.Domain.Calendar;
using QeV.Domain.Facts;
using QeV.Domain.Profiles;
using QeV.Domain.Rules;
using QeV.Worker.Office;
using QeV.Worker.Store;

namespace QeV.Worker.Deadlines;

/// <summary>Loads the facts and evaluates every rule as of a date.</summary>
public sealed class DeadlineService(
    FactStore store, DeadlineEngine engine, BusinessCalendar calendar, OfficeClock clock, IOptions<RulesOptions> rules)
{
    public async Task<DeadlineSnapshot> EvaluateAsync(DateOnly asOf, CancellationToken ct)
    {
        var facts = await store.LoadAsync(ct);
        return Evaluate(facts, asOf);
    }

    public DeadlineSnapshot Evaluate(FactSet facts, DateOnly asOf)
    {
        var context = new RuleContext(asOf, calendar, clock.DefaultState, rules.Value.Profile);
        return new DeadlineSnapshot(facts, context, engine.Evaluate(facts, context));
    }
}
