using System.Collections.Concurrent;

namespace OutcomeLedger.Api.Submissions;

/// <summary>
/// The entries this server has handed to the sequencer and not yet seen answered, and since when: how /readyz tells a
/// sequencer that keeps up (entries answered within a batch or two) from one that does not.
/// </summary>
internal sealed class SubmissionBacklog(TimeProvider time)
{
    readonly ConcurrentDictionary<long, long> _since = new();
    long _next;

    /// <summary>Counts one entry as waiting until the returned scope is disposed.</summary>
    public Waiting Enter()
    {
        var id = Interlocked.Increment(ref _next);
        _since[id] = time.GetTimestamp();
        return new Waiting(this, id);
    }

    /// <summary>How many entries wait now, and how long the oldest of them has waited (zero when none does).</summary>
    public (int Count, TimeSpan OldestWait) Measure()
    {
        var now = time.GetTimestamp();
        var count = 0;
        var oldest = TimeSpan.Zero;
        foreach (var since in _since.Values)
        {
            count++;
            var waited = time.GetElapsedTime(since, now);
            if (waited > oldest)
            {
                oldest = waited;
            }
        }

        return (count, oldest);
    }

    /// <summary>One waiting entry; disposing it means it was answered (or its submitter gave up).</summary>
    public readonly struct Waiting(SubmissionBacklog backlog, long id) : IDisposable
    {
        public void Dispose() => backlog._since.TryRemove(id, out _);
    }
}
