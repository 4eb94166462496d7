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
        deadlines.Where(d => Lists(d, asOf, horizonDays, includeFulfilled)).ToList();

    /// <summary>Whether the report lists <paramref name="deadline"/>.</summary>
    public static bool Lists(Deadline deadline, DateOnly asOf, int horizonDays, bool includeFulfilled) => deadline.Status switch
    {
        DeadlineStatus.Fulfilled => includeFulfilled,
        DeadlineStatus.Upcoming => deadline.DueDate <= asOf.AddDays(horizonDays),
        _ => true,
    };

    public static string ToJson(IEnumerable<Deadline> deadlines) =>
        JsonSerializer.Serialize(deadlines.Select(ToRow).ToList(), Json);

    /// <summary>
    /// The same JSON as <see cref="ToJson"/> and a line end, written to <paramref name="output"/> row by row as the
    /// deadlines come: memory stays that of one row, not of the whole report.
    /// </summary>
    public static async Task WriteJsonAsync(
        Stream output, IAsyncEnumerable<Deadline> deadlines, DateOnly asOf, int horizonDays, bool includeFulfilled, CancellationToken ct)
    {
        await JsonSerializer.SerializeAsync(output, Listed(deadlines, asOf, horizonDays, includeFulfilled, ct), Json, ct);
        await output.WriteAsync("\n"u8.ToArray(), ct);
        await output.FlushAsync(ct);
    }

    private static async IAsyncEnumerable<DeadlineReportRow> Listed(
        IAsyncEnumerable<Deadline> deadlines, DateOnly asOf, int horizonDays, bool includeFulfilled,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var deadline in deadlines.WithCancellation(ct))
        {
            if (Lists(deadline, asOf, horizonDays, includeFulfilled))
            {
                yield return ToRow(deadline);
            }
        }
    }

    public static DeadlineReportRow ToRow(Deadline d) => new(
        d.Rule, d.Name, Codes.Of(d.SubjectType), d.SubjectId, d.CaseId, d.FileReference, d.DueDate,
        Codes.Of(d.Status), d.ResponsibleStaffId, d.EscalationStaffId);
}
