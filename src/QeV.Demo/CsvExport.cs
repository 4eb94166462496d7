using System.Globalization;
using System.Text;
using QeV.Domain.Tables;

namespace QeV.Demo;

/// <summary>Writes rows back in the import format (RFC 4180, ISO dates), so demo data doubles as an import example.</summary>
public static class CsvExport
{
    public static string Render(ImportTable table)
    {
        var sb = new StringBuilder();
        sb.AppendLine(string.Join(',', table.Spec.Columns.Select(c => c.Name)));
        foreach (var row in table.Rows)
        {
            sb.AppendLine(string.Join(',', table.Spec.Columns.Select(c => Quote(Format(row.Values.GetValueOrDefault(c.Name))))));
        }

        return sb.ToString();
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r', ';']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
