using System.Text;
using QeV.Worker.Dispatch.Ics;

namespace QeV.Worker.Tests.Dispatch.Ics;

public sealed class IcsTextTests
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    [Theory]
    [InlineData(@"a\b", @"a\\b")]
    [InlineData("a;b", @"a\;b")]
    [InlineData("a,b", @"a\,b")]
    [InlineData("a\r\nb", @"a\nb")]
    [InlineData("a\nb", @"a\nb")]
    [InlineData("a\rb", @"a\nb")]
    public void Escape_SpecialCharacter_IsEscaped(string input, string expected) =>
        IcsText.Escape(input).ShouldBe(expected);

    [Fact]
    public void Escape_MixedText_EscapesEverySpecialCharacter() =>
        IcsText.Escape("Frist: Müller, Akte 1;2\\3\r\n\nEnde\r")
            .ShouldBe(@"Frist: Müller\, Akte 1\;2\\3\n\nEnde\n");

    [Fact]
    public void Escape_PlainText_IsUnchanged() =>
        IcsText.Escape("Widerspruchsfrist läuft ab: 12.03.2026").ShouldBe("Widerspruchsfrist läuft ab: 12.03.2026");

    [Fact]
    public void Fold_SeventyFiveOctets_IsNotFolded()
    {
        var line = new string('a', 75);
        IcsText.Fold(line).ShouldBe(line);
    }

    [Fact]
    public void Fold_SeventySixOctets_IsFolded()
    {
        var line = new string('a', 76);
        IcsText.Fold(line).ShouldBe(new string('a', 75) + "\r\n a");
    }

    [Fact]
    public void Fold_SeventyFiveCharsWithUmlaut_IsFoldedByOctets()
    {
        var line = "ä" + new string('a', 74);
        IcsText.Fold(line).ShouldContain("\r\n ");
    }

    [Theory]
    [InlineData(76)]
    [InlineData(200)]
    [InlineData(1000)]
    public void Fold_LongLine_EveryPhysicalLineAtMost75Octets(int length)
    {
        var folded = IcsText.Fold("DESCRIPTION:" + new string('x', length));
        foreach (var physical in folded.Split("\r\n"))
            Encoding.UTF8.GetByteCount(physical).ShouldBeLessThanOrEqualTo(75);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("ä")]
    [InlineData("€")]
    [InlineData("ß€ä😀x")]
    public void Fold_Unfolded_ReturnsOriginal(string unit)
    {
        var line = "SUMMARY:" + string.Concat(Enumerable.Repeat(unit, 150));
        IcsText.Fold(line).Replace("\r\n ", "", StringComparison.Ordinal).ShouldBe(line);
    }

    [Theory]
    [InlineData("ä")]
    [InlineData("ß")]
    [InlineData("€")]
    [InlineData("äß€")]
    [InlineData("😀")]
    public void Fold_MultiByteCharacters_NeverSplitInsideCharacter(string unit)
    {
        for (var prefix = 0; prefix < 4; prefix++)
        {
            var line = new string('a', prefix) + string.Concat(Enumerable.Repeat(unit, 120));
            var bytes = Encoding.UTF8.GetBytes(IcsText.Fold(line));
            foreach (var physical in SplitCrlf(bytes))
            {
                physical.Length.ShouldBeLessThanOrEqualTo(75);
                Should.NotThrow(() => StrictUtf8.GetString(physical));
            }
        }
    }

    private static List<byte[]> SplitCrlf(byte[] bytes)
    {
        var lines = new List<byte[]>();
        var start = 0;
        for (var i = 0; i + 1 < bytes.Length; i++)
        {
            if (bytes[i] != '\r' || bytes[i + 1] != '\n')
                continue;
            lines.Add(bytes[start..i]);
            start = i + 2;
        }

        lines.Add(bytes[start..]);
        return lines;
    }
}
