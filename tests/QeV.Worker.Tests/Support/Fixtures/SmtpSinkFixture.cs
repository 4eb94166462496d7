namespace QeV.Worker.Tests.Support.Fixtures;

/// <summary>
/// One SMTP sink per test class. Tests stay apart by their own recipient domain: each reads only the messages to
/// its addresses and scripts failures only for them.
/// </summary>
public sealed class SmtpSinkFixture : IAsyncLifetime, IDisposable
{
    private readonly TempFolder _folder = new();
    private SmtpSink? _sink;

    public SmtpSink Sink => _sink ?? throw new InvalidOperationException("SMTP sink not started");

    /// <summary>A folder of the fixture for sinks a test starts and stops itself.</summary>
    public TempFolder Folder => _folder;

    public async Task InitializeAsync() =>
        _sink = await SmtpSink.StartAsync(_folder.Combine("maildir"), _folder.Combine("script.json"));

    public async Task DisposeAsync()
    {
        if (_sink is not null)
        {
            await _sink.DisposeAsync();
        }

        Dispose();
    }

    public void Dispose() => _folder.Dispose();
}
