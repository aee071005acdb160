using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using OutcomeLedger.Core.Transparency.Hashing;
using OutcomeLedger.Core.Transparency.Merkle;
using OutcomeLedger.Hashing.IpsecMb;

namespace OutcomeLedger.Benchmarks;

/// <summary>
/// The C# side of benchmarks/interop/treehash.sh: the RFC 6962 root of leaves be64(0) .. be64(n-1), appended to our
/// in-memory tree, timed from the first append to the root, printed as "csharp leaves=n root=hex ns=elapsed".
/// The same leaves and the same span of work as tlogcheck treehash-bench (Go's tlog.StoredHashes, then TreeHash).
/// By default leaves go in with <see cref="MerkleTree.AppendMany"/>, 4,096 at a time, hashed by
/// <see cref="Sha256Choice.FromEnvironment"/>'s choice (the multi-buffer SHA-256 where installed); <c>single</c> appends one at a time
/// and <c>platform</c> forces .NET's SHA-256 for the batches. The implementation used is printed on stderr.
/// </summary>
public static class TreeHashRun
{
    const int Chunk = 4096;

    public static int Run(string countText, string mode, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (!ulong.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count > 100_000_000)
        {
            error.WriteLine("treehash: n must be an integer in 0..100000000");
            return 2;
        }

        if (mode is not ("batch" or "single" or "platform"))
        {
            error.WriteLine("treehash: the mode is batch (default), single or platform");
            return 2;
        }

        var sha256 = mode == "platform" ? PlatformBatchSha256.Instance : Sha256Choice.FromEnvironment().Hasher;
        error.WriteLine(mode == "single" ? "csharp: MerkleTree.Append, one leaf at a time (.NET SHA-256)" : $"csharp: MerkleTree.AppendMany, {Chunk} leaves at a time, {sha256.Description}");
        var watch = Stopwatch.StartNew();
        var tree = new MerkleTree(sha256);
        if (mode == "single")
        {
            Span<byte> leaf = stackalloc byte[8];
            for (ulong i = 0; i < count; i++)
            {
                BinaryPrimitives.WriteUInt64BigEndian(leaf, i);
                tree.Append(leaf);
            }
        }
        else
        {
            var data = new byte[Chunk * 8];
            var leaves = new ReadOnlyMemory<byte>[Chunk];
            for (ulong start = 0; start < count; start += Chunk)
            {
                var n = (int)Math.Min(Chunk, count - start);
                for (var i = 0; i < n; i++)
                {
                    BinaryPrimitives.WriteUInt64BigEndian(data.AsSpan(i * 8), start + (ulong)i);
                    leaves[i] = data.AsMemory(i * 8, 8);
                }

                tree.AppendMany(n == Chunk ? leaves : leaves[..n]);
            }
        }

        var root = tree.Root();
        var elapsed = watch.Elapsed;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"csharp leaves={count} root={root.ToHex()} ns={(long)(elapsed.TotalMilliseconds * 1_000_000)}"));
        return 0;
    }
}
