namespace QeV.Domain.Profiles;

/// <summary>The profiles the product ships; Rules:Profile selects one by name.</summary>
public static class BuiltInProfiles
{
    public const string DefaultName = MagdeburgProfile.Name;

    private static readonly Dictionary<string, Func<RuleProfile>> Factories = new(StringComparer.OrdinalIgnoreCase)
    {
        [MagdeburgProfile.Name] = MagdeburgProfile.Create,
        [Magdeburg2017Profile.Name] = Magdeburg2017Profile.Create,
        [BadDuerkheimProfile.Name] = BadDuerkheimProfile.Create,
        [NrwProfile.Name] = NrwProfile.Create,
        [MagdeburgKernProfile.Name] = MagdeburgKernProfile.Create,
    };

    /// <summary>The default profile's values, shared and never changed (what a RuleContext without profile uses).</summary>
    public static RuleProfile Default { get; } = MagdeburgProfile.Create();

    public static IReadOnlyList<string> Names { get; } = [.. Factories.Keys];

    /// <summary>A fresh copy of a built-in profile (the binder changes it), or null for an unknown name.</summary>
    public static RuleProfile? Create(string name) =>
        Factories.TryGetValue(name.Trim(), out var factory) ? factory() : null;
}
