namespace QeV.Worker.Store;

/// <summary>
/// One long-running worker per SQLite file: an exclusive lock on "&lt;file&gt;.worker.lock", released by the operating
/// system when the process ends in any way. Commands (import, deadlines, run --once) do not take it.
/// </summary>
public sealed class WorkerLock : IDisposable
{
    private readonly FileStream _stream;

    private WorkerLock(FileStream stream) => _stream = stream;

    public static WorkerLock? TryAcquire(string databaseFile)
    {
        var path = databaseFile + ".worker.lock";
        try
        {
            var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            stream.SetLength(0);
            using (var writer = new StreamWriter(stream, leaveOpen: true))
            {
                writer.Write(Environment.ProcessId);
            }

            stream.Flush();
            return new WorkerLock(stream);
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => _stream.Dispose();
}
