using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Sessions;

/// <summary>
/// One verdict on every current value of an indicator in a range of periods (optionally only those whose dimensions
/// include <see cref="Dimensions"/>), signed by <see cref="Author"/>: <c>outcomes attest --indicator X --from --to</c>
/// and <c>POST /api/v1/attestations/by-period</c>.
/// </summary>
public sealed record PeriodAttestationRequest
{
    public required IndicatorId Indicator { get; init; }

    public required Period From { get; init; }

    public required Period To { get; init; }

    /// <summary>Only values with these dimension values (each one must match); empty for all.</summary>
    public IReadOnlyDictionary<string, string> Dimensions { get; init; } = new Dictionary<string, string>();

    public required PartyId Author { get; init; }

    public required Verdict Verdict { get; init; }

    /// <summary>A dispute's own figure, stated for every value of the range.</summary>
    public decimal? Figure { get; init; }

    public string? Reason { get; init; }

    public IReadOnlyList<string> Evidence { get; init; } = [];
}
