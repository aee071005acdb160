namespace OutcomeLedger.Core.Evaluation.Statistics;

/// <summary>
/// The straight line from the baseline value at the baseline date to the target value at the due date.
/// Works in either direction (a target below the baseline is a fall).
/// </summary>
public sealed class TargetPath
{
    TargetPath(DateOnly baselineDate, double baselineValue, DateOnly dueDate, double targetValue)
    {
        BaselineDate = baselineDate;
        BaselineValue = baselineValue;
        DueDate = dueDate;
        TargetValue = targetValue;
    }

    public DateOnly BaselineDate { get; }

    public double BaselineValue { get; }

    public DateOnly DueDate { get; }

    public double TargetValue { get; }

    /// <summary>
    /// The path, or insufficient when it has no length in time or in value (the due date is not after the
    /// baseline date, or the target equals the baseline).
    /// </summary>
    public static AnalysisResult<TargetPath> Create(DateOnly baselineDate, double baselineValue, DateOnly dueDate, double targetValue)
    {
        if (!double.IsFinite(baselineValue) || !double.IsFinite(targetValue))
        {
            throw new ArgumentException("Baseline and target must be finite numbers.");
        }

        if (dueDate <= baselineDate)
        {
            return AnalysisResult.Insufficient<TargetPath>(Shortfall.DueNotAfterBaseline(dueDate, baselineDate));
        }

        if (targetValue == baselineValue)
        {
            return AnalysisResult.Insufficient<TargetPath>(Shortfall.TargetEqualsBaseline);
        }

        return AnalysisResult.Of(new TargetPath(baselineDate, baselineValue, dueDate, targetValue));
    }

    /// <summary>Share of the period elapsed at <paramref name="date"/>, clamped to [0, 1].</summary>
    public double FractionOfTimeElapsed(DateOnly date)
    {
        var fraction = (date.DayNumber - BaselineDate.DayNumber) / (double)(DueDate.DayNumber - BaselineDate.DayNumber);
        return Math.Clamp(fraction, 0, 1);
    }

    /// <summary>The value the path expects at <paramref name="date"/>.</summary>
    public double ExpectedAt(DateOnly date) => BaselineValue + ((TargetValue - BaselineValue) * FractionOfTimeElapsed(date));

    /// <summary>Where <paramref name="value"/>, observed at <paramref name="date"/>, stands on the path.</summary>
    public TargetPathPosition Locate(DateOnly date, double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "The value must be a finite number.");
        }

        var expected = ExpectedAt(date);
        return new TargetPathPosition(
            date,
            value,
            expected,
            value - expected,
            (value - BaselineValue) / (TargetValue - BaselineValue),
            FractionOfTimeElapsed(date));
    }
}
