using QeV.Domain.Planning;

namespace QeV.Worker.Dispatch.Rendering;

/// <summary>
/// Names of mail templates: "&lt;Rule&gt;.&lt;kind&gt;" (e.g. "F01.reminder") falling back to "generic.&lt;kind&gt;",
/// the rule-less "digest" and "admin-report", and the shared layouts.
/// </summary>
public static class MailTemplateNames
{
    public const string Generic = "generic";
    public const string Digest = "digest";
    public const string AdminReport = "admin-report";
    public const string TextLayout = "layout.text";
    public const string HtmlLayout = "layout.html";

    /// <summary>Kind of the template that holds a calendar event's summary and description.</summary>
    public const string Calendar = "calendar";

    public static string KindName(NoticeKind kind) => kind switch
    {
        NoticeKind.Reminder => "reminder",
        NoticeKind.Due => "due",
        NoticeKind.Overdue => "overdue",
        NoticeKind.Escalation => "escalation",
        NoticeKind.Note => "note",
        NoticeKind.Notice => "notice",
        NoticeKind.Missing => "missing",
        NoticeKind.Digest => Digest,
        NoticeKind.AdminReport => AdminReport,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown notice kind."),
    };

    /// <summary>The names to try, most specific first. A rule id that is not a safe name is skipped.</summary>
    public static IReadOnlyList<string> Candidates(string? rule, string kindName, string? profile = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kindName);
        if (kindName is Digest or AdminReport)
            return [kindName];

        var specific = rule + "." + kindName;
        if (string.IsNullOrWhiteSpace(rule) || !IsValid(specific))
            return [Generic + "." + kindName];

        // A profile whose agreement words an obligation differently (Bad Dürkheim's Zielüberprüfung) has its own text.
        var forProfile = profile + "." + specific;
        return !string.IsNullOrWhiteSpace(profile) && IsValid(forProfile)
            ? [forProfile, specific, Generic + "." + kindName]
            : [specific, Generic + "." + kindName];
    }

    /// <summary>
    /// Letters, digits, '-' and '_' in dot-separated parts: a name can never leave the override folder.
    /// </summary>
    public static bool IsValid(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 100)
            return false;

        foreach (var part in name.Split('.'))
        {
            if (part.Length == 0 || !part.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
                return false;
        }

        return true;
    }
}
