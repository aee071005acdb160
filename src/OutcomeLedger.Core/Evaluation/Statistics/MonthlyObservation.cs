using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Evaluation.Statistics;

/// <summary>One value of a monthly series: <paramref name="Month"/> is a monthly <see cref="Period"/>.</summary>
public readonly record struct MonthlyObservation(Period Month, double Value);
