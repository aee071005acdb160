using OutcomeLedger.Core.Transparency.Hashing;

namespace OutcomeLedger.Hashing.IpsecMb;

/// <summary>
/// The automatic choice, made when it pays: batches of fewer than <see cref="LoadAt"/> messages (a command that reads a
/// few entries) are hashed by .NET's SHA-256 without loading the native library; the first larger batch (a replay, an
/// import, tile verification) loads intel-ipsec-mb once, and from then on every batch goes to the faster of the two
/// that is usable. Asking for the <see cref="Description"/> makes the choice too. The digests are the same either way.
/// </summary>
internal sealed class DeferredMultiBuffer(string note) : IBatchSha256
{
    /// <summary>The smallest batch worth loading the native library for: several times its widest SIMD lanes (16).</summary>
    public const int LoadAt = 64;

    readonly Lazy<(IBatchSha256 Hasher, string Description)> _chosen = new(() =>
    {
        var platform = PlatformBatchSha256.Instance;
        return Sha256Choice.MultiBuffer(out var reason) is { } fast
            ? (fast, fast.Description + note)
            : (platform, $"{platform.Description}; multi-buffer SHA-256 unavailable: {reason}{note}");
    });

    /// <summary>Whether the choice has been made (the native library loaded, or found unusable).</summary>
    public bool Chosen => _chosen.IsValueCreated;

    /// <summary>The hasher that large batches go to: the multi-buffer one when usable.</summary>
    public IBatchSha256 Choice => _chosen.Value.Hasher;

    public string Description => _chosen.Value.Description;

    public void HashMany(ReadOnlySpan<byte> messages, ReadOnlySpan<int> lengths, Span<byte> digests) =>
        For(lengths.Length).HashMany(messages, lengths, digests);

    public void HashMany(ReadOnlySpan<byte> messages, int messageLength, Span<byte> digests) =>
        For(messageLength == 0 ? 0 : messages.Length / messageLength).HashMany(messages, messageLength, digests);

    IBatchSha256 For(int count) => Chosen || count >= LoadAt ? _chosen.Value.Hasher : PlatformBatchSha256.Instance;
}
