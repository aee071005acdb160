namespace OutcomeLedger.Core.Ledger;

/// <summary>The rules the evaluation applies: which verification states count, what "significant" means, how much data is enough.</summary>
public sealed record EvaluationPolicy
{
    /// <summary>Verdict states whose values count toward MET (e.g. acknowledged, verified, resolved).</summary>
    public IReadOnlyList<string> CountsTowardMet { get; init; } = ["acknowledged", "verified", "resolved"];

    /// <summary>Verdict states whose values count toward the other ratings (self-reported included by default).</summary>
    public IReadOnlyList<string> CountsTowardTrend { get; init; } = ["self-reported", "acknowledged", "verified", "resolved"];

    /// <summary>Share of counted values that must be acknowledged or verified for a rating other than UNVERIFIABLE.</summary>
    public decimal MinVerifiedShare { get; init; } = 0.5m;

    /// <summary>A change smaller than this fraction of the baseline is "incremental", not significant.</summary>
    public decimal SignificantChange { get; init; } = 0.10m;

    /// <summary>Monthly values needed before and after the commitment for a trend analysis.</summary>
    public int MinPeriodsBefore { get; init; } = 12;

    public int MinPeriodsAfter { get; init; } = 6;

    public decimal ConfidenceLevel { get; init; } = 0.95m;

    /// <summary>How indicator ratings roll up to the commitment: "worst" (the default) or "all-met".</summary>
    public string Rollup { get; init; } = "worst";

    /// <summary>
    /// The verifiers who may decide a dispute (a resolution by anyone else needs both sides of the dispute to state the
    /// same figure). Null, and then omitted from the record, when the policy names none: any registered verifier may.
    /// </summary>
    public IReadOnlyList<PartyId>? DisputeResolvers { get; init; }

    /// <summary>
    /// Statements the agreement marks as resetting expectations (a later joint statement that restates what is owed).
    /// A commitment that cites one of them, dated after the commitment and no later than the evaluation's "as of" date,
    /// is assessed from the latest such statement instead of from the commitment's date. Null, and then omitted from
    /// the record, when the policy marks none: every assessment starts at its commitment.
    /// </summary>
    public IReadOnlyList<StatementId>? ResetStatements { get; init; }

    /// <summary>
    /// The verifiers whose checks count (their "verified" or "verification failed" on a value). Null, and then omitted
    /// from the record, when the policy names none: every registered verifier's check counts.
    /// </summary>
    public IReadOnlyList<PartyId>? Verifiers { get; init; }

    /// <summary>
    /// Whether scorecards carry data notes (outliers, a running total that fell, gaps: prompts to check the source). Null,
    /// and then omitted from the record, in a policy that does not name them, as every policy logged before data notes
    /// existed: its scorecards carry none, so what was published under it does not change. Without any logged policy,
    /// scorecards carry them.
    /// </summary>
    public bool? DataNotes { get; init; }

    /// <summary>Whether a check by <paramref name="verifier"/> counts under this policy.</summary>
    public bool CountsVerifier(PartyId verifier) => Verifiers is null || Verifiers.Contains(verifier);

    /// <summary>Whether <paramref name="verifier"/> may decide a dispute under this policy.</summary>
    public bool MayResolveDisputes(PartyId verifier) => DisputeResolvers is null || DisputeResolvers.Contains(verifier);
}
