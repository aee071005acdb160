using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Scorecards;

/// <summary>
/// One value's revisions (an indicator, a period, a combination of dimension values): every figure its reporter logged
/// for it, the first first, each correction after the one it superseded. Drawn by <see cref="ScorecardChart.WriteRevisions"/>.
/// </summary>
public sealed record ValueRevisions(
    IndicatorId Indicator,
    string IndicatorName,
    string Unit,
    Period Period,
    IReadOnlyDictionary<string, string> Dimensions,
    IReadOnlyList<ValueRevision> Revisions)
{
    /// <summary>The most revisions one value is shown with: a value is revised a few times, never thousands.</summary>
    public const int MaxRevisions = 200;
}

/// <summary>
/// One figure logged for a value: its entry, reporter, the source's release (when the import named it) and when it was
/// recorded, whether it was provisional, the entry it corrected and the reason the correction gave (its note).
/// </summary>
public sealed record ValueRevision(
    ulong Entry,
    decimal Figure,
    PartyId Reporter,
    DateOnly? Release,
    DateTimeOffset RecordedAt,
    bool Provisional,
    ulong? Supersedes,
    string? Reason,
    bool Current)
{
    /// <summary>The date a reader knows the figure by: the source's release, else the day it was recorded.</summary>
    public DateOnly Date => Release ?? DateOnly.FromDateTime(RecordedAt.UtcDateTime);
}
