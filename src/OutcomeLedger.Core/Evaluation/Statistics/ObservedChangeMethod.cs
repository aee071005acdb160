namespace OutcomeLedger.Core.Evaluation.Statistics;

/// <summary>How the observed change against the baseline was computed (<see cref="ObservedChange.Compute"/>).</summary>
public enum ObservedChangeMethod
{
    /// <summary>The compared values against the stated baseline value.</summary>
    StatedBaseline,

    /// <summary>Each compared value against the baseline value of the same calendar month.</summary>
    SameMonths,

    /// <summary>The mean of the compared values against the mean of the baseline values.</summary>
    DifferenceOfMeans,
}
