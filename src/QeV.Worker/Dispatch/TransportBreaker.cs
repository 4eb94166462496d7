using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using QeV.Worker.Dispatch.Delivery;

namespace QeV.Worker.Dispatch;

/// <summary>
/// The resilience of one dispatch run: quick retries of a temporary transport failure (not of a timeout: the next try
/// would hang as long), inside a circuit breaker that ends the run after N consecutive transport failures. Polly's
/// breaker counts a failure ratio over a time window; "N in a row" is kept here and opens the circuit through its
/// manual control. A new run starts closed, so dispatch resumes by itself once the server answers again.
/// </summary>
internal sealed class TransportBreaker
{
    private readonly int _limit;
    private readonly CircuitBreakerManualControl _control = new();
    private readonly CircuitBreakerStateProvider _state = new();
    private int _consecutive;
    private string? _reason;

    public TransportBreaker(DispatchOptions options, TimeProvider time)
    {
        _limit = options.BreakAfterTransportFailures;
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (options.ImmediateRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<TransportException>(e => !e.TimedOut && !IsOpen),
                MaxRetryAttempts = options.ImmediateRetries,
                Delay = options.ImmediateRetryDelay,
                BackoffType = DelayBackoffType.Exponential,
            });
        }

        Pipeline = builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<TransportException>(),
            FailureRatio = 1.0,
            MinimumThroughput = _limit,
            SamplingDuration = TimeSpan.FromHours(1),
            BreakDuration = TimeSpan.FromHours(1),
            ManualControl = _control,
            StateProvider = _state,
        }).Build();
    }

    public ResiliencePipeline Pipeline { get; }

    public bool IsOpen => _state.CircuitState is CircuitState.Open or CircuitState.Isolated || Volatile.Read(ref _consecutive) >= _limit;

    /// <summary>The last transport failure's German sentence once the breaker opened.</summary>
    public string? Reason => IsOpen ? Volatile.Read(ref _reason) : null;

    public void Succeeded() => Interlocked.Exchange(ref _consecutive, 0);

    public async Task FailedAsync(TransportException ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        Volatile.Write(ref _reason, ex.Message);
        if (Interlocked.Increment(ref _consecutive) >= _limit && _state.CircuitState != CircuitState.Isolated)
            await _control.IsolateAsync();
    }
}
