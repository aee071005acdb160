using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using OutcomeLedger.Core.Transparency.Hashing;
using OutcomeLedger.Hashing.IpsecMb;

namespace OutcomeLedger.Benchmarks;

/// <summary>
/// One RFC 6962 node hash (SHA-256 of 65 bytes): ours against the one-shot SHA-256 of the same bytes, and the cost per
/// node hash when 64 of them go through a batch SHA-256 at once (intel-ipsec-mb's multi-buffer one, and .NET's).
/// </summary>
public class HashBenchmarks
{
    const int Batch = 64;
    const int NodeSize = 65;

    readonly byte[] _nodes = new byte[Batch * NodeSize];
    readonly byte[] _digests = new byte[Batch * 32];
    IBatchSha256 _multiBuffer = PlatformBatchSha256.Instance;

    [GlobalSetup]
    public void Setup()
    {
        new Random(65).NextBytes(_nodes);
        _multiBuffer = Sha256Choice.MultiBuffer(out var reason)
            ?? throw new InvalidOperationException($"the multi-buffer SHA-256 is unavailable: {reason}");
    }

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

    [Benchmark(OperationsPerInvoke = Batch)]
    public byte HashManyNodesMultiBuffer()
    {
        _multiBuffer.HashMany(_nodes, NodeSize, _digests);
        return _digests[0];
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public byte HashManyNodesPlatform()
    {
        PlatformBatchSha256.Instance.HashMany(_nodes, NodeSize, _digests);
        return _digests[0];
    }
}
