namespace QeV.Worker.Tests.Support.Fixtures;

/// <summary>
/// How to start the SMTP sink of tests/smtp-sink: <c>QEV_TEST_SMTP_SINK</c> when set, else Debian's python
/// (/usr/bin/python3, which has python3-aiosmtpd) with the sink.py of this checkout.
/// </summary>
public static class SmtpSinkCommand
{
    public const string Variable = "QEV_TEST_SMTP_SINK";

    public const string Python = "/usr/bin/python3";

    public static IReadOnlyList<string> Resolve()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } given)
        {
            return given.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var sink = Path.Combine(folder.FullName, "tests", "smtp-sink", "sink.py");
            if (File.Exists(sink))
            {
                return [Python, sink];
            }
        }

        throw new InvalidOperationException(
            $"tests/smtp-sink/sink.py nicht gefunden oberhalb von {AppContext.BaseDirectory}; {Variable}=\"{Python} <repo>/tests/smtp-sink/sink.py\" setzen.");
    }
}
