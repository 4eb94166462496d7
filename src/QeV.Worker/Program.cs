using System.Globalization;
using QeV.Worker.Cli;
using Serilog;

// Messages, dates and numbers for people are German; parsing and files use the invariant culture explicitly.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.GetCultureInfo("de-DE");

// As in Serilog's hosting sample: a bootstrap logger until the host has read the Serilog section, anything unexpected
// logged as fatal, and the sinks (Seq, files) flushed on every way out, including `run --once`.
Log.Logger = QeV.Worker.Hosting.QevHost.CreateBootstrapLogger();
try
{
    return await CliApp.RunAsync(args);
}
catch (Exception ex)
{
    Log.Fatal(ex, "QeV.Worker unerwartet beendet");
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}
