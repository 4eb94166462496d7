using System.Text;
using Microsoft.Extensions.Options;
using MimeKit;

namespace QeV.Worker.Dispatch.Delivery;

/// <summary>
/// Writes each message as an .eml file named after its key, atomically: a temporary file in the same folder, then a
/// rename, so a reader never sees half a mail and a repeat replaces the same file instead of adding one.
/// </summary>
public sealed class PickupMailTransport(IOptions<MailOptions> options) : IMailTransport
{
    private static readonly FormatOptions Format = new() { NewLineFormat = NewLineFormat.Dos };

    private string Folder => Path.GetFullPath(options.Value.PickupDirectory);

    public string Target => Folder;

    public int Parallelism => 4;

    // MimeMessage.WriteTo, not WriteToAsync: the file stream is synchronous anyway, and MimeKit's async path costs
    // a state machine per part and line filter.
    public Task<IReadOnlyList<RecipientResult>> SendAsync(MimeMessage message, string key, IReadOnlyList<MailboxAddress> recipients, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(recipients);
        var folder = Folder;
        var path = Path.Combine(folder, FileName(key));
        var temp = Path.Combine(folder, "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            // Inside the try: a folder that cannot be made (a file of that name, no permission) is the transport's fault.
            Directory.CreateDirectory(folder);
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: false))
            {
                message.WriteTo(Format, stream, ct);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (File.Exists(temp))
                File.Delete(temp);
            throw new TransportException($"Ablageordner {folder} nicht beschreibbar: {ex.Message}", ex);
        }

        return Task.FromResult<IReadOnlyList<RecipientResult>>([.. recipients.Select(r => new RecipientResult(r.Address, RecipientOutcome.Accepted))]);
    }

    public Task CloseAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>The key with every character outside [A-Za-z0-9._-] as '_', plus ".eml" ("F01_M-1001_2026-12-04_….eml").</summary>
    public static string FileName(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var sb = new StringBuilder(key.Length + 4);
        foreach (var c in key)
            sb.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_');
        return sb.Append(".eml").ToString();
    }
}
