using QeV.Worker.Cli;

return await CliApp.RunAsync(args);
