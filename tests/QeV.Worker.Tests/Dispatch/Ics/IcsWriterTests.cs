using QeV.Worker.Dispatch.Ics;

namespace QeV.Worker.Tests.Dispatch.Ics;

public sealed class IcsWriterTests
{
    private static CalendarEvent Event(DateOnly? date = null, string summary = "Frist", string description = "Text") =>
        new("abc@qev-worker", date ?? new DateOnly(2026, 3, 12), summary, description,
            new DateTimeOffset(2026, 1, 15, 9, 30, 5, TimeSpan.FromHours(1)));

    private static string[] Lines(string ics) =>
        ics[..^2].Split("\r\n");

    [Fact]
    public void Write_Document_UsesCrlfOnlyAndEndsWithCrlf()
    {
        var ics = IcsWriter.Write(Event(description: "Zeile 1\nZeile 2\r\nZeile 3"));
        ics.ShouldEndWith("END:VCALENDAR\r\n");
        ics.Replace("\r\n", "", StringComparison.Ordinal).ShouldNotContain('\n');
        ics.Replace("\r\n", "", StringComparison.Ordinal).ShouldNotContain('\r');
    }

    [Fact]
    public void Write_Document_HasExpectedLinesInOrder()
    {
        Lines(IcsWriter.Write(Event())).ShouldBe(
        [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//QeV.Worker//Fristen//DE", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH", "BEGIN:VEVENT", "UID:abc@qev-worker", "DTSTAMP:20260115T083005Z",
            "DTSTART;VALUE=DATE:20260312", "DTEND;VALUE=DATE:20260313", "SUMMARY:Frist", "DESCRIPTION:Text",
            "TRANSP:TRANSPARENT", "END:VEVENT", "END:VCALENDAR",
        ]);
    }

    [Fact]
    public void Write_Document_BeginEndPairsMatch()
    {
        var stack = new Stack<string>();
        foreach (var line in Lines(IcsWriter.Write(Event())))
        {
            if (line.StartsWith("BEGIN:", StringComparison.Ordinal))
                stack.Push(line[6..]);
            else if (line.StartsWith("END:", StringComparison.Ordinal))
                stack.Pop().ShouldBe(line[4..]);
        }

        stack.ShouldBeEmpty();
    }

    [Fact]
    public void Write_YearBoundary_DtEndIsNextYear()
    {
        var lines = Lines(IcsWriter.Write(Event(new DateOnly(2026, 12, 31))));
        lines.ShouldContain("DTSTART;VALUE=DATE:20261231");
        lines.ShouldContain("DTEND;VALUE=DATE:20270101");
    }

    [Fact]
    public void Write_StampWithOffset_DtStampIsUtc() =>
        Lines(IcsWriter.Write(Event())).ShouldContain("DTSTAMP:20260115T083005Z");

    [Fact]
    public void Write_SpecialCharacters_SummaryAndDescriptionEscaped()
    {
        var lines = Lines(IcsWriter.Write(Event(summary: "Frist; Müller, GmbH", description: "a\\b\nc")));
        lines.ShouldContain(@"SUMMARY:Frist\; Müller\, GmbH");
        lines.ShouldContain(@"DESCRIPTION:a\\b\nc");
    }

    [Fact]
    public void Write_LongDescription_IsFoldedAndUnfoldsToOriginal()
    {
        var description = string.Concat(Enumerable.Repeat("Übergabe für Größe € ", 20));
        var ics = IcsWriter.Write(Event(description: description));
        ics.ShouldContain("\r\n ");
        Lines(ics.Replace("\r\n ", "", StringComparison.Ordinal)).ShouldContain("DESCRIPTION:" + description);
    }

    [Fact]
    public void StableUid_SameKey_SameUid() =>
        IcsWriter.StableUid("deadline:42:2026-03-12").ShouldBe(IcsWriter.StableUid("deadline:42:2026-03-12"));

    [Fact]
    public void StableUid_DifferentKey_DifferentUid() =>
        IcsWriter.StableUid("deadline:42").ShouldNotBe(IcsWriter.StableUid("deadline:43"));

    [Fact]
    public void StableUid_Key_IsLowercaseHexWithDomain() =>
        IcsWriter.StableUid("abc").ShouldBe("ba7816bf8f01cfea414140de5dae2223@qev-worker");
}
