namespace QeV.Worker.Import;

/// <summary>A reason the import was refused, pointing at the exact cell.</summary>
public sealed record ImportError(string File, int Line, string? Column, string Reason)
{
    public override string ToString() => Column is null
        ? $"{File}, Zeile {Line}: {Reason}"
        : $"{File}, Zeile {Line}, Spalte {Column}: {Reason}";
}
