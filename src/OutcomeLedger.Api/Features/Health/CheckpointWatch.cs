namespace OutcomeLedger.Api.Features.Health;

/// <summary>
/// Since when this server has seen the log's latest checkpoint at its size. A checkpoint carries no time of its own
/// (c2sp.org/tlog-checkpoint), so its age is measured from when a size was first seen here, or from the server's start.
/// </summary>
internal sealed class CheckpointWatch(TimeProvider time)
{
    readonly Lock _lock = new();
    readonly long _started = time.GetTimestamp();
    ulong? _size;
    long _since;

    /// <summary>Records the latest size and returns how long it has stood.</summary>
    public TimeSpan Observe(ulong size)
    {
        lock (_lock)
        {
            var now = time.GetTimestamp();
            if (_size != size)
            {
                // The first size seen may have stood since before this server started: count from the start.
                _since = _size is null ? _started : now;
                _size = size;
            }

            return time.GetElapsedTime(_since, now);
        }
    }
}
