using OutcomeLedger.Core.Entries;

namespace OutcomeLedger.Core.Ledger;

/// <summary>
/// An entry opened (envelope, canonical payload, schema) and, when its key was known, its signature verified ahead of
/// the ordered checks (see <see cref="LedgerState.Prepare"/>). Holds why it could not be opened otherwise.
/// </summary>
public sealed class PreparedEntry
{
    byte[]? _verifiedWith;
    bool _verifies;

    PreparedEntry(DsseEnvelope? envelope, LedgerRecord? record, string? error)
    {
        Envelope = envelope;
        Record = record;
        Error = error;
    }

    public DsseEnvelope? Envelope { get; }

    public LedgerRecord? Record { get; }

    /// <summary>Why the entry could not be opened, or null.</summary>
    public string? Error { get; }

    internal static PreparedEntry Open(ReadOnlySpan<byte> leaf) =>
        EntryCodec.TryOpen(leaf, out var envelope, out var record, out var error) ? new(envelope, record, null) : new(null, null, error);

    internal void Verified(byte[] publicKey, bool verifies)
    {
        _verifiedWith = publicKey;
        _verifies = verifies;
    }

    /// <summary>Whether the one signature verifies with <paramref name="publicKey"/>: from the check done ahead if it used this key.</summary>
    internal bool SignatureVerifies(byte[] publicKey) =>
        _verifiedWith is not null && _verifiedWith.AsSpan().SequenceEqual(publicKey)
            ? _verifies
            : EntryCodec.VerifySignature(Envelope!, Envelope!.Signatures[0], publicKey);
}
