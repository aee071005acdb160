using OutcomeLedger.Core.Transparency.Hashing;
using OutcomeLedger.Core.Transparency.Merkle;
using OutcomeLedger.Core.Transparency.Notes;

namespace OutcomeLedger.Core.Transparency.Witnessing;

/// <summary>
/// The one rule every witness here follows, the server's tlog-witness endpoint and <c>outcomes witness</c> alike: cosign
/// a log's checkpoint only if it is consistent with the last checkpoint cosigned for that log, so the witness never
/// vouches for two views of one log. Checking the checkpoint's signature and keeping the state are the callers' part;
/// the caller records the new tree head before its cosignature leaves the process.
/// </summary>
// c2sp.org/tlog-witness ("Witnesses MUST NOT cosign a checkpoint ... not consistent"); RFC 9162 §2.1.4.2 for the proof.
public static class WitnessRule
{
    /// <summary>Whether <see cref="Check"/> needs a consistency proof to judge <paramref name="checkpoint"/>.</summary>
    public static bool NeedsProof(CosignedTreeHead? last, Checkpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        return last is { Size: > 0 } head && checkpoint.TreeSize > head.Size;
    }

    /// <summary>Judges a checkpoint (already verified as signed by the log) against the last cosigned tree head, if any.</summary>
    public static WitnessVerdict Check(CosignedTreeHead? last, Checkpoint checkpoint, IReadOnlyList<Hash> proof)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(proof);
        var head = last ?? new CosignedTreeHead(0, default);
        if (checkpoint.TreeSize < head.Size)
        {
            return WitnessVerdict.RolledBack;
        }

        if (checkpoint.TreeSize == head.Size)
        {
            return head.Size == 0 || checkpoint.RootHash == head.Root ? WitnessVerdict.Unchanged : WitnessVerdict.Forked;
        }

        if (head.Size == 0)
        {
            return proof.Count == 0 ? WitnessVerdict.Advances : WitnessVerdict.UnexpectedProof;
        }

        return ConsistencyProof.Verify(head.Size, checkpoint.TreeSize, proof, head.Root, checkpoint.RootHash).IsValid
            ? WitnessVerdict.Advances
            : WitnessVerdict.Inconsistent;
    }
}
