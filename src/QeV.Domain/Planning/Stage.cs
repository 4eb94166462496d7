namespace QeV.Domain.Planning;

/// <summary>One stage of a deadline: its id (part of the notice key), its kind and the day it is owed.</summary>
public sealed record Stage(string Id, NoticeKind Kind, DateOnly Date, bool IsLastReminder = false, bool IsFirstOverdue = false);
