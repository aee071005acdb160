using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using OutcomeLedger.Core.Transparency.Merkle;

namespace OutcomeLedger.Benchmarks;

/// <summary>
/// Appending leaves to the in-memory tree against the raw SHA-256 work an append needs: the leaf hash of the entry
/// (0x00 || entry) and, amortised, one node hash (0x01 || left || right). Target: at least 0.5 of the raw rate.
/// </summary>
public class AppendBenchmarks
{
    const int Count = 4096;

    byte[][] _entries = [];

    [Params(100, 1000)]
    public int EntrySize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(6962);
        _entries = [.. Enumerable.Range(0, Count).Select(_ =>
        {
            var entry = new byte[EntrySize];
            random.NextBytes(entry);
            return entry;
        })];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public byte RawSha256LeafAndNode()
    {
        Span<byte> leaf = stackalloc byte[1 + 1000];
        Span<byte> node = stackalloc byte[1 + (2 * 32)];
        Span<byte> digest = stackalloc byte[32];
        node[0] = 0x01;
        byte sink = 0;
        foreach (var entry in _entries)
        {
            leaf[0] = 0x00;
            entry.CopyTo(leaf[1..]);
            SHA256.HashData(leaf[..(1 + entry.Length)], digest);
            digest.CopyTo(node[1..]);
            SHA256.HashData(node, digest);
            sink ^= digest[0];
        }

        return sink;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public ulong MerkleTreeAppend()
    {
        var tree = new MerkleTree();
        foreach (var entry in _entries)
        {
            tree.Append(entry);
        }

        return tree.Size;
    }
}
