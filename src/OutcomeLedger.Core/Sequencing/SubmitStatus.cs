namespace OutcomeLedger.Core.Sequencing;

/// <summary>What became of a submitted entry.</summary>
public enum SubmitStatus
{
    /// <summary>Logged now, at <see cref="SubmitResult.Index"/>.</summary>
    Accepted,

    /// <summary>The identical entry was already logged, at <see cref="SubmitResult.Index"/>; nothing was added.</summary>
    Duplicate,

    /// <summary>Refused; nothing was written. <see cref="SubmitResult.Errors"/> names every problem.</summary>
    Rejected,
}
