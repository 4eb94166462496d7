namespace QeV.Domain.Tables;

/// <summary>One parsed data row: typed values by column name, and where it came from.</summary>
public sealed record ImportRow(int Line, IReadOnlyDictionary<string, object?> Values)
{
    public string? Text(string column) => Values.GetValueOrDefault(column) as string;

    public DateOnly? Date(string column) => Values.GetValueOrDefault(column) as DateOnly?;

    public string Key(IReadOnlyList<string> keyColumns) =>
        string.Join('\u001f', keyColumns.Select(c => KeyPart(Values.GetValueOrDefault(c))));

    public static string KeyPart(object? value) => value switch
    {
        DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        null => "",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };
}
