using System.Diagnostics.CodeAnalysis;

namespace OutcomeLedger.Core.Evaluation.Statistics;

/// <summary>
/// The outcome of one statistical analysis: either a value, or an explicit "insufficient data" with its
/// <see cref="Statistics.Shortfall"/> (e.g. 7 monthly values after the intervention where 12 are needed), which the
/// text catalogue words in the reader's language. A series too short for an honest answer never yields a number.
/// Create with <see cref="AnalysisResult"/>.
/// </summary>
public sealed class AnalysisResult<T>
    where T : class
{
    readonly T? value;

    AnalysisResult(T? value, Shortfall? shortfall)
    {
        this.value = value;
        Shortfall = shortfall;
    }

    /// <summary>True when the analysis produced a value.</summary>
    [MemberNotNullWhen(true, nameof(ValueOrNull))]
    [MemberNotNullWhen(false, nameof(Shortfall))]
    public bool IsSufficient => value is not null;

    /// <summary>The value; throws when the data were insufficient (check <see cref="IsSufficient"/> first).</summary>
    public T Value => value ?? throw new InvalidOperationException($"No value: insufficient data ({Shortfall!.Code}).");

    /// <summary>The value, or null when the data were insufficient.</summary>
    public T? ValueOrNull => value;

    /// <summary>Why there is no value; null when <see cref="IsSufficient"/>.</summary>
    public Shortfall? Shortfall { get; }

    internal static AnalysisResult<T> Create(T value) => new(value, null);

    internal static AnalysisResult<T> CreateInsufficient(Shortfall shortfall) => new(null, shortfall);

    public bool TryGetValue([NotNullWhen(true)] out T? result)
    {
        result = value;
        return value is not null;
    }

    public override string ToString() => IsSufficient ? $"{value}" : $"insufficient data: {Shortfall}";
}
