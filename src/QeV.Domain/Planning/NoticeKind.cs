namespace QeV.Domain.Planning;

/// <summary>What a notice is: the template family it is rendered with.</summary>
public enum NoticeKind
{
    /// <summary>Before the due date, to the person who must act.</summary>
    Reminder,

    /// <summary>On the due date.</summary>
    Due,

    /// <summary>After the due date (and repeated while overdue), to the person who must act.</summary>
    Overdue,

    /// <summary>To the team lead (or another supervisor) when something is overdue.</summary>
    Escalation,

    /// <summary>To someone who does not act but must know (e.g. the case manager when an Entwicklungsbericht is missing).</summary>
    Note,

    /// <summary>An immediate notice (F06: three appointments without cooperation).</summary>
    Notice,

    /// <summary>A record is missing altogether (F12: no Führungszeugnis on file).</summary>
    Missing,

    /// <summary>The daily list of a team lead.</summary>
    Digest,

    /// <summary>The daily list of data problems for the administrator.</summary>
    AdminReport,
}
