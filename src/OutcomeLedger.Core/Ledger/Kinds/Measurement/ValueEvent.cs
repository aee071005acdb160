using OutcomeLedger.Core.Transparency.Hashing;

namespace OutcomeLedger.Core.Ledger;

/// <summary>
/// One step of a value's history: what happened (<see cref="Kind"/>), by whom, with which figure and reason, in which
/// entry (<see cref="Index"/>, <see cref="LeafHash"/>), on which logged value (<see cref="Measurement"/>: the value
/// itself or one it corrected), and the disputes it ended (their entries).
/// </summary>
public sealed record ValueEvent(ValueEventKind Kind, PartyId Party, decimal? Figure, string? Reason, ulong Measurement, ulong Index, Hash LeafHash)
{
    /// <summary>The entries of the disputes this step ended (a withdrawal, an acknowledgement by the disputer, a resolution).</summary>
    public IReadOnlyList<ulong> Ends { get; init; } = [];
}
