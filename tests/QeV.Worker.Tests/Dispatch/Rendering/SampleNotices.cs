using QeV.Domain.Planning;

namespace QeV.Worker.Tests.Dispatch.Rendering;

/// <summary>Notices as the planner writes them, for the rule/kind combinations that have templates.</summary>
internal static class SampleNotices
{
    public const string FileReference = "51.2-0815/25";
    public static readonly DateOnly Due = new(2026, 12, 4);
    public static readonly DateOnly Today = new(2026, 11, 23);

    /// <summary>Every rule with its own templates (issue 10: reminder, due, overdue, escalation, note), F06's notice, F12's "missing".</summary>
    public static readonly string[] Rules =
        ["F01", "F02", "F03", "F04", "F05", "F07", "F08", "F09", "F10", "F11", "F12", "F13", "F14", "F15", "F16", "F17", "F18", "F19"];

    private static readonly NoticeKind[] Stages = [NoticeKind.Reminder, NoticeKind.Due, NoticeKind.Overdue, NoticeKind.Escalation, NoticeKind.Note];

    public static readonly (string Rule, NoticeKind Kind)[] Combinations =
    [
        .. Rules.SelectMany(r => Stages.Select(k => (r, k))),
        ("F06", NoticeKind.Notice), ("F12", NoticeKind.Missing),
    ];

    public static TheoryData<string, NoticeKind> All()
    {
        var data = new TheoryData<string, NoticeKind>();
        foreach (var (rule, kind) in Combinations)
            data.Add(rule, kind);
        return data;
    }

    /// <summary>Rules about a case carry its file reference; F07, F09 and F12 are about organisations and staff.</summary>
    public static bool HasFileReference(string rule) => rule is "F01" or "F02" or "F03" or "F04" or "F05" or "F06" or "F15" or "F16" or "F17" or "F19";

    public static NoticeContent Notice(string rule, NoticeKind kind, DateOnly? due = null, DateOnly? day = null)
    {
        var dueDate = due ?? Due;
        var today = day ?? kind switch
        {
            NoticeKind.Reminder => dueDate.AddDays(-11),
            NoticeKind.Due or NoticeKind.Notice => dueDate,
            _ => dueDate.AddDays(3),
        };
        return new NoticeContent
        {
            Key = $"{rule}/S-1/{dueDate:yyyy-MM-dd}/{kind}",
            Kind = kind,
            Stage = kind.ToString(),
            Rule = rule,
            RuleName = RuleName(rule),
            SubjectType = HasFileReference(rule) ? "meeting" : "staff",
            SubjectId = "S-1",
            CaseId = HasFileReference(rule) ? "C-1" : null,
            FileReference = HasFileReference(rule) ? FileReference : null,
            DueDate = dueDate,
            Day = today,
            To = new Recipient("P-1", "Petra Beispiel", "petra@example.org"),
            ResponsibleName = kind is NoticeKind.Escalation or NoticeKind.Note ? "Karl Muster" : null,
        };
    }

    public static NoticeContent Digest(DigestLine[] overdue, DigestLine[] dueSoon, DataProblemLine[] problems) => new()
    {
        Key = "digest/P-9/2026-11-23",
        Kind = NoticeKind.Digest,
        Stage = "digest",
        Day = Today,
        To = new Recipient("P-9", "Tina Leitung", "tina@example.org"),
        Overdue = overdue,
        DueSoon = dueSoon,
        Problems = problems,
    };

    public static NoticeContent AdminReport(params DataProblemLine[] problems) => new()
    {
        Key = "admin-report/2026-11-23",
        Kind = NoticeKind.AdminReport,
        Stage = "admin-report",
        Day = Today,
        To = new Recipient(null, "Administration", "admin@example.org"),
        Problems = problems,
    };

    public static DigestLine Line(string rule, string subjectId, DateOnly due, string? fileReference = null) =>
        new(rule, RuleName(rule), subjectId, fileReference, due, Math.Max(0, Today.DayNumber - due.DayNumber), "Karl Muster");

    public static string RuleName(string rule) => rule switch
    {
        "F01" => "Entwicklungsbericht",
        "F02" => "Hilfeplanfortschreibung",
        "F03" => "Hilfeplankonkretisierung",
        "F04" => "Hilfeplan an alle Beteiligten",
        "F05" => "Kostenzusage",
        "F06" => "Drei Termine ohne Mitwirkung",
        "F07" => "Leistungsbericht",
        "F08" => "Trägergespräch",
        "F09" => "Überprüfung der Standards in der AG § 78",
        "F10" => "Fortschreibung der QEV",
        "F11" => "Überprüfung der Leistungsbeschreibung",
        "F12" => "Erweitertes Führungszeugnis",
        "F13" => "Fortbildung",
        "F14" => "Supervision",
        "F15" => "Hausbesuche der fallführenden Fachkraft",
        "F16" => "Nachweisblatt",
        "F17" => "Gleichwertige Vertretung bei längerem Ausfall",
        "F18" => "Fortsetzung des Qualitätsdialogs",
        "F19" => "Clearingbericht",
        _ => "Neue Frist " + rule,
    };
}
