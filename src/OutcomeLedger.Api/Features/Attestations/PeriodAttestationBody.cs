namespace OutcomeLedger.Api.Features.Attestations;

/// <summary>
/// The body of <c>POST /api/v1/attestations/by-period</c>: every current value of <c>indicator</c> from <c>from</c> to
/// <c>to</c> (periods as the records write them: 2026-01, 2026-Q1, 2026), only those whose dimensions include
/// <c>dimensions</c>, gets <c>verdict</c> (acknowledged, verified, verification-failed or disputed); a dispute states
/// its <c>figure</c> (a decimal, written as a string to stay exact) and <c>reason</c>.
/// </summary>
public sealed record PeriodAttestationBody
{
    /// <summary>The indicator (required).</summary>
    public string? Indicator { get; init; }

    /// <summary>The first period (required).</summary>
    public string? From { get; init; }

    /// <summary>The last period (required).</summary>
    public string? To { get; init; }

    /// <summary>Only values with these dimension values.</summary>
    public IReadOnlyDictionary<string, string>? Dimensions { get; init; }

    /// <summary>acknowledged, verified, verification-failed or disputed (required).</summary>
    public string? Verdict { get; init; }

    /// <summary>A dispute's own figure, as a decimal string.</summary>
    public string? Figure { get; init; }

    public string? Reason { get; init; }
}
