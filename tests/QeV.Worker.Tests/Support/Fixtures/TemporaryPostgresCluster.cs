using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace QeV.Worker.Tests.Support.Fixtures;

/// <summary>
/// A throwaway PostgreSQL 15 cluster of Debian's postgresql package: initdb in a temp folder, started on a free
/// loopback port with durability off, a role qev that may create databases. As root the server runs as the postgres
/// user (runuser), as PostgreSQL refuses to run as root. A cluster left by a killed test run is stopped and removed by
/// the next one.
/// </summary>
public sealed class TemporaryPostgresCluster
{
    public const string BinDirectory = "/usr/lib/postgresql/15/bin";

    private const string FolderPrefix = "qev-pg-";
    private const string OwnerFile = "owner.pid";
    private const int FirstPort = 55432;
    private const int LastPort = 55531;

    private readonly string _folder;

    private TemporaryPostgresCluster(string folder, int port)
    {
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString =>
        $"Host=127.0.0.1;Port={Port.ToString(CultureInfo.InvariantCulture)};Username=qev;Password=qev;Database=qev_test";

    public string Description => $"temporary cluster in {_folder}, port {Port.ToString(CultureInfo.InvariantCulture)}";

    private static bool AsRoot => Environment.IsPrivilegedProcess;

    public static async Task<TemporaryPostgresCluster> StartAsync()
    {
        if (!File.Exists(Path.Combine(BinDirectory, "initdb")) || !File.Exists(Path.Combine(BinDirectory, "pg_ctl")))
        {
            throw new InvalidOperationException(
                $"PostgreSQL 15 fehlt ({BinDirectory}/initdb): apt-get install postgresql (scripts/test.sh tut das), "
                + $"{PostgresFixture.Variable} auf einen Server setzen oder eine Docker-Engine bereitstellen.");
        }

        RemoveAbandoned();
        var folder = Path.Combine(Path.GetTempPath(), FolderPrefix + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path.Combine(folder, "sock"));
        await File.WriteAllTextAsync(Path.Combine(folder, OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        if (AsRoot)
        {
            Run("chown", "-R", "postgres:postgres", folder);
        }

        StartWatchdog(folder);
        var cluster = await StartInAsync(folder);
        try
        {
            await cluster.CreateRoleAsync();
            return cluster;
        }
        catch
        {
            cluster.Stop();
            throw;
        }
    }

    /// <summary>Stops the server at once (the data is thrown away) and removes its folder.</summary>
    public void Stop()
    {
        StopServer(_folder);
        TryDelete(_folder);
    }

    /// <summary>
    /// A shell in a session of its own waits for this test process to end, however it ends (exit, crash, kill), then
    /// stops the server and removes the folder. Exit handlers are not enough: the test platform ends its host soon
    /// after the last test, and the server, a daemon, outlives it.
    /// </summary>
    private static void StartWatchdog(string folder)
    {
        const string Script = """
            while kill -0 "$1" 2>/dev/null; do sleep 1; done
            if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$2" -D "$3" -m immediate -w -t 10 stop
            else "$2" -D "$3" -m immediate -w -t 10 stop; fi
            for attempt in 1 2 3 4 5; do rm -rf "$4" && break; sleep 1; done
            """;
        var start = new ProcessStartInfo("setsid")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var arg in new[]
        {
            "--fork", "sh", "-c", "{\n" + Script + "\n} </dev/null >/dev/null 2>&1", "sh",
            Environment.ProcessId.ToString(CultureInfo.InvariantCulture), Path.Combine(BinDirectory, "pg_ctl"), Path.Combine(folder, "data"), folder,
        })
        {
            start.ArgumentList.Add(arg);
        }

        using var watchdog = Process.Start(start) ?? throw new InvalidOperationException("setsid startet nicht");
        watchdog.WaitForExit();
    }

    private static async Task<TemporaryPostgresCluster> StartInAsync(string folder)
    {
        var data = Path.Combine(folder, "data");
        RunAsPostgres(Path.Combine(BinDirectory, "initdb"), "-D", data, "-U", "postgres", "-E", "UTF8", "--locale=C",
            "--auth-local=trust", "--auth-host=scram-sha-256");
        var failures = new List<string>();
        for (var port = FirstPort; port <= LastPort; port++)
        {
            if (!IsFree(port))
            {
                continue;
            }

            var options = string.Join(' ',
                $"-c port={port.ToString(CultureInfo.InvariantCulture)}", "-c listen_addresses=127.0.0.1",
                $"-c unix_socket_directories={Path.Combine(folder, "sock")}", "-c max_connections=200",
                "-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off", "-c shared_buffers=128MB");
            var (code, output) = TryRunAsPostgres(Path.Combine(BinDirectory, "pg_ctl"), "-D", data,
                "-l", Path.Combine(folder, "postgres.log"), "-o", options, "-w", "-t", "60", "start");
            if (code == 0)
            {
                return new TemporaryPostgresCluster(folder, port);
            }

            // Lost a race for the port (or another start failure): the next one.
            failures.Add($"{port}: {output.Trim()}");
        }

        TryDelete(folder);
        throw new InvalidOperationException(
            $"PostgreSQL startet auf keinem Port {FirstPort}-{LastPort}: {string.Join(" | ", failures.TakeLast(3))}");
    }

    private async Task CreateRoleAsync()
    {
        // Local connections are trusted: the socket of this cluster, as its superuser.
        var superuser = new NpgsqlConnectionStringBuilder
        {
            Host = Path.Combine(_folder, "sock"), Port = Port, Username = "postgres", Database = "postgres", Pooling = false,
        };
        await using var connection = new NpgsqlConnection(superuser.ToString());
        await connection.OpenAsync();
        foreach (var sql in new[] { "CREATE ROLE qev LOGIN CREATEDB PASSWORD 'qev'", "CREATE DATABASE qev_test OWNER qev" })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Clusters whose test process is gone (killed before it could stop them).</summary>
    private static void RemoveAbandoned()
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            // Without its owner file a folder is still being set up by another run: left alone.
            var owner = Path.Combine(folder, OwnerFile);
            if (!File.Exists(owner) || !int.TryParse(File.ReadAllText(owner), out var pid) || IsRunning(pid))
            {
                continue;
            }

            StopServer(folder);
            TryDelete(folder);
        }
    }

    private static void StopServer(string folder)
    {
        var data = Path.Combine(folder, "data");
        if (File.Exists(Path.Combine(data, "postmaster.pid")))
        {
            TryRunAsPostgres(Path.Combine(BinDirectory, "pg_ctl"), "-D", data, "-m", "immediate", "-w", "-t", "10", "stop");
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open: the next run's RemoveAbandoned takes it.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static void RunAsPostgres(string file, params string[] args)
    {
        var (code, output) = TryRunAsPostgres(file, args);
        if (code != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} endete mit {code}: {output.Trim()}");
        }
    }

    private static (int Code, string Output) TryRunAsPostgres(string file, params string[] args) =>
        AsRoot ? TryRun("runuser", ["-u", "postgres", "--", file, .. args]) : TryRun(file, args);

    private static void Run(string file, params string[] args)
    {
        var (code, output) = TryRun(file, args);
        if (code != 0)
        {
            throw new InvalidOperationException($"{file} endete mit {code}: {output.Trim()}");
        }
    }

    private static (int Code, string Output) TryRun(string file, string[] args)
    {
        var start = new ProcessStartInfo(file)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} startet nicht");
        // pg_ctl start leaves the server holding inherited pipes; read to the end only what the command itself wrote.
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        var output = (stdout.Wait(TimeSpan.FromSeconds(5)) ? stdout.Result : "") + (stderr.Wait(TimeSpan.FromSeconds(5)) ? stderr.Result : "");
        return (process.ExitCode, output);
    }
}
