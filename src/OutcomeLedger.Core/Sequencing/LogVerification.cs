namespace OutcomeLedger.Core.Sequencing;

/// <summary>The outcome of re-checking a stored log: what was checked and the first thing that did not match.</summary>
public sealed record LogVerification(ulong Entries, int Tiles, int Checkpoints, string? FirstFailure)
{
    public bool IsValid => FirstFailure is null;

    /// <summary>The projection rows found equal to what a replay of the log gives.</summary>
    public int ProjectionRows { get; init; }
}
