using QeV.Worker.Tests.Support.Fixtures;

namespace QeV.Worker.Tests.Support;

/// <summary>
/// The SMTP sink of tests/smtp-sink (aiosmtpd, from Debian) as a real server on a free loopback port. Its command comes
/// from <see cref="SmtpSinkCommand"/>; a sink that does not start fails the test.
/// </summary>
public sealed class SmtpSinkProcess : IDisposable
{
    private readonly BackgroundProcess _process;

    private SmtpSinkProcess(BackgroundProcess process) => _process = process;

    public static SmtpSinkProcess Start(string workingDirectory, string maildir, string? script = null)
    {
        var command = SmtpSinkCommand.Resolve();
        var args = command.Skip(1).Concat(["--host", "127.0.0.1", "--port", "0", "--maildir", maildir]);
        if (script is not null)
        {
            args = args.Concat(["--script", script]);
        }

        Directory.CreateDirectory(maildir);
        return new SmtpSinkProcess(BackgroundProcess.Start(command[0], args, workingDirectory));
    }

    public async Task<int> PortAsync()
    {
        var line = await _process.WaitForLineAsync(l => l.StartsWith("READY ", StringComparison.Ordinal), TimeSpan.FromSeconds(20));
        return int.Parse(line["READY ".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Waits for a line of the sink's log, e.g. "RCPT a@b.example -> 250 OK".</summary>
    public Task<string> WaitForLogAsync(Func<string, bool> match, TimeSpan timeout) => _process.WaitForLineAsync(match, timeout);

    public string Log => _process.Output;

    public void Dispose() => _process.Dispose();
}
