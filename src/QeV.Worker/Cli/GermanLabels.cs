using QeV.Worker.Ledger;
using QeV.Domain.Planning;

namespace QeV.Worker.Cli;

/// <summary>How `preview` and `history` name states and kinds of notices for the people who read them.</summary>
public static class GermanLabels
{
    public static string State(string state) => state switch
    {
        NoticeState.Pending => "offen",
        NoticeState.Sending => "im Versand",
        NoticeState.Sent => "versendet",
        NoticeState.Failed => "Wiederholung",
        NoticeState.Dead => "unzustellbar",
        NoticeState.Obsolete => "entfallen",
        _ => state,
    };

    public static string Kind(NoticeKind kind) => kind switch
    {
        NoticeKind.Reminder => "Erinnerung",
        NoticeKind.Due => "fällig",
        NoticeKind.Overdue => "überfällig",
        NoticeKind.Escalation => "Eskalation",
        NoticeKind.Note => "Hinweis",
        NoticeKind.Notice => "Mitteilung",
        NoticeKind.Missing => "fehlt",
        NoticeKind.Digest => "Übersicht",
        NoticeKind.AdminReport => "Admin",
        _ => kind.ToString(),
    };

    /// <summary>The ledger stores the kind in lower case ("reminder", "adminreport").</summary>
    public static string Kind(string stored) =>
        Enum.TryParse<NoticeKind>(stored, ignoreCase: true, out var kind) ? Kind(kind) : stored;
}
