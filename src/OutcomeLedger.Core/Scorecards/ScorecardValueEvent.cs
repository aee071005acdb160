using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Scorecards;

/// <summary>
/// One step of a value's history (reported, corrected, acknowledged, disputed, withdrawn, verified, resolved…): who,
/// with which figure and reason, on which logged value (<see cref="Value"/>: this one or one it corrected), in which
/// entry, and which disputes it ended.
/// </summary>
public sealed record ScorecardValueEvent
{
    public required ValueEventKind Event { get; init; }

    public required string Party { get; init; }

    public decimal? Figure { get; init; }

    public string? Reason { get; init; }

    /// <summary>The log index of the value the step is about: the point's own entry or an earlier value it corrected.</summary>
    public required ulong Value { get; init; }

    public required EntryRef Entry { get; init; }

    /// <summary>The log indexes of the disputes this step ended; absent when it ended none.</summary>
    public IReadOnlyList<ulong>? Ends { get; init; }

    public static ScorecardValueEvent Of(ValueEvent step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return new()
        {
            Event = step.Kind,
            Party = step.Party.Value,
            Figure = step.Figure,
            Reason = step.Reason,
            Value = step.Measurement,
            Entry = new EntryRef(step.Index, step.LeafHash.ToHex()),
            Ends = step.Ends.Count > 0 ? step.Ends : null,
        };
    }
}
