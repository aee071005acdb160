namespace OutcomeLedger.Storage.CrashHost;

/// <summary>A clock that says what its function says: the log's clock of a history dated in its own calendar.</summary>
internal sealed class FollowingClock(Func<DateTimeOffset> now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now();
}
