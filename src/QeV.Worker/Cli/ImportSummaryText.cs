using System.Globalization;
using System.Text;

namespace QeV.Worker.Cli;

public static class ImportSummaryText
{
    public static string Render(string folder, Import.ImportSummary summary)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Import aus {folder} abgeschlossen.");
        sb.AppendLine(CultureInfo.InvariantCulture, $"{"Datei",-24} {"gelesen",8} {"neu",8} {"aktualisiert",13} {"unverändert",12}");
        foreach (var file in summary.Files)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"{file.File,-24} {file.Read,8} {file.Inserted,8} {file.Updated,13} {file.Unchanged,12}");
        }

        sb.AppendLine(CultureInfo.InvariantCulture,
            $"{"Summe",-24} {summary.TotalRead,8} {summary.TotalInserted,8} {summary.TotalUpdated,13} {summary.TotalUnchanged,12}");
        return sb.ToString();
    }
}
