using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Sessions;

/// <summary>
/// One verdict on chosen values of one indicator, by their entries, signed by <see cref="Author"/>: the dashboard's
/// review queue, which acknowledges or disputes a group or the rows a party ticked. All or nothing.
/// </summary>
public sealed record ValueAttestationRequest
{
    /// <summary>The measurements' entries (each once; all of one indicator, each its current value).</summary>
    public required IReadOnlyList<ulong> Measurements { get; init; }

    public required PartyId Author { get; init; }

    public required Verdict Verdict { get; init; }

    /// <summary>A dispute's own figure, stated for every value chosen.</summary>
    public decimal? Figure { get; init; }

    public string? Reason { get; init; }
}
