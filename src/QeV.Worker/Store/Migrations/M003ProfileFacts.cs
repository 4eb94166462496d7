namespace QeV.Worker.Store.Migrations;

/// <summary>
/// Facts for the full catalogue (profiles issue), all optional: Clearing cases (Bad Dürkheim), the case manager's
/// home visits (F15) and the Trägergespräche / Qualitätsdialoge with providers (F08, F18).
/// </summary>
internal static class M003ProfileFacts
{
    public static Migration Migration { get; } = new(3, "profile facts", """
        ALTER TABLE cases ADD COLUMN clearing {bool};

        CREATE TABLE IF NOT EXISTS home_visits (
            visit_id {text} PRIMARY KEY,
            case_id {text} NOT NULL,
            staff_id {text},
            date {date} NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_home_visits_case_date ON home_visits (case_id, date);

        CREATE TABLE IF NOT EXISTS provider_dialogues (
            dialogue_id {text} PRIMARY KEY,
            provider_organisation_id {text} NOT NULL,
            date {date} NOT NULL,
            topic {text});
        CREATE INDEX IF NOT EXISTS ix_provider_dialogues_provider ON provider_dialogues (provider_organisation_id, date);
        """);
}
