namespace OutcomeLedger.Core.Reports;

/// <summary>
/// What changed between two signed checkpoints of the log (<c>outcomes diff</c>, the pack's "what changed", the
/// dashboard's "since the last meeting"): the later checkpoint proven to extend the earlier one, every entry logged in
/// between, in log order, and the ratings that changed with the reason for each.
/// </summary>
public sealed record LedgerDiff
{
    public required DiffCheckpoint From { get; init; }

    public required DiffCheckpoint To { get; init; }

    /// <summary>The RFC 9162 consistency proof (base64 hashes) from <see cref="From"/> to <see cref="To"/>, checked against both signed roots.</summary>
    public required IReadOnlyList<string> ConsistencyProof { get; init; }

    public required IReadOnlyList<DiffChange> Changes { get; init; }

    /// <summary>Entries in between that change nothing listed here (parties, keys, acknowledgements…).</summary>
    public required int OtherEntries { get; init; }

    public required IReadOnlyList<DiffRatingChange> Ratings { get; init; }
}
