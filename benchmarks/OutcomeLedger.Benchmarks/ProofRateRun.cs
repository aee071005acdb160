using System.Globalization;
using OutcomeLedger.Benchmarks.Ingest;
using OutcomeLedger.Core.Transparency.Hashing;
using OutcomeLedger.Core.Transparency.Merkle;
using OutcomeLedger.Hashing.IpsecMb;

namespace OutcomeLedger.Benchmarks;

/// <summary>
/// Inclusion-proof verifications per CPU-second on one thread, measured in this thread's CPU time
/// (<see cref="Ingest.ThreadCpu"/>, read once per 16 batches) so that other work on a shared machine, and the runtime's own
/// background threads, do not count: <see cref="InclusionProof.Verify"/> one proof at a time, and
/// <see cref="InclusionProof.VerifyMany(IReadOnlyList{InclusionClaim}, IBatchSha256)"/> on 256 proofs at a time (a scorecard cites thousands) with the
/// multi-buffer SHA-256 and with .NET's. Proofs of random leaves of a tree of 2^20 leaves (20 node hashes each).
/// </summary>
public static class ProofRateRun
{
    const int Proofs = 256;

    public static int Run(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var tree = new MerkleTree();
        var leaf = new byte[8];
        for (var i = 0; i < 1 << 20; i++)
        {
            BitConverter.TryWriteBytes(leaf, i);
            tree.Append(leaf);
        }

        var random = new Random(9162);
        var root = tree.Root();
        var claims = Enumerable.Range(0, Proofs).Select(_ =>
        {
            var index = (ulong)random.Next(1 << 20);
            return new InclusionClaim(index, tree.Size, tree.LeafHash(index), tree.InclusionProof(index, tree.Size), root);
        }).ToArray();

        output.WriteLine($"sha256: {Sha256Choice.FromEnvironment().Description}");
        Report(output, "InclusionProof.Verify", () =>
        {
            foreach (var c in claims)
            {
                if (!InclusionProof.Verify(c.Index, c.TreeSize, c.LeafHash, c.Proof, c.Root).IsValid)
                {
                    throw new InvalidOperationException("a proof did not verify");
                }
            }
        });
        if (Sha256Choice.MultiBuffer(out _) is { } multiBuffer)
        {
            Report(output, "VerifyMany, multi-buffer", () => AllValid(InclusionProof.VerifyMany(claims, multiBuffer)));
        }

        Report(output, "VerifyMany, .NET SHA-256", () => AllValid(InclusionProof.VerifyMany(claims, PlatformBatchSha256.Instance)));
        return 0;
    }

    static void AllValid(ProofCheck[] checks)
    {
        if (!checks.All(c => c.IsValid))
        {
            throw new InvalidOperationException("a proof did not verify");
        }
    }

    // Best of 7 rounds of at least 0.2 CPU-seconds each.
    static void Report(TextWriter output, string name, Action verifyBatch)
    {
        verifyBatch();
        var best = double.MaxValue;
        for (var round = 0; round < 7; round++)
        {
            var start = ThreadCpu.Now();
            var runs = 0;
            TimeSpan spent;
            do
            {
                for (var i = 0; i < 16; i++)
                {
                    verifyBatch();
                }

                runs += 16;
                spent = ThreadCpu.Now() - start;
            }
            while (spent < TimeSpan.FromMilliseconds(200));

            best = Math.Min(best, spent.TotalNanoseconds / (runs * Proofs));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-28} {best / 1000,8:F2} µs CPU per proof  {1e9 / best,10:N0} per CPU-second"));
    }
}
