using System.Text.Encodings.Web;
using System.Text.Json;
using QeV.Domain.Facts;
using QeV.Domain.Rules;

namespace QeV.Worker.Reports;

/// <summary>The `deadlines` report of CONTRACT.md: which deadlines to list, and the JSON form.</summary>
public static class DeadlineReport
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Overdue however old, due today, upcoming within the horizon; fulfilled only when asked for.</summary>
    public static IReadOnlyList<Deadline> Select(
        IEnumerable<Deadline> deadlines, DateOnly asOf, int horizonDays, bool includeFulfilled) =>
        deadlines.Where(d => d.Status switch
        {
            DeadlineStatus.Fulfilled => includeFulfilled,
            DeadlineStatus.Upcoming => d.DueDate <= asOf.AddDays(horizonDays),
            _ => true,
        }).ToList();

    public static string ToJson(IEnumerable<Deadline> deadlines) =>
        JsonSerializer.Serialize(deadlines.Select(ToRow).ToList(), Json);

    public static DeadlineReportRow ToRow(Deadline d) => new(
        d.Rule, d.Name, Codes.Of(d.SubjectType), d.SubjectId, d.CaseId, d.FileReference, d.DueDate,
        Codes.Of(d.Status), d.ResponsibleStaffId, d.EscalationStaffId);
}
