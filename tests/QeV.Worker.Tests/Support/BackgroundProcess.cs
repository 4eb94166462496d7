using System.Collections.Concurrent;
using System.Diagnostics;

namespace QeV.Worker.Tests.Support;

/// <summary>A long-running child process (a worker instance, an SMTP sink) with its output collected; killed on dispose.</summary>
public sealed class BackgroundProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private BackgroundProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) _lines.Enqueue(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _lines.Enqueue(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output => string.Join('\n', _lines);

    public static BackgroundProcess Start(string fileName, IEnumerable<string> args, string workingDirectory, IReadOnlyDictionary<string, string>? env = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Like QevProcess: the workers run the five core rules unless a test sets another profile.
        start.Environment["Rules__Profile"] = "magdeburg-kern";
        foreach (var (key, value) in env ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return new BackgroundProcess(Process.Start(start) ?? throw new InvalidOperationException($"{fileName} startet nicht"));
    }

    /// <summary>Starts the worker binary (`dotnet qev.dll …`).</summary>
    public static BackgroundProcess StartQev(string workingDirectory, IReadOnlyDictionary<string, string> env, params string[] args) =>
        Start("dotnet", args.Prepend(QevProcess.DllPath), workingDirectory, env);

    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            if (_lines.FirstOrDefault(match) is { } line)
            {
                return line;
            }

            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Prozess beendet ({_process.ExitCode}):\n{Output}");
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"keine passende Zeile nach {timeout}:\n{Output}");
    }

    /// <summary>The exit code once the process ended by itself; a timeout kills it and fails.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            KillHard();
            throw new TimeoutException($"Prozess nach {timeout} nicht beendet:\n{Output}");
        }

        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no chance to clean up, as when a server dies.</summary>
    public void KillHard()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    public void Dispose()
    {
        KillHard();
        _process.Dispose();
    }
}
