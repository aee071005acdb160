using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using OutcomeLedger.Core.Transparency.Hashing;
using OutcomeLedger.Core.Transparency.Merkle;
using OutcomeLedger.Hashing.IpsecMb;

namespace OutcomeLedger.Benchmarks;

/// <summary>
/// RFC 9162 §2.1.3.2 inclusion-proof verification, one thread, against the raw SHA-256 node hashes the same proofs
/// need (one 65-byte hash per proof element). Target: at least 200,000 verifications per second per core.
/// <c>VerifyMany…</c> check the same 64 proofs together (<see cref="InclusionProof.VerifyMany(IReadOnlyList{InclusionClaim}, IBatchSha256)"/>),
/// with intel-ipsec-mb's multi-buffer SHA-256 and with .NET's.
/// </summary>
public class ProofBenchmarks
{
    const int Proofs = 64;

    ulong[] _indexes = [];
    Hash[] _leaves = [];
    Hash[][] _proofs = [];
    Hash _root;
    InclusionClaim[] _claims = [];
    IBatchSha256 _multiBuffer = PlatformBatchSha256.Instance;

    [Params(1_000, 1_048_576)]
    public int TreeSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var tree = new MerkleTree();
        Span<byte> leaf = stackalloc byte[8];
        for (var i = 0; i < TreeSize; i++)
        {
            BitConverter.TryWriteBytes(leaf, i);
            tree.Append(leaf);
        }

        var random = new Random(9162);
        _indexes = [.. Enumerable.Range(0, Proofs).Select(_ => (ulong)random.Next(TreeSize))];
        _leaves = [.. _indexes.Select(tree.LeafHash)];
        _proofs = [.. _indexes.Select(i => tree.InclusionProof(i, (ulong)TreeSize))];
        _root = tree.Root();
        _claims = [.. Enumerable.Range(0, Proofs).Select(p => new InclusionClaim(_indexes[p], (ulong)TreeSize, _leaves[p], _proofs[p], _root))];
        _multiBuffer = Sha256Choice.MultiBuffer(out var reason)
            ?? throw new InvalidOperationException($"the multi-buffer SHA-256 is unavailable: {reason}");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Proofs)]
    public byte RawSha256NodeHashes()
    {
        Span<byte> node = stackalloc byte[1 + (2 * 32)];
        Span<byte> digest = stackalloc byte[32];
        node[0] = 0x01;
        byte sink = 0;
        for (var p = 0; p < _proofs.Length; p++)
        {
            _leaves[p].CopyTo(digest);
            foreach (var sibling in _proofs[p])
            {
                digest.CopyTo(node[1..]);
                sibling.CopyTo(node[33..]);
                SHA256.HashData(node, digest);
            }

            sink ^= digest[0];
        }

        return sink;
    }

    [Benchmark(OperationsPerInvoke = Proofs)]
    public int VerifyInclusion()
    {
        var valid = 0;
        for (var p = 0; p < _proofs.Length; p++)
        {
            if (InclusionProof.Verify(_indexes[p], (ulong)TreeSize, _leaves[p], _proofs[p], _root).IsValid)
            {
                valid++;
            }
        }

        return valid == Proofs ? valid : throw new InvalidOperationException("a proof did not verify");
    }

    [Benchmark(OperationsPerInvoke = Proofs)]
    public int VerifyManyMultiBuffer() => AllValid(InclusionProof.VerifyMany(_claims, _multiBuffer));

    [Benchmark(OperationsPerInvoke = Proofs)]
    public int VerifyManyPlatform() => AllValid(InclusionProof.VerifyMany(_claims, PlatformBatchSha256.Instance));

    static int AllValid(ProofCheck[] checks) =>
        checks.All(c => c.IsValid) ? checks.Length : throw new InvalidOperationException("a proof did not verify");
}
