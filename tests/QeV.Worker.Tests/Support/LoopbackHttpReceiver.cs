using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace QeV.Worker.Tests.Support;

/// <summary>One HTTP request as it arrived.</summary>
public sealed record ReceivedRequest(string Method, string Path, string Query, string? ContentType, byte[] Body)
{
    public string Text => Encoding.UTF8.GetString(Body);

    /// <summary>Whether <paramref name="value"/> occurs in the body as UTF-8 bytes (a name inside protobuf, a field in JSON).</summary>
    public bool Contains(string value) => Body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(value)) >= 0;
}

/// <summary>
/// A real HTTP server on loopback (HttpListener) that stands in for Seq or an OTLP collector: it answers every POST
/// with <see cref="StatusCode"/> and keeps what arrived.
/// </summary>
public sealed class LoopbackHttpReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();
    private readonly Task _loop;

    public LoopbackHttpReceiver(int statusCode = 200)
    {
        StatusCode = statusCode;
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public int StatusCode { get; }

    public string Url => $"http://127.0.0.1:{Port}";

    public IReadOnlyList<ReceivedRequest> Requests => _requests.ToList();

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var bytes = body.ToArray();
            if (string.Equals(context.Request.Headers["Content-Encoding"], "gzip", StringComparison.OrdinalIgnoreCase))
            {
                using var gzip = new System.IO.Compression.GZipStream(new MemoryStream(bytes), System.IO.Compression.CompressionMode.Decompress);
                using var plain = new MemoryStream();
                await gzip.CopyToAsync(plain);
                bytes = plain.ToArray();
            }

            _requests.Enqueue(new ReceivedRequest(context.Request.HttpMethod, context.Request.Url!.AbsolutePath,
                context.Request.Url.Query, context.Request.ContentType, bytes));
            context.Response.StatusCode = StatusCode;
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // the loop ends with the listener
        }
    }
}
