using System.Text;

namespace QeV.Worker.Tests.Support;

/// <summary>A fresh folder of its own for one test, deleted with everything in it on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "qev-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>Writes UTF-8 text without a byte order mark, creating the folders on the way.</summary>
    public string WriteText(string relativePath, string content) => WriteBytes(relativePath, Utf8NoBom.GetBytes(content));

    public string WriteBytes(string relativePath, byte[] bytes)
    {
        var path = Combine(relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Writes one import file per entry (file name → content) into a new sub folder and returns its path.</summary>
    public string WriteImportFolder(IReadOnlyDictionary<string, string> files, string? name = null)
    {
        var folder = Combine(name ?? "import-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        foreach (var (file, content) in files)
        {
            File.WriteAllBytes(System.IO.Path.Combine(folder, file), Utf8NoBom.GetBytes(content));
        }

        return folder;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Already gone: nothing left to clean up.
        }
        catch (IOException)
        {
            // A process that outlived its test may still hold a file; the system's temp cleanup takes the rest.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above.
        }
    }
}
