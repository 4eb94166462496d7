namespace QeV.Worker.Import;

/// <summary>One parsed row as the streaming import passes it on: its physical line and the values in column order.</summary>
public readonly record struct StreamedRow(int Line, object?[] Values);
