using System.Globalization;
using System.Text;
using QeV.Domain.Facts;
using QeV.Domain.Rules;

namespace QeV.Worker.Reports;

/// <summary>`--format table`: for a team lead to read. Overdue first and marked, German headers and dates.</summary>
public static class DeadlineTable
{
    private static readonly string[] Headers = ["Status", "Fällig am", "Frist", "Pflicht", "Bezug", "Aktenzeichen", "Verantwortlich", "Eskalation an"];

    public static string Render(IReadOnlyList<Deadline> deadlines, FactSet facts, DateOnly asOf)
    {
        var rows = deadlines
            .OrderBy(d => d.Status == DeadlineStatus.Overdue ? 0 : 1)
            .Select(d => new[]
            {
                StatusText(d, asOf),
                d.DueDate.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture),
                d.Rule,
                d.Name,
                d.SubjectId,
                d.FileReference ?? "–",
                Person(facts, d.ResponsibleStaffId),
                Person(facts, d.EscalationStaffId),
            })
            .ToList();

        var widths = Headers.Select((h, i) => rows.Select(r => r[i].Length).Prepend(h.Length).Max()).ToArray();
        var sb = new StringBuilder();
        sb.Append("Fristen zum ").Append(asOf.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)).AppendLine();
        AppendLine(sb, Headers, widths);
        AppendLine(sb, widths.Select(w => new string('-', w)).ToArray(), widths);
        foreach (var row in rows)
        {
            AppendLine(sb, row, widths);
        }

        sb.AppendLine();
        sb.AppendLine(Summary(deadlines));
        return sb.ToString();
    }

    public static string Summary(IReadOnlyList<Deadline> deadlines)
    {
        int Count(DeadlineStatus s) => deadlines.Count(d => d.Status == s);
        var summary = $"{deadlines.Count} Fristen: {Count(DeadlineStatus.Overdue)} überfällig, {Count(DeadlineStatus.Due)} heute fällig, "
            + $"{Count(DeadlineStatus.Upcoming)} anstehend";
        var fulfilled = Count(DeadlineStatus.Fulfilled);
        return fulfilled > 0 ? $"{summary}, {fulfilled} erfüllt" : summary;
    }

    public static string StatusText(Deadline d, DateOnly asOf) => d.Status switch
    {
        DeadlineStatus.Overdue => $"!! überfällig ({asOf.DayNumber - d.DueDate.DayNumber} T.)",
        DeadlineStatus.Due => "heute fällig",
        DeadlineStatus.Upcoming => "anstehend",
        _ => "erfüllt",
    };

    private static string Person(FactSet facts, string? staffId) =>
        staffId is null ? "–" : facts.FindStaff(staffId) is { } s ? $"{s.DisplayName} ({s.StaffId})" : $"{staffId} (unbekannt)";

    private static void AppendLine(StringBuilder sb, string[] cells, int[] widths) =>
        sb.AppendLine(string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
}
