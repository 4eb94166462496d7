using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using QeV.Worker.Tests.Support.Fixtures;

namespace QeV.Worker.Tests.Support;

/// <summary>
/// The real SMTP server of tests/smtp-sink (aiosmtpd) on loopback, started as <see cref="SmtpSinkCommand"/> says. It keeps
/// every accepted message as an .eml with a .json envelope and answers 4xx/5xx as its script says. A missing
/// variable or a sink that does not come up fails the test: it never skips.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private readonly Process _process;
    private readonly StringBuilder _stderr;

    private SmtpSink(Process process, StringBuilder stderr, int port, string mailDir, string scriptPath)
    {
        _process = process;
        _stderr = stderr;
        Port = port;
        MailDir = mailDir;
        ScriptPath = scriptPath;
    }

    public int Port { get; }

    public string MailDir { get; }

    /// <summary>The behaviour script the sink re-reads on every transaction (see tests/smtp-sink/README.md).</summary>
    public string ScriptPath { get; }

    /// <summary>What the sink logged so far, for assertion messages.</summary>
    public string Log
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>
    /// Starts a sink that stores into <paramref name="mailDir"/> and reads <paramref name="scriptPath"/>; port 0 picks a
    /// free one. Returns once it printed <c>READY &lt;port&gt;</c>.
    /// </summary>
    /// <param name="options">More arguments of sink.py, e.g. --tls-cert/--tls-key, --implicit-tls, --auth-user/--auth-password.</param>
    public static async Task<SmtpSink> StartAsync(string mailDir, string scriptPath, int port = 0, IReadOnlyList<string>? options = null)
    {
        var command = SmtpSinkCommand.Resolve();
        Directory.CreateDirectory(mailDir);
        var start = new ProcessStartInfo(command[0])
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Utf8NoBom,
            StandardErrorEncoding = Utf8NoBom,
        };
        foreach (var arg in command.Skip(1).Concat(["--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--maildir", mailDir, "--script", scriptPath]).Concat(options ?? []))
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"SMTP-Sink: {command[0]} startet nicht");
        var stderr = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (stderr)
                {
                    stderr.AppendLine(e.Data);
                }
            }
        };
        process.BeginErrorReadLine();
        process.StandardInput.Close();

        try
        {
            using var timeout = new CancellationTokenSource(StartTimeout);
            while (true)
            {
                var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
                    ?? throw new InvalidOperationException($"SMTP sink ended before READY: {Logged(stderr)}");
                if (line.StartsWith("READY ", StringComparison.Ordinal))
                {
                    var ready = int.Parse(line.AsSpan(6), System.Globalization.CultureInfo.InvariantCulture);
                    return new SmtpSink(process, stderr, ready, mailDir, scriptPath);
                }
            }
        }
        catch
        {
            Stop(process);
            process.Dispose();
            throw;
        }
    }

    /// <summary>A loopback port nobody listens on right now (for a sink that is started later, or never).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Replaces the behaviour script atomically (the sink reads it per transaction).</summary>
    public void WriteScript(object script)
    {
        var temp = ScriptPath + ".tmp-" + Guid.NewGuid().ToString("N")[..8];
        File.WriteAllText(temp, JsonSerializer.Serialize(script), Utf8NoBom);
        File.Move(temp, ScriptPath, overwrite: true);
    }

    /// <summary>Answers <paramref name="reply"/> at DATA for recipients containing <paramref name="recipientPart"/>; <paramref name="times"/> null: always.</summary>
    public void Reply(string recipientPart, string reply, int? times = null) =>
        WriteScript(new Dictionary<string, object>
        {
            ["rules"] = new[]
            {
                times is { } n
                    ? new Dictionary<string, object> { ["match_rcpt"] = recipientPart, ["reply"] = reply, ["times"] = n }
                    : new Dictionary<string, object> { ["match_rcpt"] = recipientPart, ["reply"] = reply },
            },
        });

    /// <summary>Answers <paramref name="reply"/> to RCPT TO of addresses containing <paramref name="recipientPart"/> (others stay accepted).</summary>
    public void ReplyAtRcpt(string recipientPart, string reply, int? times = null)
    {
        var rule = new Dictionary<string, object> { ["match_rcpt"] = recipientPart, ["reply"] = reply, ["stage"] = "rcpt" };
        if (times is { } n)
            rule["times"] = n;
        WriteScript(new Dictionary<string, object> { ["rules"] = new[] { rule } });
    }

    /// <summary>Every message stored so far, oldest first.</summary>
    public IReadOnlyList<SmtpMessage> Messages() => SmtpMessage.ReadFolder(MailDir);

    /// <summary>The stored messages with an envelope recipient containing <paramref name="recipientPart"/> (case-insensitive).</summary>
    public IReadOnlyList<SmtpMessage> MessagesTo(string recipientPart) =>
        Messages().Where(m => m.Recipients.Any(r => r.Contains(recipientPart, StringComparison.OrdinalIgnoreCase))).ToList();

    public async ValueTask DisposeAsync()
    {
        Stop(_process);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // Killed already; the operating system reaps it.
        }

        _process.Dispose();
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
        catch (InvalidOperationException)
        {
            // Ended in between.
        }
    }

    private static string Logged(StringBuilder stderr)
    {
        lock (stderr)
        {
            return stderr.ToString();
        }
    }
}
