namespace OutcomeLedger.Core.Ledger;

/// <summary>
/// A party's or verifier's verdict on a measurement (by log index). A dispute carries the attester's own figure and
/// reason; a resolution says which figure stands.
/// </summary>
public sealed record AttestationRecord : LedgerRecord
{
    public required ulong Measurement { get; init; }

    public required Verdict Verdict { get; init; }

    /// <summary>The attester's own figure (disputes), or the figure that stands (resolutions).</summary>
    public decimal? Figure { get; init; }

    public string? Reason { get; init; }

    public IReadOnlyList<string> Evidence { get; init; } = [];

    [System.Text.Json.Serialization.JsonIgnore]
    public override string Kind => "attestation";
}
