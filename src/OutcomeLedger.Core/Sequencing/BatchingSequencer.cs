using System.Threading.Channels;

namespace OutcomeLedger.Core.Sequencing;

/// <summary>
/// The short queue in front of the sequencer: concurrent submissions of single entries are collected into batches of
/// up to <see cref="MaxBatch"/> and integrated one batch at a time, so one transaction and one signed checkpoint
/// serve thousands of submitters. Each submitter prepares its own entry (hash, parse, signature) before queuing it,
/// so that work runs on all cores while the sequencer checks and commits the batch before: the batch is a pipeline
/// of two stages, and only the ordered checks and the commit are sequential. Each submission completes only after its batch committed, with its own result;
/// if a batch fails to commit, every submission in it fails with that error and nothing of it is logged.
/// </summary>
public sealed class BatchingSequencer : IAsyncDisposable
{
    readonly Sequencer _sequencer;
    readonly Channel<Submission> _queue = Channel.CreateUnbounded<Submission>(new UnboundedChannelOptions { SingleReader = true });
    readonly Task _loop;

    public BatchingSequencer(Sequencer sequencer, int maxBatch = 4096)
    {
        ArgumentNullException.ThrowIfNull(sequencer);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        _sequencer = sequencer;
        MaxBatch = maxBatch;
        _loop = Task.Run(RunAsync);
    }

    public int MaxBatch { get; }

    /// <summary>Queues one entry; the task completes once its batch committed (or fails if the batch could not be written).</summary>
    public Task<SubmitResult> SubmitAsync(byte[] entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var submission = new Submission(_sequencer.Prepare(entry), new TaskCompletionSource<SubmitResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(submission), this);

        // Cancelling stops the wait, not the entry: once queued it is integrated like any other.
        return submission.Result.Task.WaitAsync(cancellationToken);
    }

    async Task RunAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<Submission>(MaxBatch);
        while (await reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && reader.TryRead(out var submission))
            {
                batch.Add(submission);
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
                foreach (var submission in batch)
                {
                    submission.Result.SetException(e);
                }
            }
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
