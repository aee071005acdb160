namespace OutcomeLedger.Core.Transparency.Notes;

/// <summary>A checkpoint whose note was verified: signed by its log and possibly cosigned by witnesses.</summary>
public sealed class SignedCheckpoint
{
    internal SignedCheckpoint(Checkpoint checkpoint, VerifiedNote note)
    {
        Checkpoint = checkpoint;
        Note = note;
    }

    public Checkpoint Checkpoint { get; }

    /// <summary>The verified note: which known keys signed, and which unknown signatures were ignored.</summary>
    public VerifiedNote Note { get; }
}
