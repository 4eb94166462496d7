using System.Globalization;
using QeV.Worker.Cli;

// Messages, dates and numbers for people are German; parsing and files use the invariant culture explicitly.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.GetCultureInfo("de-DE");
return await CliApp.RunAsync(args);
