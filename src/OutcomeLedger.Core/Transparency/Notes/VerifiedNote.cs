namespace OutcomeLedger.Core.Transparency.Notes;

/// <summary>A note whose text may be trusted: at least one known key signed it and no known key's signature failed.</summary>
public sealed class VerifiedNote
{
    readonly IReadOnlyList<NoteVerifier> _verifiers;

    internal VerifiedNote(SignedNote note, IReadOnlyList<NoteSignature> verified, IReadOnlyList<NoteVerifier> verifiers, IReadOnlyList<NoteSignature> unverified)
    {
        Note = note;
        Verified = verified;
        _verifiers = verifiers;
        Unverified = unverified;
    }

    public SignedNote Note { get; }

    public string Text => Note.Text;

    /// <summary>Signatures by known keys, each verified (the first per key; later repeats are ignored, as in Go).</summary>
    public IReadOnlyList<NoteSignature> Verified { get; }

    /// <summary>Signatures by unknown keys, ignored as the spec requires (identical repeats dropped).</summary>
    public IReadOnlyList<NoteSignature> Unverified { get; }

    /// <summary>Whether <paramref name="verifier"/> (the same instance that was in the verifier set) verified a signature.</summary>
    public bool IsSignedBy(NoteVerifier verifier)
    {
        ArgumentNullException.ThrowIfNull(verifier);
        foreach (var used in _verifiers)
        {
            if (ReferenceEquals(used, verifier))
            {
                return true;
            }
        }

        return false;
    }
}
