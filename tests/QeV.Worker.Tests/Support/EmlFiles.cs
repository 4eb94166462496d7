using System.Text.RegularExpressions;

namespace QeV.Worker.Tests.Support;

/// <summary>Reads delivered .eml files the way a check would: by their headers.</summary>
public static partial class EmlFiles
{
    public static IReadOnlyList<string> In(string folder) =>
        Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml").Order(StringComparer.Ordinal).ToList() : [];

    /// <summary>The value of a header (unfolded), or null.</summary>
    public static string? Header(string emlPath, string name)
    {
        var text = File.ReadAllText(emlPath);
        var headers = text[..Math.Max(0, text.IndexOf("\r\n\r\n", StringComparison.Ordinal))];
        var unfolded = Folding().Replace(headers, " ");
        return unfolded.Split("\r\n")
            .Where(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))
            .Select(l => l[(name.Length + 1)..].Trim())
            .FirstOrDefault();
    }

    public static IReadOnlyList<string> NoticeKeys(string folder) =>
        In(folder).Select(f => Header(f, "X-QeV-Notice-Key") ?? "(ohne Schlüssel)").ToList();

    /// <summary>The notice keys every mail carries: a bundle's item keys, else its notice key.</summary>
    public static IReadOnlyList<string> ItemKeys(string folder) =>
        In(folder).SelectMany(f => Header(f, "X-QeV-Item-Keys")?.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            ?? [Header(f, "X-QeV-Notice-Key") ?? "(ohne Schlüssel)"]).ToList();

    [GeneratedRegex("\r\n[ \t]+")]
    private static partial Regex Folding();
}
