using System.Globalization;

namespace QeV.Domain.Planning;

/// <summary>The daily list of data problems for Notifications:AdminEmail; nothing to report, no mail.</summary>
public static class AdminReportPlanner
{
    /// <param name="adminEmail">Notifications:AdminEmail.</param>
    /// <param name="day">The day reported on.</param>
    /// <param name="problems">The day's problems, one per problem key (as the scan log counts them).</param>
    /// <param name="adminName">How the report greets its reader (Notifications:AdminName); empty: "Guten Tag,".</param>
    public static PlannedNotice? Plan(string? adminEmail, DateOnly day, IReadOnlyList<DataProblem> problems, string? adminName = null)
    {
        if (string.IsNullOrWhiteSpace(adminEmail) || problems.Count == 0)
        {
            return null;
        }

        var content = new NoticeContent
        {
            Key = string.Create(CultureInfo.InvariantCulture, $"admin/{day:yyyy-MM-dd}"),
            Kind = NoticeKind.AdminReport,
            Stage = "admin-report",
            Day = day,
            To = new Recipient(null, adminName?.Trim() ?? "", adminEmail),
            Problems = problems.Select(p => p.Line).ToList(),
        };
        return new PlannedNotice(content, null, day);
    }
}
