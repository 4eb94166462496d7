using QeV.Domain.Profiles;

namespace QeV.Worker.Tests.Profiles;

/// <summary>
/// The issue: "`Rules:Profile` selects a profile. Any value can be overridden in appsettings." The existing keys
/// (Rules:F01:Reminders etc.) keep working on top of the selected profile.
/// </summary>
public sealed class RuleProfileBinderTests
{
    [Fact]
    public void Bind_NoSettings_SelectsMagdeburg()
    {
        // Given / When
        var options = ProfileConfig.Bind();

        // Then
        options.Profile.Name.ShouldBe("magdeburg");
        options.Profile.DefaultState.ShouldBe("ST");
        options.BindErrors.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("magdeburg-2017")]
    [InlineData("bad-duerkheim")]
    [InlineData("nrw-qe-vereinbarung")]
    [InlineData("BAD-DUERKHEIM")]
    public void Bind_ProfileKey_SelectsThatProfile(string name)
    {
        // Given / When
        var options = ProfileConfig.Bind(("Profile", name));

        // Then
        options.Profile.Name.ShouldBe(name.ToLowerInvariant());
        options.BindErrors.ShouldBeEmpty();
    }

    [Fact]
    public void Bind_UnknownProfile_ErrorNamesKeyAndListsKnownProfiles()
    {
        // Given / When
        var options = ProfileConfig.Bind(("Profile", "hamburg"));

        // Then
        var error = options.BindErrors.ShouldHaveSingleItem();
        error.ShouldStartWith("Rules:Profile: „hamburg“ ist kein bekanntes Profil");
        error.ShouldContain("magdeburg, magdeburg-2017, bad-duerkheim, nrw-qe-vereinbarung");
    }

    [Fact]
    public void Bind_RemindersOverride_ReplacesProfileListKeepsOtherStages()
    {
        // Given / When
        var options = ProfileConfig.Bind(("F01:Reminders:0", "5bd"));

        // Then
        var stages = options.Profile.For("F01").Stages;
        stages.Reminders.ShouldBe(["5bd"]);
        stages.OnDueDay.ShouldBeTrue();
        stages.EscalateAfter.ShouldBe("1bd");
    }

    [Fact]
    public void Bind_ParameterOverride_ChangesOnlyThatParameter()
    {
        // Given / When
        var options = ProfileConfig.Bind(("Profile", "magdeburg"), ("F07:Parameters:NotBefore", "2027-01-01"));

        // Then
        options.Profile.For("F07").Date("NotBefore").ShouldBe(new DateOnly(2027, 1, 1));
        options.Profile.For("F07").Period("Interval").ToString().ShouldBe("2y");
    }

    [Fact]
    public void Bind_EnabledFalse_SwitchesRuleAndItsNoticesOff()
    {
        // Given / When
        var options = ProfileConfig.Bind(("F12:Enabled", "false"));

        // Then
        options.Profile.IsEnabled("F12").ShouldBeFalse();
        options.Profile.For("F12").Stages.Enabled.ShouldBeFalse();
    }

    [Fact]
    public void Bind_DefaultStateOverride_ReplacesProfilesBundesland()
    {
        // Given / When
        var options = ProfileConfig.Bind(("Profile", "bad-duerkheim"), ("DefaultState", "NW"));

        // Then
        options.Profile.DefaultState.ShouldBe("NW");
    }

    [Fact]
    public void Bind_UnknownRuleOrKey_ErrorsNameTheKey()
    {
        // Given / When
        var options = ProfileConfig.Bind(("F99:Enabled", "true"), ("F01:Remiders:0", "5bd"), ("F01:Enabled", "vielleicht"));

        // Then
        options.BindErrors.ShouldContain(e => e.StartsWith("Rules:F99: unbekannte Regel", StringComparison.Ordinal));
        options.BindErrors.ShouldContain(e => e.StartsWith("Rules:F01:Remiders: unbekannte Einstellung", StringComparison.Ordinal));
        options.BindErrors.ShouldContain("Rules:F01:Enabled: „vielleicht“ ist kein Wahrheitswert (true oder false).");
    }

    [Fact]
    public void Bind_SameProfileTwice_ProfilesAreIndependentCopies()
    {
        // Given
        var first = ProfileConfig.Bind(("F01:Parameters:Before", "3w"));

        // When
        var second = ProfileConfig.Bind();

        // Then
        second.Profile.For("F01").Text("Before").ShouldBe("14d");
        BuiltInProfiles.Default.For("F01").Text("Before").ShouldBe("14d");
        first.Profile.For("F01").Text("Before").ShouldBe("3w");
    }
}
