namespace OutcomeLedger.Core.Evaluation.Statistics;

/// <summary>Creates <see cref="AnalysisResult{T}"/> values.</summary>
public static class AnalysisResult
{
    public static AnalysisResult<T> Of<T>(T value)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(value);
        return AnalysisResult<T>.Create(value);
    }

    /// <summary>No value: <paramref name="shortfall"/> says what is missing and what is needed.</summary>
    public static AnalysisResult<T> Insufficient<T>(Shortfall shortfall)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(shortfall);
        return AnalysisResult<T>.CreateInsufficient(shortfall);
    }
}
