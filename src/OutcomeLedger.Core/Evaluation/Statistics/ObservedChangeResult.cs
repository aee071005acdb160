namespace OutcomeLedger.Core.Evaluation.Statistics;

/// <summary>The observed change against the baseline (<see cref="ObservedChange.Compute"/>).</summary>
/// <param name="Method">How the change was computed.</param>
/// <param name="BaselineMean">
/// The stated baseline, the mean of the baseline values, or (<see cref="ObservedChangeMethod.SameMonths"/>) the mean of
/// the baseline values of the compared calendar months.
/// </param>
/// <param name="BaselineCount">The baseline values (0 for a stated baseline).</param>
/// <param name="ComparisonMean">The mean of the compared values.</param>
/// <param name="ComparisonCount">The compared values.</param>
/// <param name="Change">The change in the indicator's unit, with its interval.</param>
/// <param name="Percent">The change in percent of |baseline|.</param>
/// <param name="PercentLower">The interval's lower limit, in percent of |baseline|.</param>
/// <param name="PercentUpper">The interval's upper limit, in percent of |baseline|.</param>
/// <param name="DegreesOfFreedom">Student's t degrees of freedom of the interval.</param>
/// <param name="Confidence">The interval's confidence level.</param>
public sealed record ObservedChangeResult(
    ObservedChangeMethod Method,
    double BaselineMean,
    int BaselineCount,
    double ComparisonMean,
    int ComparisonCount,
    Estimate Change,
    double Percent,
    double PercentLower,
    double PercentUpper,
    double DegreesOfFreedom,
    double Confidence);
