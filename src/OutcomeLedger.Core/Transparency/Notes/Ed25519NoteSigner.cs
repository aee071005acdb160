namespace OutcomeLedger.Core.Transparency.Notes;

/// <summary>Signs notes with Ed25519, type 0x01 (c2sp.org/signed-note). Does not own the private key.</summary>
public sealed class Ed25519NoteSigner : NoteSigner
{
    readonly Ed25519PrivateKey _key;

    public Ed25519NoteSigner(string name, Ed25519PrivateKey privateKey)
        : base(name, NoteKeyId.Compute(name, NoteKeyType.Ed25519, (privateKey ?? throw new ArgumentNullException(nameof(privateKey))).PublicKey))
    {
        _key = privateKey;
        Verifier = new Ed25519NoteVerifier(name, privateKey.PublicKey);
    }

    public override NoteVerifier Verifier { get; }

    public override byte[] Sign(ReadOnlySpan<byte> text) => _key.Sign(text);
}
