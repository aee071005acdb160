namespace OutcomeLedger.Core.Ledger;

/// <summary>What happened to a value, in the order of the log: the steps of its history.</summary>
public enum ValueEventKind
{
    /// <summary>The reporter logged the value.</summary>
    Reported,

    /// <summary>The reporter logged a correction that supersedes the value before it.</summary>
    Corrected,

    /// <summary>Someone other than the reporter acknowledged it (and, if it was the disputer, ended its dispute).</summary>
    Acknowledged,

    /// <summary>Someone other than the reporter disputed it with a figure of its own.</summary>
    Disputed,

    /// <summary>The disputer withdrew its dispute.</summary>
    Withdrawn,

    /// <summary>An independent verifier verified it.</summary>
    Verified,

    /// <summary>An independent verifier could not verify it.</summary>
    VerificationFailed,

    /// <summary>One side of a dispute proposed the figure that should stand; the other has not agreed yet.</summary>
    ResolutionProposed,

    /// <summary>A dispute ended with a figure that stands: agreed by both sides, or decided by a verifier.</summary>
    Resolved,
}
