using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Scorecards;

/// <summary>
/// Where a commitment's assessment window starts: its own date, or the date of a later statement it cites that the
/// agreement's policy marks as resetting expectations (<see cref="EvaluationPolicy.ResetStatements"/>).
/// </summary>
internal readonly record struct AssessmentStart(DateOnly Date, StatementId? Statement)
{
    /// <summary>
    /// The start for <paramref name="commitment"/>: the latest statement it cites that the policy marks as resetting
    /// expectations, dated after the commitment and no later than <paramref name="asOf"/>; else the commitment's date.
    /// </summary>
    public static AssessmentStart Of(CommitmentRecord commitment, EvaluationPolicy policy, LedgerState state, DateOnly asOf)
    {
        var resets = policy.ResetStatements ?? [];
        var latest = commitment.Statements
            .Where(resets.Contains)
            .Select(state.FindStatement)
            .OfType<Logged<StatementRecord>>()
            .Where(s => s.Record.Date > commitment.MadeOn && s.Record.Date <= asOf)
            .OrderBy(s => s.Record.Date)
            .ThenBy(s => s.Index)
            .LastOrDefault();
        return latest is null ? new(commitment.MadeOn, null) : new(latest.Record.Date, latest.Record.Id);
    }
}
