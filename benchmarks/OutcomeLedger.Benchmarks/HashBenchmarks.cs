using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using OutcomeLedger.Core.Transparency;

namespace OutcomeLedger.Benchmarks;

/// <summary>One RFC 6962 node hash (SHA-256 of 65 bytes): ours against the one-shot SHA-256 of the same bytes.</summary>
public class HashBenchmarks
{
    readonly Hash _left = Rfc6962.HashLeaf([1]);
    readonly Hash _right = Rfc6962.HashLeaf([2]);
    readonly byte[] _node = new byte[65];
    readonly byte[] _digest = new byte[32];

    [Benchmark(Baseline = true)]
    public byte RawSha256OneShot()
    {
        SHA256.HashData(_node, _digest);
        return _digest[0];
    }

    [Benchmark]
    public Hash HashChildren() => Rfc6962.HashChildren(_left, _right);

    [Benchmark]
    public Hash HashLeaf8Bytes() => Rfc6962.HashLeaf(_node.AsSpan(0, 8));
}
