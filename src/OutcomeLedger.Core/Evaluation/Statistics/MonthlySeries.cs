using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Evaluation.Statistics;

/// <summary>
/// A monthly series in time order, one finite value per month. Months may be missing (gaps); the time
/// axis counts calendar months from the first value, so a gap keeps its width.
/// </summary>
public sealed class MonthlySeries
{
    readonly MonthlyObservation[] observations;

    MonthlySeries(MonthlyObservation[] observations) => this.observations = observations;

    /// <summary>Builds a series; throws for a period that is not a month, duplicate months or non-finite values (validate untrusted input first).</summary>
    public static MonthlySeries Create(IEnumerable<MonthlyObservation> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var sorted = observations.OrderBy(o => o.Month).ToArray();
        for (var i = 0; i < sorted.Length; i++)
        {
            if (sorted[i].Month.Type != PeriodType.Month)
            {
                throw new ArgumentException($"{sorted[i].Month} is not a month.", nameof(observations));
            }

            if (!double.IsFinite(sorted[i].Value))
            {
                throw new ArgumentException($"The value for {sorted[i].Month} is not a finite number.", nameof(observations));
            }

            if (i > 0 && sorted[i].Month == sorted[i - 1].Month)
            {
                throw new ArgumentException($"The month {sorted[i].Month} appears more than once.", nameof(observations));
            }
        }

        return new MonthlySeries(sorted);
    }

    public IReadOnlyList<MonthlyObservation> Observations => observations;

    public int Count => observations.Length;

    public Period First => observations.Length > 0 ? observations[0].Month : throw new InvalidOperationException("The series is empty.");

    public Period Last => observations.Length > 0 ? observations[^1].Month : throw new InvalidOperationException("The series is empty.");

    /// <summary>The values in time order.</summary>
    public double[] Values() => [.. observations.Select(o => o.Value)];

    /// <summary>Months since the first value (0, 1, 2, ... with gaps kept).</summary>
    public double[] Times()
    {
        if (observations.Length == 0)
        {
            return [];
        }

        var origin = observations[0].Month;
        return [.. observations.Select(o => (double)o.Month.MonthsSince(origin))];
    }

    /// <summary>The observations in the inclusive month range.</summary>
    public IEnumerable<MonthlyObservation> Between(Period from, Period to) =>
        observations.Where(o => o.Month >= from && o.Month <= to);
}
