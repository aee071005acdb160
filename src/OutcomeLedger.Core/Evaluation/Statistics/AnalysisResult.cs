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

    /// <summary>No value: <paramref name="reason"/> says in plain words what is missing and what is needed.</summary>
    public static AnalysisResult<T> Insufficient<T>(string reason)
        where T : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return AnalysisResult<T>.CreateInsufficient(reason);
    }
}
