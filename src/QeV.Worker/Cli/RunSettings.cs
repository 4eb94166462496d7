namespace QeV.Worker.Cli;

/// <summary>How `run` was asked to behave.</summary>
public sealed record RunSettings(bool Demo = false, bool Once = false, DateOnly? AsOf = null);
