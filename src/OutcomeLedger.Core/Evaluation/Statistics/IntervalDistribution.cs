namespace OutcomeLedger.Core.Evaluation.Statistics;

/// <summary>The reference distribution for regression intervals and p-values.</summary>
public enum IntervalDistribution
{
    /// <summary>Student's t with n − k degrees of freedom (as Stata's <c>newey</c>; statsmodels with <c>use_t=True</c>).</summary>
    StudentT,

    /// <summary>Standard normal (statsmodels' default for HAC covariances).</summary>
    Normal,
}
