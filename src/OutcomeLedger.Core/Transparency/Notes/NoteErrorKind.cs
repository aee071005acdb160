namespace OutcomeLedger.Core.Transparency.Notes;

/// <summary>What kind of rule a signed note, key or checkpoint broke.</summary>
public enum NoteErrorKind
{
    /// <summary>The note's bytes break the c2sp.org/signed-note format.</summary>
    MalformedNote,

    /// <summary>The note is larger than <see cref="SignedNote.MaxSize"/>.</summary>
    TooLarge,

    /// <summary>The note has more than <see cref="SignedNote.MaxSignatures"/> signature lines.</summary>
    TooManySignatures,

    /// <summary>A verifier or signer key string is malformed.</summary>
    MalformedKey,

    /// <summary>A key's signature type byte is not one we implement (0x01 Ed25519, 0x04 cosignature/v1).</summary>
    UnknownKeyType,

    /// <summary>A key's stated key ID is not the one computed from its name, type and public key.</summary>
    KeyIdMismatch,

    /// <summary>A signature by a known key does not verify.</summary>
    InvalidSignature,

    /// <summary>No signature by a known (or the required) key verifies.</summary>
    NoVerifiedSignature,

    /// <summary>The note text breaks the c2sp.org/tlog-checkpoint format.</summary>
    MalformedCheckpoint,
}
