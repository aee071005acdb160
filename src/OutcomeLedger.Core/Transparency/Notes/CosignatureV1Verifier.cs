namespace OutcomeLedger.Core.Transparency.Notes;

/// <summary>
/// Witness cosignatures, type 0x04: timestamp || Ed25519 over "cosignature/v1\ntime &lt;t&gt;\n" + checkpoint body
/// (c2sp.org/tlog-cosignature). Used in a <see cref="NoteVerifierSet"/> it verifies cosigned checkpoints as notes.
/// </summary>
public sealed class CosignatureV1Verifier : NoteVerifier
{
    public CosignatureV1Verifier(string name, Ed25519PublicKey publicKey)
        : base(name, NoteKeyId.Compute(name, NoteKeyType.CosignatureV1, publicKey)) =>
        PublicKey = publicKey;

    public Ed25519PublicKey PublicKey { get; }

    public override bool Verify(ReadOnlySpan<byte> text, ReadOnlySpan<byte> signature) =>
        CosignatureV1.TryReadTimestamp(signature, out var timestamp) && CosignatureV1.Verify(PublicKey, text, timestamp, signature[8..]);
}
