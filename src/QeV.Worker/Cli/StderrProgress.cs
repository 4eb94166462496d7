namespace QeV.Worker.Cli;

/// <summary>Progress lines on stderr at once (Progress&lt;T&gt; would post them to the thread pool, out of order).</summary>
public sealed class StderrProgress : IProgress<string>
{
    public void Report(string value) => Console.Error.WriteLine(value);
}
