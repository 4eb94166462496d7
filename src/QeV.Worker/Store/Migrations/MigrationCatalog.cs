namespace QeV.Worker.Store.Migrations;

/// <summary>All schema steps in order. Append only: a released migration is never edited.</summary>
public static class MigrationCatalog
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        M001Facts.Migration,
        M002Ledger.Migration,
        M003ProfileFacts.Migration,
        M004Deliveries.Migration,
        M005CatalogFacts.Migration,
        M006WorkerStatus.Migration,
        M008Deadlines.Migration,
        M009DeadlineStages.Migration,
        M011ScanPlanning.Migration,
        M013DeadlineSubjects.Migration,
        M014SourceReads.Migration,
        M015AgreementJugendamt.Migration,
        M016SharedScan.Migration,
        M017StageDates.Migration,
        M018FactChanges.Migration,
        M019PartitionChanges.Migration,
        M020ScanCounts.Migration,
        M021LedgerJournal.Migration,
        M022CountIndex.Migration,
        M023LedgerIndexes.Migration,
    ];
}
