using QeV.Domain.Tables;

namespace QeV.Demo;

/// <summary>
/// A realistic, deterministic demo data set with dates relative to a given day: the Jugendamt of Magdeburg with two
/// ASD teams, four providers, about 60 staff, <c>caseCount</c> cases with their care-plan meetings, reports and
/// appointments, Führungszeugnisse, agreements, AG § 78 sessions and trainings.
/// </summary>
/// <remarks>
/// The same seed and day give the same rows. Besides random everyday data, the set holds deliberate examples so that
/// each of the five core rules shows every status (see <see cref="DemoBuilder"/>), and a few data problems
/// (an inactive key worker, a Fachkraft without e-mail, absences, staff without Führungszeugnis). Values are typed as
/// the CSV import parses them, so the tables go through the import's <c>ImportWriter</c> and <see cref="CsvExport"/> alike.
/// </remarks>
public static class DemoDataGenerator
{
    public static IReadOnlyList<ImportTable> Generate(int seed, DateOnly today, int caseCount = 300)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(caseCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(caseCount, 10_000_000);
        return new DemoBuilder(seed, today, caseCount).Build();
    }
}
