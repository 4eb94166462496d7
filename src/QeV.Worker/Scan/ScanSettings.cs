using Microsoft.Extensions.Configuration;
using QeV.Domain.Partitions;
using QeV.Domain.Rules;

namespace QeV.Worker.Scan;

/// <summary>
/// What besides the facts decides every deadline: the code (rules, calendar, holidays: the assemblies' build ids), the
/// rule settings and profiles (Rules:…, with
/// Rules:Profiles and the mapping Rules:Jugendaemter), the office settings (default Bundesland), the active rules. When its
/// fingerprint changes, the next scan re-evaluates every partition.
/// </summary>
public sealed class ScanSettings(IConfiguration configuration, DeadlineEngine engine)
{
    public string Fingerprint() => Hash("Rules", "Office");

    /// <summary>What besides the deadlines decides the notices planned from them: the same plus the notification settings.</summary>
    public string PlanningFingerprint() => Hash("Rules", "Office", "Notifications");

    private string Hash(params string[] sections)
    {
        var h = new FactHash();
        h.Add(typeof(IDeadlineRule).Assembly.ManifestModule.ModuleVersionId.ToString());
        h.Add(typeof(ScanSettings).Assembly.ManifestModule.ModuleVersionId.ToString());
        foreach (var rule in engine.Rules)
        {
            h.Add(rule.Id);
        }

        foreach (var section in sections)
        {
            foreach (var (key, value) in configuration.GetSection(section).AsEnumerable().OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                h.Add(key);
                h.Add(value);
            }
        }

        return h.ToHex();
    }
}
