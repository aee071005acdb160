namespace OutcomeLedger.Core.Ledger;

/// <summary>The baseline: the periods it covers and, if stated, its value (otherwise the mean of counted values in those periods).</summary>
public sealed record Baseline(Period From, Period To, decimal? Value = null);
