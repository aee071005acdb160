using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Evaluation.Statistics;

/// <summary>
/// Why an analysis has no value (insufficient data), as a code and the numbers its sentence needs, so every language
/// states the same facts. The words are the text catalogue's (<c>OutcomeLedger.Core.Text</c>); the statistics never
/// write a sentence themselves. Create with the static methods, one per <see cref="ShortfallCode"/>.
/// </summary>
public sealed record Shortfall
{
    public required ShortfallCode Code { get; init; }

    /// <summary>The values present (for <see cref="ShortfallCode.TooFewSeasons"/>: the calendar months covered).</summary>
    public int? Have { get; init; }

    /// <summary>The values needed (for <see cref="ShortfallCode.TooFewSeasons"/>: the calendar months needed).</summary>
    public int? Needed { get; init; }

    /// <summary>The regression's coefficients.</summary>
    public int? Coefficients { get; init; }

    /// <summary>The Newey-West lag.</summary>
    public int? Lag { get; init; }

    /// <summary>The years of values a calendar month needs to count as covered.</summary>
    public int? Years { get; init; }

    /// <summary>The calendar month with the fewest values, 1 (January) to 12.</summary>
    public int? Month { get; init; }

    /// <summary>The values of <see cref="Month"/>.</summary>
    public int? Count { get; init; }

    /// <summary>The first month counted as after the intervention.</summary>
    public Period? Intervention { get; init; }

    /// <summary>The target's due date.</summary>
    public DateOnly? Due { get; init; }

    /// <summary>The baseline's date.</summary>
    public DateOnly? Baseline { get; init; }

    /// <summary>The months of a comparison window.</summary>
    public int? Window { get; init; }

    public Period? ComparisonFrom { get; init; }

    public Period? ComparisonTo { get; init; }

    public Period? BaselineFrom { get; init; }

    public Period? BaselineTo { get; init; }

    /// <summary>The shortfall behind this one (<see cref="ShortfallCode.NoBaselineValue"/>).</summary>
    public Shortfall? Inner { get; init; }

    public static Shortfall TooFewForTrendTest(int have, int needed) => new() { Code = ShortfallCode.TooFewForTrendTest, Have = have, Needed = needed };

    public static Shortfall TooFewForSensSlope(int have, int needed) => new() { Code = ShortfallCode.TooFewForSensSlope, Have = have, Needed = needed };

    /// <summary>
    /// <paramref name="covered"/> calendar months have at least <paramref name="years"/> values where
    /// <paramref name="needed"/> must; <paramref name="month"/> (1 to 12) has the fewest, <paramref name="count"/>.
    /// </summary>
    public static Shortfall TooFewSeasons(int covered, int years, int month, int count, int needed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        return new() { Code = ShortfallCode.TooFewSeasons, Have = covered, Years = years, Month = month, Count = count, Needed = needed };
    }

    public static Shortfall TooFewBaselineValues(int have, int needed) => new() { Code = ShortfallCode.TooFewBaselineValues, Have = have, Needed = needed };

    public static Shortfall TooFewComparisonValues(int have, int needed) => new() { Code = ShortfallCode.TooFewComparisonValues, Have = have, Needed = needed };

    public static Shortfall ZeroBaselineMean { get; } = new() { Code = ShortfallCode.ZeroBaselineMean };

    public static Shortfall DueNotAfterBaseline(DateOnly due, DateOnly baseline) => new() { Code = ShortfallCode.DueNotAfterBaseline, Due = due, Baseline = baseline };

    public static Shortfall TargetEqualsBaseline { get; } = new() { Code = ShortfallCode.TargetEqualsBaseline };

    public static Shortfall TooFewBeforeIntervention(int have, int needed, Period intervention) =>
        new() { Code = ShortfallCode.TooFewBeforeIntervention, Have = have, Needed = needed, Intervention = intervention };

    public static Shortfall TooFewAfterIntervention(int have, int needed, Period intervention) =>
        new() { Code = ShortfallCode.TooFewAfterIntervention, Have = have, Needed = needed, Intervention = intervention };

    public static Shortfall TooFewForCoefficients(int have, int coefficients, int needed) =>
        new() { Code = ShortfallCode.TooFewForCoefficients, Have = have, Coefficients = coefficients, Needed = needed };

    public static Shortfall TooFewForLag(int have, int lag) => new() { Code = ShortfallCode.TooFewForLag, Have = have, Lag = lag };

    public static Shortfall RankDeficient { get; } = new() { Code = ShortfallCode.RankDeficient };

    public static Shortfall NoCountedValues { get; } = new() { Code = ShortfallCode.NoCountedValues };

    public static Shortfall NoReferenceForChange { get; } = new() { Code = ShortfallCode.NoReferenceForChange };

    public static Shortfall ComparisonOverlapsBaseline(int window, Period comparisonFrom, Period comparisonTo, Period baselineFrom, Period baselineTo) => new()
    {
        Code = ShortfallCode.ComparisonOverlapsBaseline,
        Window = window,
        ComparisonFrom = comparisonFrom,
        ComparisonTo = comparisonTo,
        BaselineFrom = baselineFrom,
        BaselineTo = baselineTo,
    };

    public static Shortfall NoBaselineValue(Shortfall inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        return new() { Code = ShortfallCode.NoBaselineValue, Inner = inner };
    }
}
