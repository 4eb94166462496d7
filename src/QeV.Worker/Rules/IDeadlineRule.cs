using QeV.Worker.Facts;

namespace QeV.Worker.Rules;

/// <summary>A pure rule of the Fristenkatalog: facts and a date in, deadlines out. No I/O, no clock.</summary>
public interface IDeadlineRule
{
    string Id { get; }

    string Name { get; }

    IEnumerable<Deadline> Evaluate(FactSet facts, RuleContext context);
}
