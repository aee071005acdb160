using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Scorecards;

/// <summary>An attestation on a value: a dispute carries the attester's own figure, a resolution the figure that stands.</summary>
public sealed record ScorecardAttestation
{
    public required Verdict Verdict { get; init; }

    public required string Party { get; init; }

    public decimal? Figure { get; init; }

    public string? Reason { get; init; }

    public required EntryRef Entry { get; init; }
}
