namespace OutcomeLedger.Core.Transparency.Notes;

/// <summary>Ed25519 note signatures, type 0x01: an RFC 8032 signature over the note text (c2sp.org/signed-note).</summary>
public sealed class Ed25519NoteVerifier : NoteVerifier
{
    public Ed25519NoteVerifier(string name, Ed25519PublicKey publicKey)
        : base(name, NoteKeyId.Compute(name, NoteKeyType.Ed25519, publicKey)) =>
        PublicKey = publicKey;

    public Ed25519PublicKey PublicKey { get; }

    public override bool Verify(ReadOnlySpan<byte> text, ReadOnlySpan<byte> signature) => PublicKey.Verify(text, signature);
}
