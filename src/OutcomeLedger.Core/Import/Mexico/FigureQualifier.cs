namespace OutcomeLedger.Core.Import.Mexico;

/// <summary>How the source qualified a figure: "more than 3,000,000 pills" is a lower bound, not a count.</summary>
public enum FigureQualifier
{
    /// <summary>Stated as a plain figure.</summary>
    Exact,

    /// <summary>"more than": a lower bound.</summary>
    MoreThan,

    /// <summary>"about": an approximation.</summary>
    About,
}
