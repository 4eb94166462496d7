using System.Text.Json;
using QeV.Domain.Planning;
using QeV.Worker.Ledger;
using QeV.Worker.Tests.Dispatch.Rendering;

namespace QeV.Worker.Tests.Ledger;

/// <summary>
/// A notice's content in the ledger leaves out what reads back the same (issue 9: 17 million contents on the first
/// scan of a million cases), and reads back exactly what was planned, including rows an older version wrote whole.
/// </summary>
public sealed class NoticeJsonTests
{
    /// <summary>The options the ledger wrote contents with before it left anything out.</summary>
    private static readonly JsonSerializerOptions OlderOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <summary>Every property, lists by value: what the two contents say, compared whole.</summary>
    private static string Whole(NoticeContent content) => JsonSerializer.Serialize(content);

    private static NoticeContent Full() => SampleNotices.Notice("F01", NoticeKind.Escalation) with
    {
        Profile = "magdeburg",
        CaseId = "C-1",
        Status = "overdue",
        Cc = [new Recipient("S-2", "Frau B", "b@example.org", "Frau C")],
        AlsoInformed = ["Frau D (Teamleitung)"],
        ResponsibleName = "Herr E",
        Overdue = [new DigestLine("F01", "Entwicklungsbericht", "C-1", "51.2-0815/25", new DateOnly(2026, 11, 2), 21, "Herr E") { Month = "November 2026" }],
        DueSoon = [new DigestLine("F02", "Hilfeplanfortschreibung", "C-2", null, new DateOnly(2026, 12, 2), 0, null)],
        Problems = [new DataProblemLine("S-3", null, "keine Vertretung", "F01 C-1")],
        HelpEndedOn = new DateOnly(2026, 10, 31),
        ToRole = "Teamleitung",
        SubjectName = "Träger A",
        Month = "Oktober 2026",
        MeetingDate = new DateOnly(2026, 11, 16),
        Progress = "6 von 15,6",
        Urgent = true,
    };

    [Fact]
    public void Serialize_EveryPropertySet_ReadsBackTheSame()
    {
        var content = Full();

        var read = NoticeJson.Deserialize(NoticeJson.Serialize(content));

        Whole(read).ShouldBe(Whole(content));
        read.DaysOverdue.ShouldBe(content.DaysOverdue);
    }

    [Theory]
    [MemberData(nameof(SampleNotices.All), MemberType = typeof(SampleNotices))]
    public void Serialize_TheSampleNotices_ReadBackTheSame(string rule, NoticeKind kind)
    {
        var content = SampleNotices.Notice(rule, kind);

        Whole(NoticeJson.Deserialize(NoticeJson.Serialize(content))).ShouldBe(Whole(content));
    }

    [Fact]
    public void Serialize_LeavesOutAbsentValuesEmptyListsFalseFlagsAndComputedFigures()
    {
        var content = SampleNotices.Notice("F12", NoticeKind.Missing) with { Cc = [], AlsoInformed = [], Urgent = false, ResponsibleName = null };

        var json = NoticeJson.Serialize(content);

        json.ShouldNotContain("null");
        json.ShouldNotContain("[]");
        json.ShouldNotContain("false");
        json.ShouldNotContain("daysOverdue");
        json.ShouldNotContain("daysLeft");
        json.ShouldContain("\"kind\":\"Missing\"");
        json.Length.ShouldBeLessThan(Whole(content).Length * 3 / 4);
    }

    [Fact]
    public void Deserialize_ARowWrittenWholeByAnOlderVersion_ReadsTheSame()
    {
        // Given: the content as the ledger stored it before (every property, nulls, empty lists and the computed figures)
        var content = Full() with { Cc = [], Urgent = false, ResponsibleName = null };
        var older = JsonSerializer.Serialize(content, OlderOptions);
        older.ShouldContain("\"responsibleName\":null");
        older.ShouldContain("\"daysOverdue\":");

        // When / Then
        Whole(NoticeJson.Deserialize(older)).ShouldBe(Whole(content));
    }
}
