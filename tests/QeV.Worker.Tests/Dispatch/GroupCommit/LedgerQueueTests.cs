using System.Threading.Channels;
using QeV.Worker.Dispatch;
using QeV.Worker.Ledger;

namespace QeV.Worker.Tests.Dispatch.GroupCommit;

/// <summary>
/// The group commit of a run's connections (<see cref="LedgerQueue"/>, delivery issue: "a ledger write after the
/// server's 250 is retried as a ledger write"): what comes in while a transaction is under way goes into the next one,
/// every connection gets its own answer, and a failed transaction fails every write in it. The transaction itself is the
/// queue's seam (a function); here it is a gate the test opens, so that the writes overlap for certain, which four
/// connections to a fast SQLite rarely do.
/// </summary>
public sealed class LedgerQueueTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>A transaction that records what it was given and waits until the test answers it.</summary>
    private sealed class GatedLedger
    {
        private readonly Channel<(LedgerBatch Batch, TaskCompletionSource<HashSet<string>> Answer)> _calls =
            Channel.CreateUnbounded<(LedgerBatch, TaskCompletionSource<HashSet<string>>)>();

        private int _count;

        public int Calls => _count;

        public Task<HashSet<string>> WriteAsync(LedgerBatch batch)
        {
            var answer = new TaskCompletionSource<HashSet<string>>(TaskCreationOptions.RunContinuationsAsynchronously);
            Interlocked.Increment(ref _count);
            _calls.Writer.TryWrite((batch, answer)).ShouldBeTrue();
            return answer.Task;
        }

        public async Task<(LedgerBatch Batch, TaskCompletionSource<HashSet<string>> Answer)> NextAsync() =>
            await _calls.Reader.ReadAsync().AsTask().WaitAsync(Patience);
    }

    private static DeliveryUpdate Sent(string key) => new(key, key + "@example.de", NoticeState.Sent, 1, null);

    private static NoticeOutcome Outcome(string key) => new(key, NoticeState.Sent, DateTimeOffset.UnixEpoch, null, SentNow: true);

    [Fact]
    public async Task WriteAsync_WhileATransactionIsUnderWay_TheOthersGoTogetherIntoTheNextAndEachGetsItsOwnKeys()
    {
        // Given: connection A's write has started and waits for the database
        var ledger = new GatedLedger();
        var queue = new LedgerQueue(ledger.WriteAsync);
        var a = queue.WriteAsync([Sent("a0")], [Outcome("a0")], ["a1"]);
        var (first, firstAnswer) = await ledger.NextAsync();

        // When: B, C and D record their mails meanwhile; A's transaction commits, then the next one, in which another
        // worker has taken over c1
        var b = queue.WriteAsync([Sent("b0")], [Outcome("b0")], ["b1"]);
        var c = queue.WriteAsync([Sent("c0")], [Outcome("c0")], ["c1"]);
        var d = queue.WriteAsync([Sent("d0")], [Outcome("d0")], ["d1"]);
        firstAnswer.SetResult(["a1"]);
        var (second, secondAnswer) = await ledger.NextAsync();
        secondAnswer.SetResult(["b1", "d1"]);
        var answers = await Task.WhenAll(a, b, c, d).WaitAsync(Patience);

        // Then: two transactions, the second with all three mails; each connection is told only its own keys
        ledger.Calls.ShouldBe(2);
        first.Deliveries.Select(u => u.NoticeKey).ShouldBe(["a0"]);
        first.Renew.ShouldBe(["a1"]);
        second.Deliveries.Select(u => u.NoticeKey).ShouldBe(["b0", "c0", "d0"]);
        second.Outcomes.Select(o => o.NoticeKey).ShouldBe(["b0", "c0", "d0"]);
        second.Renew.ShouldBe(["b1", "c1", "d1"]);
        second.Check.ShouldBeEmpty();
        answers.Select(h => string.Join(",", h.Order(StringComparer.Ordinal))).ShouldBe(["a1", "b1", "", "d1"]);
    }

    [Fact]
    public async Task WriteAsync_NotExtending_TheKeysAreOnlyChecked()
    {
        // Given
        var ledger = new GatedLedger();
        var queue = new LedgerQueue(ledger.WriteAsync);

        // When: a mail is recorded with the next mail's claims only checked (half the lease is still left)
        var write = queue.WriteAsync([Sent("a0")], [Outcome("a0")], ["a1", "a2"], extend: false);
        var (batch, answer) = await ledger.NextAsync();
        answer.SetResult(["a1"]);

        // Then
        batch.Renew.ShouldBeEmpty();
        batch.Check.ShouldBe(["a1", "a2"]);
        (await write.WaitAsync(Patience)).ShouldBe(["a1"]);
    }

    [Fact]
    public async Task WriteAsync_TheTransactionFailsForGood_EveryWriteInItFailsAndTheNextOneIsWrittenAgain()
    {
        // Given: A's transaction under way, B and C queued behind it
        var ledger = new GatedLedger();
        var queue = new LedgerQueue(ledger.WriteAsync);
        var a = queue.WriteAsync([Sent("a0")], [], ["a1"]);
        var (_, firstAnswer) = await ledger.NextAsync();
        var b = queue.WriteAsync([Sent("b0")], [], ["b1"]);
        var c = queue.WriteAsync([Sent("c0")], [], ["c1"]);

        // When: A's commits; the one with B and C fails after its retries; then D writes
        firstAnswer.SetResult(["a1"]);
        var (_, secondAnswer) = await ledger.NextAsync();
        secondAnswer.SetException(new TimeoutException("database is locked"));
        var afterFailure = await Task.WhenAll(b.ContinueWith(t => t.Exception?.InnerException?.Message, TaskScheduler.Default),
            c.ContinueWith(t => t.Exception?.InnerException?.Message, TaskScheduler.Default)).WaitAsync(Patience);
        var d = queue.WriteAsync([Sent("d0")], [], ["d1"]);
        var (third, thirdAnswer) = await ledger.NextAsync();
        thirdAnswer.SetResult(["d1"]);

        // Then: A holds its key, B and C both fail with the transaction's error, D gets a transaction of its own
        (await a.WaitAsync(Patience)).ShouldBe(["a1"]);
        afterFailure.ShouldBe(["database is locked", "database is locked"]);
        third.Deliveries.Select(u => u.NoticeKey).ShouldBe(["d0"]);
        (await d.WaitAsync(Patience)).ShouldBe(["d1"]);
        ledger.Calls.ShouldBe(3);
    }
}
