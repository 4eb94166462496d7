using QeV.Domain.Profiles;
using QeV.Worker.Profiles;

namespace QeV.Worker.Tests.Profiles;

/// <summary>The issue: "An invalid value stops the start with the key named."</summary>
public sealed class RuleProfileValidatorTests
{
    [Theory]
    [InlineData("magdeburg")]
    [InlineData("magdeburg-2017")]
    [InlineData("bad-duerkheim")]
    [InlineData("nrw-qe-vereinbarung")]
    [InlineData("magdeburg-kern")]
    public void Validate_BuiltInProfile_Succeeds(string name)
    {
        // Given
        var options = ProfileConfig.Bind(("Profile", name));

        // When
        var failures = RuleProfileValidator.Failures(options);

        // Then
        failures.ShouldBeEmpty();
    }

    [Fact]
    public void Validate_BadPeriodParameter_NamesKey()
    {
        // Given
        var options = ProfileConfig.Bind(("F01:Parameters:Before", "6x"));

        // When
        var failures = RuleProfileValidator.Failures(options);

        // Then
        failures.ShouldBe(["Rules:F01:Parameters:Before: „6x“ ist keine Frist wie 14d, 10bd, 6w, 6m oder 2y."]);
    }

    [Fact]
    public void Validate_BadDateParameter_NamesKey()
    {
        // Given
        var options = ProfileConfig.Bind(("F07:Parameters:NotBefore", "01.01.2019"));

        // When
        var failures = RuleProfileValidator.Failures(options);

        // Then
        failures.ShouldHaveSingleItem().ShouldStartWith("Rules:F07:Parameters:NotBefore: „01.01.2019“ ist kein Datum");
    }

    [Fact]
    public void Validate_UnknownParameter_NamesKeyAndKnownOnes()
    {
        // Given
        var options = ProfileConfig.Bind(("F12:Parameters:Years", "5"));

        // When
        var failures = RuleProfileValidator.Failures(options);

        // Then
        failures.ShouldBe(["Rules:F12:Parameters:Years: unbekannter Parameter (bekannt: Validity)."]);
    }

    [Fact]
    public void Validate_BadReminder_NamesKeyWithIndex()
    {
        // Given
        var options = ProfileConfig.Bind(("F01:Reminders:0", "10bd"), ("F01:Reminders:1", "drei Tage"));

        // When
        var failures = RuleProfileValidator.Failures(options);

        // Then
        failures.ShouldBe(["Rules:F01:Reminders:1: „drei Tage“ ist keine Frist wie 10bd, 14d, 8w, 6m."]);
    }

    [Fact]
    public void Validate_BadDefaultState_NamesKey()
    {
        // Given
        var options = ProfileConfig.Bind(("DefaultState", "XX"));

        // When
        var failures = RuleProfileValidator.Failures(options);

        // Then
        failures.ShouldBe(["Rules:DefaultState: „XX“ ist kein Bundesland-Kürzel (z. B. ST, RP, NW)."]);
    }

    [Fact]
    public void Validate_UnknownProfile_FailsWithBinderMessage()
    {
        // Given
        var options = ProfileConfig.Bind(("Profile", "hamburg"));

        // When
        var result = new RuleProfileValidator().Validate(null, options);

        // Then
        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain("Rules:Profile: „hamburg“");
    }
}
