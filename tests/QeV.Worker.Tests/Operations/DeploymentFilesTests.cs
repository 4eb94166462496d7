using System.Text.RegularExpressions;
using QeV.Worker.Tests.Support;

namespace QeV.Worker.Tests.Operations;

/// <summary>
/// No Docker engine runs here, so the Dockerfile, the systemd unit and the compose file are checked for what they
/// name: every copied path and project exists, every qev command they call is one the binary knows, no root user.
/// </summary>
public sealed partial class DeploymentFilesTests
{
    private static readonly string Root = FindRoot();

    private static readonly string[] Sections = ["Database", "Mail", "Notifications", "Office", "Schedule", "Health", "Otlp", "Serilog", "Rules", "Cluster"];

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "QeV.Worker.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root (QeV.Worker.sln) not found");
    }

    /// <summary>Instructions with continuation lines joined, comments dropped.</summary>
    private static List<(string Instruction, string Arguments)> Dockerfile() =>
        Regex.Replace(File.ReadAllText(Path.Combine(Root, "Dockerfile")), @"\\\r?\n", " ")
            .Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', 2))
            .Select(p => (p[0].ToUpperInvariant(), p.Length > 1 ? p[1].Trim() : ""))
            .ToList();

    private static List<string> JsonArray(string text) =>
        JsonArrayItems().Matches(text).Select(m => m.Groups[1].Value).ToList();

    [Fact]
    public void Dockerfile_EveryCopiedPathExists()
    {
        var copies = Dockerfile().Where(i => i.Instruction == "COPY" && !i.Arguments.StartsWith("--from", StringComparison.Ordinal)).ToList();
        copies.ShouldNotBeEmpty();
        foreach (var (_, arguments) in copies)
        {
            var parts = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            foreach (var source in parts[..^1])
            {
                var path = Path.Combine(Root, source);
                (File.Exists(path) || Directory.Exists(path)).ShouldBeTrue($"Dockerfile copies {source}, which does not exist");
            }
        }
    }

    [Fact]
    public void Dockerfile_FilesTheBuildPropsNameAreCopied()
    {
        var copied = Dockerfile().Where(i => i.Instruction == "COPY").SelectMany(i => i.Arguments.Split(' ')).ToHashSet(StringComparer.Ordinal);
        var props = File.ReadAllText(Path.Combine(Root, "Directory.Build.props"));
        foreach (Match m in BuildPropsFile().Matches(props))
        {
            var file = m.Groups[1].Value;
            if (!file.Contains('*', StringComparison.Ordinal) && File.Exists(Path.Combine(Root, file)))
            {
                copied.ShouldContain(file, $"Directory.Build.props uses {file}; the Dockerfile must copy it");
            }
        }
    }

    [Fact]
    public void Dockerfile_EveryProjectItBuildsExistsAndProducesTheDllItRuns()
    {
        var runs = Dockerfile().Where(i => i.Instruction == "RUN" && i.Arguments.StartsWith("dotnet ", StringComparison.Ordinal)).ToList();
        runs.Count.ShouldBe(2);
        foreach (var (_, arguments) in runs)
        {
            var project = arguments.Split(' ').Single(a => a.EndsWith(".csproj", StringComparison.Ordinal));
            File.Exists(Path.Combine(Root, project)).ShouldBeTrue(project);
            File.ReadAllText(Path.Combine(Root, project)).ShouldContain("<AssemblyName>qev</AssemblyName>");
        }

        var entry = JsonArray(Dockerfile().Single(i => i.Instruction == "ENTRYPOINT").Arguments);
        entry.ShouldBe(["dotnet", "/app/qev.dll"]);
        Dockerfile().Single(i => i.Instruction == "WORKDIR" && i.Arguments == "/app").ShouldNotBe(default);
    }

    [Fact]
    public void Dockerfile_RunsAsANonRootUser()
    {
        var users = Dockerfile().Where(i => i.Instruction == "USER").Select(i => i.Arguments).ToList();
        users.ShouldNotBeEmpty();
        users[^1].ShouldNotBeOneOf("root", "0", "0:0");
        var entry = Dockerfile().FindIndex(i => i.Instruction == "ENTRYPOINT");
        Dockerfile().FindLastIndex(i => i.Instruction == "USER").ShouldBeLessThan(entry);
    }

    [Fact]
    public async Task Dockerfile_CommandsAndHealthcheckAreCommandsOfTheBinary()
    {
        var cmd = JsonArray(Dockerfile().Single(i => i.Instruction == "CMD").Arguments);
        var health = Dockerfile().Single(i => i.Instruction == "HEALTHCHECK").Arguments;
        var healthCommand = JsonArray(health[health.IndexOf("CMD", StringComparison.Ordinal)..]);
        healthCommand[..2].ShouldBe(["dotnet", "/app/qev.dll"]);
        healthCommand[2].ShouldBe("health");

        using var temp = new TempFolder();
        foreach (var command in cmd.Take(1).Append(healthCommand[2]))
        {
            var help = await QevProcess.RunAsync(temp.Path, command, "--help");
            help.ExitCode.ShouldBe(0, help.ToString());
            help.StdOut.ShouldContain($"qev {command}");
        }
    }

    [Fact]
    public async Task SystemdUnit_TypeNotifyAndItsCommandExists()
    {
        var unit = File.ReadAllLines(Path.Combine(Root, "ops", "qev-worker.service"));
        unit.ShouldContain("Type=notify");
        var exec = unit.Single(l => l.StartsWith("ExecStart=", StringComparison.Ordinal))["ExecStart=".Length..].Split(' ');
        exec[1].ShouldEndWith("/qev.dll");
        unit.ShouldContain(l => l.StartsWith("User=", StringComparison.Ordinal) && l != "User=root");

        using var temp = new TempFolder();
        var help = await QevProcess.RunAsync(temp.Path, exec[2], "--help");
        help.ExitCode.ShouldBe(0, help.ToString());
    }

    [Fact]
    public void ComposeFile_BuildsThisDockerfileAndUsesKnownSettings()
    {
        var compose = File.ReadAllText(Path.Combine(Root, "ops", "compose.yaml"));
        compose.ShouldContain("dockerfile: Dockerfile");
        File.Exists(Path.Combine(Root, "ops", "..", "Dockerfile")).ShouldBeTrue();
        foreach (Match m in ComposeSetting().Matches(compose))
        {
            var section = m.Groups[1].Value;
            Sections.ShouldContain(section, $"compose sets {m.Value}, not a section of the worker");
        }
    }

    [GeneratedRegex("\"([^\"]*)\"")]
    private static partial Regex JsonArrayItems();

    [GeneratedRegex(@"\$\(MSBuildThisFileDirectory\)([^""<;]+)")]
    private static partial Regex BuildPropsFile();

    [GeneratedRegex(@"^\s+([A-Z][A-Za-z]+)__\w+:", RegexOptions.Multiline)]
    private static partial Regex ComposeSetting();
}
