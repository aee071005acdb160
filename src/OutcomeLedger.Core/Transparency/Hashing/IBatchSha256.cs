namespace OutcomeLedger.Core.Transparency.Hashing;

/// <summary>
/// Plain SHA-256 (FIPS 180-4) of many independent messages in one call, so that an implementation can hash them in
/// parallel SIMD lanes. The boundary between the log's mathematics and whichever maintained SHA-256 does the work.
/// </summary>
public interface IBatchSha256
{
    /// <summary>Which implementation this is, for diagnostics (e.g. "intel-ipsec-mb 1.3.0, AVX-512, 16 lanes").</summary>
    string Description { get; }

    /// <summary>
    /// Hashes the messages laid end to end in <paramref name="messages"/>, message <c>i</c> being
    /// <paramref name="lengths"/>[i] bytes long, into <paramref name="digests"/> (32 bytes each, in order).
    /// </summary>
    void HashMany(ReadOnlySpan<byte> messages, ReadOnlySpan<int> lengths, Span<byte> digests);

    /// <summary>Hashes messages of <paramref name="messageLength"/> bytes each, laid end to end.</summary>
    void HashMany(ReadOnlySpan<byte> messages, int messageLength, Span<byte> digests);
}
