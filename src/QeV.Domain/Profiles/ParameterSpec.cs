namespace QeV.Domain.Profiles;

/// <summary>One parameter a rule reads from its profile: its name (the key under Rules:&lt;id&gt;:Parameters) and kind.</summary>
public sealed record ParameterSpec(string Name, ParameterKind Kind, string Meaning)
{
    /// <summary>The values a <see cref="ParameterKind.Choice"/> or <see cref="ParameterKind.ChoiceList"/> may take.</summary>
    public IReadOnlyList<string> Allowed { get; init; } = [];
}
