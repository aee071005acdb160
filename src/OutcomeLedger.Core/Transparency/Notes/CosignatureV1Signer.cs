namespace OutcomeLedger.Core.Transparency.Notes;

/// <summary>
/// Signs checkpoints as a witness, type 0x04 (c2sp.org/tlog-cosignature), stamping the time from a
/// <see cref="TimeProvider"/>. Does not own the private key.
/// </summary>
public sealed class CosignatureV1Signer : NoteSigner
{
    readonly Ed25519PrivateKey _key;
    readonly TimeProvider _time;

    public CosignatureV1Signer(string name, Ed25519PrivateKey privateKey, TimeProvider time)
        : base(name, NoteKeyId.Compute(name, NoteKeyType.CosignatureV1, (privateKey ?? throw new ArgumentNullException(nameof(privateKey))).PublicKey))
    {
        ArgumentNullException.ThrowIfNull(time);
        _key = privateKey;
        _time = time;
        Verifier = new CosignatureV1Verifier(name, privateKey.PublicKey);
    }

    public override NoteVerifier Verifier { get; }

    /// <summary>Cosigns <paramref name="text"/> (a checkpoint body) at the current time, in whole seconds.</summary>
    public override byte[] Sign(ReadOnlySpan<byte> text)
    {
        var seconds = _time.GetUtcNow().ToUnixTimeSeconds();
        ArgumentOutOfRangeException.ThrowIfNegative(seconds);
        return CosignatureV1.Sign(_key, text, (ulong)seconds);
    }
}
