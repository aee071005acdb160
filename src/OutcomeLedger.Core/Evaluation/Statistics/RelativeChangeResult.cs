namespace OutcomeLedger.Core.Evaluation.Statistics;

/// <summary>The change of a comparison mean against a baseline mean.</summary>
/// <param name="BaselineMean">Mean of the baseline periods.</param>
/// <param name="BaselineCount">Number of baseline periods.</param>
/// <param name="ComparisonMean">Mean of the comparison periods.</param>
/// <param name="ComparisonCount">Number of comparison periods.</param>
/// <param name="AbsoluteChange">ComparisonMean − BaselineMean.</param>
/// <param name="Relative">AbsoluteChange / |BaselineMean| (−0.25 is a 25 % fall).</param>
public sealed record RelativeChangeResult(
    double BaselineMean,
    int BaselineCount,
    double ComparisonMean,
    int ComparisonCount,
    double AbsoluteChange,
    double Relative)
{
    public double Percent => Relative * 100;
}
