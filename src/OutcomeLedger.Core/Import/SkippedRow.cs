using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Import;

/// <summary>
/// A selected source row that carries no value, for a reason the publisher gave (e.g. CDC withholds values of
/// low data quality) or one the importer found (a running total that fell). Skipped rows are not errors, but callers
/// should show them: a gap is not a zero. <see cref="Code"/>, when set, names the importer's reason so it can be said
/// in the reader's language with <see cref="Values"/>; <see cref="Reason"/> is its English form (or the publisher's).
/// </summary>
public sealed record SkippedRow(string File, int Line, Period Period, string Reason)
{
    public SkipCode? Code { get; init; }

    public IReadOnlyDictionary<string, string> Values { get; init; } = new Dictionary<string, string>();
}

/// <summary>Why an importer itself left a row without a value.</summary>
public enum SkipCode
{
    /// <summary>A running total below the previous month's: {from}, {fromDate}, {to}, {toDate}.</summary>
    CumulativeFell,

    /// <summary>The first figure of a running total: what it holds spans the months since the total's start.</summary>
    CumulativeFirst,

    /// <summary>A running total whose previous month has no figure: {previous} (the last month with one).</summary>
    CumulativeGap,
}
