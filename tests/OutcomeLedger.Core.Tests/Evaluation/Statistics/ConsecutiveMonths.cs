using OutcomeLedger.Core.Evaluation.Statistics;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Tests.Evaluation.Statistics;

/// <summary>Test series without gaps: one value a month from a first month.</summary>
internal static class ConsecutiveMonths
{
    public static MonthlySeries From(Period start, IEnumerable<double> values) =>
        MonthlySeries.Create(values.Select((v, i) => new MonthlyObservation(start.AddMonths(i), v)));
}
