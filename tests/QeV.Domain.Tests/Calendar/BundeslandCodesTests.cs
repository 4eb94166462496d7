using QeV.Domain.Calendar;

namespace QeV.Domain.Tests.Calendar;

public sealed class BundeslandCodesTests
{
    [Theory]
    [InlineData("ST", Bundesland.ST)]
    [InlineData("st", Bundesland.ST)]
    [InlineData("  rp ", Bundesland.RP)]
    [InlineData("DE-NW", Bundesland.NW)]
    [InlineData("de-by", Bundesland.BY)]
    [InlineData(" De-Th\t", Bundesland.TH)]
    [InlineData("BW", Bundesland.BW)]
    [InlineData("SH", Bundesland.SH)]
    public void TryParse_ValidCode_ReturnsState(string code, Bundesland expected)
    {
        BundeslandCodes.TryParse(code, out var state).ShouldBeTrue();

        state.ShouldBe(expected);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("XX")]
    [InlineData("DE-")]
    [InlineData("DE")]
    [InlineData("DE-DE-ST")]
    [InlineData("AT-ST")]
    [InlineData("S T")]
    [InlineData("1")]
    [InlineData("Sachsen")]
    public void TryParse_InvalidCode_ReturnsFalse(string? code)
    {
        BundeslandCodes.TryParse(code, out _).ShouldBeFalse();
    }

    [Fact]
    public void TryParse_EveryEnumName_RoundTrips()
    {
        foreach (var state in Enum.GetValues<Bundesland>())
        {
            BundeslandCodes.TryParse($"DE-{state}", out var parsed).ShouldBeTrue();
            parsed.ShouldBe(state);
        }
    }

    [Theory]
    [InlineData(Bundesland.BW, "Baden-Württemberg")]
    [InlineData(Bundesland.BY, "Bayern")]
    [InlineData(Bundesland.BE, "Berlin")]
    [InlineData(Bundesland.BB, "Brandenburg")]
    [InlineData(Bundesland.HB, "Bremen")]
    [InlineData(Bundesland.HH, "Hamburg")]
    [InlineData(Bundesland.HE, "Hessen")]
    [InlineData(Bundesland.MV, "Mecklenburg-Vorpommern")]
    [InlineData(Bundesland.NI, "Niedersachsen")]
    [InlineData(Bundesland.NW, "Nordrhein-Westfalen")]
    [InlineData(Bundesland.RP, "Rheinland-Pfalz")]
    [InlineData(Bundesland.SL, "Saarland")]
    [InlineData(Bundesland.SN, "Sachsen")]
    [InlineData(Bundesland.ST, "Sachsen-Anhalt")]
    [InlineData(Bundesland.SH, "Schleswig-Holstein")]
    [InlineData(Bundesland.TH, "Thüringen")]
    public void GermanName_State_ReturnsOfficialName(Bundesland state, string expected)
    {
        BundeslandCodes.GermanName(state).ShouldBe(expected);
    }

    [Fact]
    public void GermanName_UndefinedValue_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => BundeslandCodes.GermanName((Bundesland)99));
    }
}
