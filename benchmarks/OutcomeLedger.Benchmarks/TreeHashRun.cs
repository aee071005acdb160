using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using OutcomeLedger.Core.Transparency;

namespace OutcomeLedger.Benchmarks;

/// <summary>
/// The C# side of benchmarks/interop/treehash.sh: the RFC 6962 root of leaves be64(0) .. be64(n-1), appended to our
/// in-memory tree, timed from the first append to the root, printed as "csharp leaves=n root=hex ns=elapsed".
/// The same leaves and the same span of work as tlogcheck treehash-bench (Go's tlog.StoredHashes, then TreeHash).
/// </summary>
public static class TreeHashRun
{
    public static int Run(string countText, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (!ulong.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count > 100_000_000)
        {
            error.WriteLine("treehash: n must be an integer in 0..100000000");
            return 2;
        }

        var watch = Stopwatch.StartNew();
        var tree = new MerkleTree();
        Span<byte> leaf = stackalloc byte[8];
        for (ulong i = 0; i < count; i++)
        {
            BinaryPrimitives.WriteUInt64BigEndian(leaf, i);
            tree.Append(leaf);
        }

        var root = tree.Root();
        var elapsed = watch.Elapsed;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"csharp leaves={count} root={root.ToHex()} ns={(long)(elapsed.TotalMilliseconds * 1_000_000)}"));
        return 0;
    }
}
