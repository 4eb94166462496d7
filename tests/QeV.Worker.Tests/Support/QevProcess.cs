using System.Diagnostics;
using System.Text;

namespace QeV.Worker.Tests.Support;

/// <summary>What one run of the real `qev` binary did.</summary>
public sealed record QevResult(int ExitCode, string StdOut, string StdErr)
{
    /// <summary>The non-empty lines written to stderr.</summary>
    public IReadOnlyList<string> StdErrLines =>
        StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{StdOut}\n--- stderr ---\n{StdErr}";
}

/// <summary>
/// Runs the worker's own binary (qev.dll, copied next to the tests because the test project references the worker)
/// as `dotnet qev.dll …` in a separate process, the way an operator or another tool calls it.
/// </summary>
public static class QevProcess
{
    public static TimeSpan Timeout { get; } = TimeSpan.FromSeconds(90);

    /// <summary>As the value of Rules__Profile: no profile setting at all, so the shipped appsettings.json decides.</summary>
    public const string ShippedProfile = "(shipped)";

    public static string DllPath { get; } = Path.Combine(AppContext.BaseDirectory, "qev.dll");

    /// <summary>Runs `dotnet qev.dll <paramref name="args"/>` in <paramref name="workingDirectory"/> and waits for it to end.</summary>
    public static Task<QevResult> RunAsync(string workingDirectory, params string[] args) =>
        RunAsync(workingDirectory, new Dictionary<string, string>(), args);

    /// <summary>As above, with extra environment variables (configuration such as Mail__Mode=Pickup).</summary>
    public static async Task<QevResult> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string> env, params string[] args)
    {
        File.Exists(DllPath).ShouldBeTrue($"{DllPath} missing: the test project must reference QeV.Worker");
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
        };
        start.ArgumentList.Add(DllPath);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The binary reads its configuration from the environment too; keep the test machine's settings out.
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment.Remove("Database__ConnectionString");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        // The process tests check the mechanics on the five core rules; tests of the full catalogue set their profile.
        start.Environment["Rules__Profile"] = "magdeburg-kern";
        foreach (var (key, value) in env)
        {
            start.Environment[key] = value;
        }

        if (start.Environment.TryGetValue("Rules__Profile", out var profile) && profile == ShippedProfile)
        {
            start.Environment.Remove("Rules__Profile");
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"qev {string.Join(' ', args)} did not end within {Timeout.TotalSeconds} s");
        }

        return new QevResult(process.ExitCode, await stdout, await stderr);
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
