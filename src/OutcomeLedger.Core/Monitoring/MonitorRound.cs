namespace OutcomeLedger.Core.Monitoring;

/// <summary>
/// One round of <c>LogMonitor.Check</c>: the verified checkpoint and the new state with every new entry, or the
/// failure (the state then stays as it was; <see cref="Checkpoint"/> is the evidence, when one was read).
/// </summary>
public sealed record MonitorRound(
    MonitorState? State,
    byte[]? Checkpoint,
    ulong? PreviousSize,
    IReadOnlyList<MonitoredEntry> NewEntries,
    MonitorFailure? Failure,
    string? Message)
{
    /// <summary>What each peer saw, compared with the verified tree (empty without peers or when the round failed first).</summary>
    public IReadOnlyList<PeerView> Peers { get; init; } = [];

    public bool Succeeded => Failure is null;

    internal static MonitorRound Failed(MonitorFailure failure, string message, byte[]? checkpoint, ulong? previousSize) =>
        new(null, checkpoint, previousSize, [], failure, message);
}
