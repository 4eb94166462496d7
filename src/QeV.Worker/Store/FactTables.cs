namespace QeV.Worker.Store;

/// <summary>Every table the scan reads facts from (the lookups, the partitions, the organisation-wide tables): M018's triggers sit on them.</summary>
public static class FactTables
{
    public static IReadOnlyList<string> All { get; } =
    [
        "organisations", "teams", "staff", "cases", "meetings", "reports", "appointments", "fuehrungszeugnisse",
        "agreements", "ag78_sessions", "trainings", "home_visits", "provider_dialogues",
    ];
}
