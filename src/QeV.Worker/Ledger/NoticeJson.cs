using System.Collections;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using QeV.Domain.Planning;

namespace QeV.Worker.Ledger;

/// <summary>
/// How a notice's content is kept in the ledger: what is said, without what reading it back would give anyway
/// (empty lists, absent values, a false flag, the figures computed from the dates). A content of about 840 bytes
/// became about 560; the scan of a million cases writes 17 million of them. Older rows, written whole, read the same.
/// </summary>
public static class NoticeJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { LeaveOutWhatReadsBackTheSame } },
    };

    public static string Serialize(NoticeContent content) => JsonSerializer.Serialize(content, Options);

    public static NoticeContent Deserialize(string json) =>
        JsonSerializer.Deserialize<NoticeContent>(json, Options) ?? throw new JsonException("leerer Inhalt");

    /// <summary>The content, or why it cannot be read (a row written by hand or by a broken older version).</summary>
    public static (NoticeContent? Content, string Error) TryDeserialize(string json)
    {
        try
        {
            return (Deserialize(json), "");
        }
        catch (JsonException ex)
        {
            return (null, "Inhalt nicht lesbar: " + ex.Message);
        }
    }

    /// <summary>
    /// A property that cannot be set is computed (<see cref="NoticeContent.DaysOverdue"/>) and not written; an optional
    /// one is written only when it says something, since its absence reads back as the same null, false or empty list.
    /// </summary>
    private static void LeaveOutWhatReadsBackTheSame(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        var parameters = info.Type.GetConstructors().SelectMany(c => c.GetParameters()).Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        for (var i = info.Properties.Count - 1; i >= 0; i--)
        {
            var property = info.Properties[i];
            if (property.Set is null && property.AttributeProvider is MemberInfo member && !parameters.Contains(member.Name))
            {
                info.Properties.RemoveAt(i);
            }
            else if (!property.IsRequired)
            {
                property.ShouldSerialize = static (_, value) => value switch
                {
                    null => false,
                    bool flag => flag,
                    ICollection list => list.Count > 0,
                    _ => true,
                };
            }
        }
    }
}
