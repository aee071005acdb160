using System.Threading.Channels;

namespace OutcomeLedger.Core.Sequencing;

/// <summary>
/// The short queue in front of the sequencer: concurrent submissions of single entries are collected into batches of
/// up to <see cref="MaxBatch"/> and integrated one batch at a time, so one transaction and one signed checkpoint
/// serve thousands of submitters. Each submitter prepares its own entry (hash, parse, signature) before queuing it,
/// so that work runs on all cores while the sequencer checks and commits the batch before: the batch is a pipeline
/// of two stages, and only the ordered checks and the commit are sequential. A batch is what queued while the one
/// before committed, held open for up to <see cref="MaxAge"/> after it started so that a fast commit does not make
/// many small batches. Each submission completes only after its batch committed, with its own result; if a batch fails
/// to commit, every submission in it fails with that error and nothing of it is logged. At most
/// <see cref="Capacity"/> entries wait: a submitter beyond that waits for room.
/// </summary>
public sealed class BatchingSequencer : IAsyncDisposable
{
    readonly Sequencer _sequencer;
    readonly Channel<Submission> _queue;
    readonly Action<int, Exception>? _batchFailed;
    readonly Task _loop;

    /// <param name="sequencer">The sequencer this front feeds; it is not disposed with the front.</param>
    /// <param name="maxBatch">The most entries in one batch.</param>
    /// <param name="capacity">The most entries waiting for a batch.</param>
    /// <param name="maxAge">How long a batch stays open for more entries once it has one; zero takes what is queued.</param>
    /// <param name="batchFailed">Told the size of a batch that could not be committed, and why (for the operator's log).</param>
    public BatchingSequencer(Sequencer sequencer, int maxBatch = 4096, int capacity = 65536, TimeSpan maxAge = default, Action<int, Exception>? batchFailed = null)
    {
        ArgumentNullException.ThrowIfNull(sequencer);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAge, TimeSpan.Zero);
        _sequencer = sequencer;
        MaxBatch = maxBatch;
        Capacity = capacity;
        MaxAge = maxAge;
        _batchFailed = batchFailed;
        _queue = Channel.CreateBounded<Submission>(new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        _loop = Task.Run(RunAsync);
    }

    public int MaxBatch { get; }

    public int Capacity { get; }

    public TimeSpan MaxAge { get; }

    /// <summary>
    /// Prepares and queues one entry; the task completes once its batch committed (or fails if the batch could not be
    /// written). Cancelling stops the waiting, not the entry: once queued it is integrated like any other. Throws
    /// <see cref="ObjectDisposedException"/> once the front is shutting down.
    /// </summary>
    public async Task<SubmitResult> SubmitAsync(byte[] entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var submission = new Submission(_sequencer.Prepare(entry), new TaskCompletionSource<SubmitResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(submission))
        {
            try
            {
                await _queue.Writer.WriteAsync(submission, cancellationToken);
            }
            catch (ChannelClosedException)
            {
                throw new ObjectDisposedException(nameof(BatchingSequencer));
            }
        }

        return await submission.Result.Task.WaitAsync(cancellationToken);
    }

    async Task RunAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<Submission>(MaxBatch);
        while (await reader.WaitToReadAsync())
        {
            batch.Clear();
            Take(reader, batch);
            if (MaxAge > TimeSpan.Zero && batch.Count < MaxBatch)
            {
                using var open = new CancellationTokenSource(MaxAge);
                try
                {
                    while (batch.Count < MaxBatch && await reader.WaitToReadAsync(open.Token))
                    {
                        Take(reader, batch);
                    }
                }
                catch (OperationCanceledException) when (open.IsCancellationRequested)
                {
                    // The batch's time is up: it goes as it is.
                }
            }

            try
            {
                var results = await _sequencer.SubmitPreparedAsync(batch.ConvertAll(s => s.Entry), CancellationToken.None);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Result.SetResult(results[i]);
                }
            }
#pragma warning disable CA1031 // The failure belongs to the submitters, each of whom sees it; the queue goes on.
            catch (Exception e)
#pragma warning restore CA1031
            {
                _batchFailed?.Invoke(batch.Count, e);
                foreach (var submission in batch)
                {
                    submission.Result.SetException(e);
                }
            }
        }
    }

    void Take(ChannelReader<Submission> reader, List<Submission> batch)
    {
        while (batch.Count < MaxBatch && reader.TryRead(out var submission))
        {
            batch.Add(submission);
        }
    }

    /// <summary>Stops taking submissions and waits until every queued one has been integrated.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    sealed record Submission(PreparedLeaf Entry, TaskCompletionSource<SubmitResult> Result);
}
