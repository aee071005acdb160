namespace OutcomeLedger.Core.Evaluation.Statistics;

/// <summary>One value of a monthly series.</summary>
public readonly record struct MonthlyObservation(YearMonth Month, double Value);
