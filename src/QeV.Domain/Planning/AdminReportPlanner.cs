using System.Globalization;

namespace QeV.Domain.Planning;

/// <summary>The daily list of data problems for Notifications:AdminEmail; nothing to report, no mail.</summary>
public static class AdminReportPlanner
{
    public static PlannedNotice? Plan(string? adminEmail, DateOnly day, IReadOnlyList<DataProblem> problems)
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
            To = new Recipient(null, "Administration", adminEmail),
            Problems = problems.Select(p => p.Line).ToList(),
        };
        return new PlannedNotice(content, null, day);
    }
}
