using QeV.Domain.Profiles;
using QeV.Worker.Profiles;

namespace QeV.Worker.Tests.Profiles;

/// <summary>
/// Issue 10 point 12: "Configuration maps Jugendämter to profiles. The default stays one profile for all."
/// Rules:Profiles:&lt;name&gt; holds further profiles (bound like section Rules), Rules:Jugendaemter:&lt;id&gt; names one.
/// </summary>
public sealed class ProfileMapBinderTests
{
    [Fact]
    public void Bind_NoMapping_OneProfileForAll()
    {
        // Given / When
        var options = ProfileConfig.Bind(("F01:Parameters:Before", "10d"));

        // Then
        options.Map.IsEmpty.ShouldBeTrue();
        options.Named.ShouldBeEmpty();
        RuleProfileValidator.Failures(options).ShouldBeEmpty();
    }

    [Fact]
    public void Bind_NamedProfileAndBuiltIn_MappedPerJugendamt()
    {
        // Given / When
        var options = ProfileConfig.Bind(
            ("Profiles:ja-2:Profile", "magdeburg-2017"), ("Profiles:ja-2:F01:Parameters:Before", "6w"),
            ("Jugendaemter:JA-2", "ja-2"), ("Jugendaemter:JA-3", "nrw-qe-vereinbarung"));

        // Then: JA-2 gets its own values on magdeburg-2017, JA-3 the built-in profile; the default is untouched
        RuleProfileValidator.Failures(options).ShouldBeEmpty();
        var ja2 = options.Map.ByJugendamt["JA-2"];
        ja2.Name.ShouldBe("ja-2");
        ja2.For("F01").Parameters["Before"].ShouldBe("6w");
        ja2.For("F07").Parameters["NotBefore"].ShouldBe("2019-01-01");
        options.Map.ByJugendamt["JA-3"].Name.ShouldBe("nrw-qe-vereinbarung");
        options.Profile.For("F01").Parameters["Before"].ShouldBe("14d");
    }

    [Fact]
    public void Bind_UnknownProfileInMapping_ErrorNamesKeyAndKnownProfiles()
    {
        // Given / When
        var options = ProfileConfig.Bind(("Profiles:ja-2:F01:Parameters:Before", "6w"), ("Jugendaemter:JA-2", "ja2"));

        // Then
        RuleProfileValidator.Failures(options).ShouldBe(
            ["Rules:Jugendaemter:JA-2: „ja2“ ist kein bekanntes Profil (bekannt: ja-2, magdeburg, magdeburg-2017, bad-duerkheim, nrw-qe-vereinbarung, magdeburg-kern)."]);
    }

    [Theory]
    [InlineData("Jugendaemter", "ja-2", "Rules:Jugendaemter: „ja-2“ ist keine Zuordnung")]
    [InlineData("Jugendaemter:JA-2", "", "Rules:Jugendaemter:JA-2: erwartet wird ein Profilname")]
    [InlineData("Jugendaemter:JA-2:F01", "6w", "Rules:Jugendaemter:JA-2: erwartet wird ein Profilname")]
    [InlineData("Profiles:ja-2:F01:Parameters:Before", "6x", "Rules:Profiles:ja-2:F01:Parameters:Before: „6x“ ist keine Frist")]
    [InlineData("Profiles:ja-2:F01:Reminders:0", "3bd", "Rules:Profiles:ja-2:F01:Reminders: Erinnerungsstufen gelten für alle Profile")]
    [InlineData("Profiles:ja-2:DefaultState", "NW", "Rules:Profiles:ja-2:DefaultState: unbekannte Regel oder Einstellung")]
    [InlineData("Profiles:ja-2:Profile", "hamburg", "Rules:Profiles:ja-2:Profile: „hamburg“ ist kein bekanntes Profil")]
    public void Bind_MalformedSetting_FailureNamesKey(string key, string value, string expected)
    {
        // Given / When
        var options = ProfileConfig.Bind((key, value));

        // Then
        RuleProfileValidator.Failures(options).ShouldContain(f => f.StartsWith(expected, StringComparison.Ordinal));
    }
}
