namespace OutcomeLedger.Core.Ledger;

/// <summary>
/// A target by a date: an absolute value, or a relative change against the baseline (−0.25 = a 25% fall). The basis
/// says whether the parties agreed it or it is an illustrative assumption, which the scorecard shows.
/// </summary>
public sealed record Target(DateOnly By, TargetBasis Basis, decimal? Value = null, decimal? RelativeChange = null, string? Note = null);
