using QeV.Worker.Dispatch.Rendering;

namespace QeV.Worker.Tests.Dispatch.Rendering;

public sealed class MailFormatTests
{
    [Fact]
    public void Date_Any_IsTTMMJJJJ() => MailFormat.Date(new DateOnly(2026, 3, 5)).ShouldBe("05.03.2026");

    [Theory]
    [InlineData(2026, 12, 14, "noch 10 Tage")]
    [InlineData(2026, 12, 5, "noch 1 Tag")]
    [InlineData(2026, 12, 4, "heute fällig")]
    [InlineData(2026, 12, 3, "seit 1 Tag überfällig")]
    [InlineData(2026, 11, 30, "seit 4 Tagen überfällig")]
    public void Status_DueSeenFromDay_SaysDaysLeftOrOverdue(int y, int m, int d, string expected) =>
        MailFormat.Status(new DateOnly(y, m, d), new DateOnly(2026, 12, 4)).ShouldBe(expected);

    [Theory]
    [InlineData(new string[0], "")]
    [InlineData(new[] { "A" }, "A")]
    [InlineData(new[] { "A", "B" }, "A und B")]
    [InlineData(new[] { "A", "B", "C" }, "A, B und C")]
    public void JoinNames_List_IsGermanEnumeration(string[] names, string expected) =>
        MailFormat.JoinNames(names).ShouldBe(expected);
}
