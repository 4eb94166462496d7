namespace QeV.Worker.Import;

/// <summary>The import was refused; nothing was written.</summary>
public sealed class ImportFailedException : Exception
{
    public ImportFailedException(IReadOnlyList<ImportError> errors)
        : base($"Import abgebrochen: {errors.Count} Fehler, es wurde nichts geschrieben.") => Errors = errors;

    public ImportFailedException() : this([]) { }

    public ImportFailedException(string message) : base(message) => Errors = [];

    public ImportFailedException(string message, Exception inner) : base(message, inner) => Errors = [];

    public IReadOnlyList<ImportError> Errors { get; }
}
