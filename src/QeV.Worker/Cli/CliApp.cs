using System.CommandLine;
using System.Runtime.InteropServices;

namespace QeV.Worker.Cli;

/// <summary>The `qev` command line: the worker and its tools share one binary.</summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("QeV.Worker – Fristenwächter für Qualitätsentwicklungsvereinbarungen (§ 78b SGB VIII)")
        {
            RunCommand.Create(),
            ImportCommand.Create(),
            DeadlinesCommand.Create(),
            SeedDemoCommand.Create(),
            GenerateCommand.Create(),
            ScanCommand.Create(),
            PreviewCommand.Create(),
            HistoryCommand.Create(),
            RequeueCommand.Create(),
            RulesCommand.Create(),
            SourcesCommand.Create(),
            HealthCommand.Create(),
            DoctorCommand.Create(),
            TestMailCommand.Create(),
        };
        root.Options.Add(CliOptions.Db);
        root.SetAction((parse, ct) => RunCommand.RunWorkerAsync(parse.GetValue(CliOptions.Db), new RunSettings(), ct));
        GermanHelpAction.Install(root);

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0 && parsed.Action is not GermanHelpAction)
        {
            await Console.Error.WriteLineAsync(GermanParseErrors.Describe(parsed, root) + " (qev --help zeigt die Befehle)");
            return 2;
        }

        // SIGTERM and Ctrl+C cancel the command's token; a mail in flight is finished and recorded and claims are given
        // back, however long that takes within Mail:Smtp:Timeout (System.CommandLine would end the process after 2 s).
        // A second signal ends the process at once.
        using var stop = new CancellationTokenSource();
        void OnSignal(PosixSignalContext context)
        {
            if (!stop.IsCancellationRequested)
            {
                context.Cancel = true;
                stop.Cancel();
            }
        }

        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null }, stop.Token);
        }
        catch (UsageException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }
    }
}
