using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using QeV.Domain.Planning;

namespace QeV.Worker.Ledger;

/// <summary>How a notice's content is kept in the ledger.</summary>
public static class NoticeJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
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
}
