using System.Globalization;
using System.Text;

namespace QeV.Worker.Sources;

/// <summary>`qev sources check`: reads every mapping once and says per entity how many rows it gave and what was wrong.</summary>
public sealed class SourcesCheck(SourcedFactLoader loader, Microsoft.Extensions.Options.IOptions<SourcesOptions> options)
{
    public const int FirstErrors = 5;

    /// <summary>The German report, and whether every mapping was read without a problem.</summary>
    public async Task<(string Text, bool Clean)> RunAsync(DateOnly asOf, CancellationToken ct)
    {
        if (!options.Value.Any)
        {
            return ("Keine Quellen eingetragen (Sources:Queries): alle Daten kommen aus der eigenen Datenbank und dem Import.", true);
        }

        var health = await loader.SyncAsync(asOf, ct, check: true);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Quellen zum {asOf:dd.MM.yyyy}:");
        foreach (var entity in health.Entities)
        {
            var problems = health.Problems.Where(p => p.Entity == entity.Entity).ToList();
            var state = !entity.Reachable ? "NICHT LESBAR" : problems.Count == 0 ? "ok" : $"{problems.Count} Fehler";
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  {entity.Entity,-20} Quelle {entity.Source,-14} {entity.Read,7} Zeilen gelesen, {entity.Used,7} verwendet  {state}");
            foreach (var problem in problems.Take(FirstErrors))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"      {problem}");
            }

            if (problems.Count > FirstErrors)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"      … und {problems.Count - FirstErrors} weitere");
            }
        }

        var unmapped = QeV.Domain.Tables.ImportCatalog.Tables.Select(t => t.Table).Where(t => !options.Value.Queries.ContainsKey(t)).ToList();
        if (unmapped.Count > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Aus der eigenen Datenbank: {string.Join(", ", unmapped)}");
        }

        return (text.ToString().TrimEnd(), health.Problems.Count == 0);
    }
}
