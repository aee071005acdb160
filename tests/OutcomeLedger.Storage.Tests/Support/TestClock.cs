namespace OutcomeLedger.Storage.Tests.Support;

/// <summary>
/// The log's clock in these tests: it says what its function says (or what it was last set to), so entries dated in a
/// test's own calendar are within the sequencer's allowed skew (<see cref="Core.Sequencing.LogTime.MaxSkew"/>).
/// </summary>
public sealed class TestClock : TimeProvider
{
    Func<DateTimeOffset> _now;

    public TestClock(DateTimeOffset now) => _now = () => now;

    public TestClock(Func<DateTimeOffset> now) => _now = now;

    public DateTimeOffset Now
    {
        get => _now();
        set => _now = () => value;
    }

    public override DateTimeOffset GetUtcNow() => _now();
}
