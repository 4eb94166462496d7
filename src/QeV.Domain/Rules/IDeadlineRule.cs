using QeV.Domain.Facts;
using QeV.Domain.Profiles;

namespace QeV.Domain.Rules;

/// <summary>A pure rule of the Fristenkatalog: facts and a date in, deadlines out. No I/O, no clock.</summary>
public interface IDeadlineRule
{
    string Id { get; }

    string Name { get; }

    /// <summary>The values the rule reads from its profile (Rules:&lt;id&gt;:Parameters:&lt;name&gt;).</summary>
    IReadOnlyList<ParameterSpec> Parameters => [];

    /// <summary>Who is responsible, escalated to and informed, in German (for the catalogue listing).</summary>
    string Recipients => "";

    IEnumerable<Deadline> Evaluate(FactSet facts, RuleContext context);

    /// <summary>When an instance is due, in German, with the profile's values filled in.</summary>
    string DescribeDue(RuleSettings settings) => "";
}
