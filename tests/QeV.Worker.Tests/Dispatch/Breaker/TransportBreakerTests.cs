using Polly.CircuitBreaker;
using QeV.Worker.Dispatch;
using QeV.Worker.Dispatch.Delivery;

namespace QeV.Worker.Tests.Dispatch.Breaker;

/// <summary>
/// The run's breaker (delivery issue: "a circuit breaker stops the dispatch run after a few consecutive transport
/// failures"): exactly at the limit, not one before; a success in between starts the count again; the immediate retries
/// of a temporary failure count each, a timeout is not retried, and nothing is retried once the breaker is open. The
/// send is a function here, called the way the dispatcher calls the transport; the real SMTP faults are in
/// SmtpRepliesTests and DeliveryFaultTests.
/// </summary>
public sealed class TransportBreakerTests
{
    private static TransportBreaker Breaker(int limit, int retries = 0) =>
        new(new DispatchOptions { BreakAfterTransportFailures = limit, ImmediateRetries = retries, ImmediateRetryDelay = TimeSpan.Zero }, TimeProvider.System);

    /// <summary>One mail as the dispatcher sends it: success resets, a transport failure is counted and rethrown.</summary>
    private static async Task<int> SendAsync(TransportBreaker breaker, Func<int, TransportException?> failure)
    {
        var calls = 0;
        try
        {
            await breaker.Pipeline.ExecuteAsync(async _ =>
            {
                var error = failure(++calls);
                await Task.Yield();
                if (error is null)
                {
                    breaker.Succeeded();
                    return;
                }

                await breaker.FailedAsync(error);
                throw error;
            }, CancellationToken.None);
        }
        catch (TransportException)
        {
        }

        return calls;
    }

    private static TransportException Refused(int n) => new($"Verbindung zu mail.example:587 abgelehnt ({n})");

    [Fact]
    public async Task FailedAsync_OneBeforeTheLimit_StillClosed_AtTheLimit_OpenWithTheLastReason()
    {
        // Given
        var breaker = Breaker(limit: 3);

        // When: two refused connections
        await SendAsync(breaker, _ => Refused(1));
        await SendAsync(breaker, _ => Refused(2));

        // Then
        breaker.IsOpen.ShouldBeFalse();
        breaker.Reason.ShouldBeNull();

        // When: the third
        await SendAsync(breaker, _ => Refused(3));

        // Then: open, in German, naming the server; the next mail is not even tried
        breaker.IsOpen.ShouldBeTrue();
        breaker.Reason.ShouldBe("Verbindung zu mail.example:587 abgelehnt (3)");
        var tried = false;
        await Should.ThrowAsync<IsolatedCircuitException>(async () =>
            await breaker.Pipeline.ExecuteAsync(_ => { tried = true; return ValueTask.CompletedTask; }, CancellationToken.None));
        tried.ShouldBeFalse();
    }

    [Fact]
    public async Task Succeeded_BetweenFailures_TheCountStartsAgain()
    {
        // Given
        var breaker = Breaker(limit: 3);

        // When: two failures, one delivered mail, two failures
        await SendAsync(breaker, _ => Refused(1));
        await SendAsync(breaker, _ => Refused(2));
        await SendAsync(breaker, _ => null);
        await SendAsync(breaker, _ => Refused(3));
        await SendAsync(breaker, _ => Refused(4));

        // Then: never three in a row
        breaker.IsOpen.ShouldBeFalse();
        breaker.Reason.ShouldBeNull();
    }

    [Fact]
    public async Task Pipeline_TemporaryFailure_RetriedAtOnceAndEachTryCounts()
    {
        // Given: two immediate retries, a limit of five
        var breaker = Breaker(limit: 5, retries: 2);

        // When: a refused connection that answers on the third try, then one that never does
        var first = await SendAsync(breaker, n => n < 3 ? Refused(n) : null);
        var second = await SendAsync(breaker, Refused);

        // Then: three tries each; the second mail's three failures are three of the five
        (first, second).ShouldBe((3, 3));
        breaker.IsOpen.ShouldBeFalse();
        await SendAsync(breaker, Refused);
        breaker.IsOpen.ShouldBeTrue();
    }

    [Fact]
    public async Task Pipeline_Timeout_NotRetried()
    {
        // Given
        var breaker = Breaker(limit: 5, retries: 2);

        // When: the server never answers
        var calls = await SendAsync(breaker, _ => new TransportException("Zeitüberschreitung bei mail.example:587", null, timedOut: true));

        // Then: one try, one failure counted
        calls.ShouldBe(1);
        breaker.IsOpen.ShouldBeFalse();
    }

    [Fact]
    public async Task Pipeline_BreakerOpensDuringTheRetries_NoFurtherTry()
    {
        // Given: a limit of two, two immediate retries
        var breaker = Breaker(limit: 2, retries: 2);

        // When
        var calls = await SendAsync(breaker, Refused);

        // Then: the second failure opens it, the third try is not made
        calls.ShouldBe(2);
        breaker.IsOpen.ShouldBeTrue();
        breaker.Reason.ShouldBe("Verbindung zu mail.example:587 abgelehnt (2)");
    }
}
