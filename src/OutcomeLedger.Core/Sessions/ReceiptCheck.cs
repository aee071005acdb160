using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Transparency.Hashing;
using OutcomeLedger.Core.Transparency.Merkle;
using OutcomeLedger.Core.Transparency.Notes;

namespace OutcomeLedger.Core.Sessions;

/// <summary>
/// What a c2sp.org/tlog-proof@v1 receipt (as <c>outcomes log prove</c> writes it) proves, checked offline with nothing
/// but the log's verifier key, the witnesses' keys one trusts, and optionally the entry's bytes: the checkpoint's
/// signature by the log, each trusted witness's cosignature, and, with the entry, that exactly those bytes are the entry
/// at the receipt's index in the checkpointed tree. Without the entry nothing is proven about any entry.
/// <c>outcomes log verify-receipt</c> says it in words; the check itself is here, without I/O.
/// </summary>
public sealed record ReceiptCheck
{
    public required ReceiptFailure Failure { get; init; }

    /// <summary>What failed, in one line (English, like every request error); empty when valid.</summary>
    public string Message { get; init; } = "";

    public bool IsValid => Failure == ReceiptFailure.None;

    /// <summary>The entry's index in the log, as the receipt states it.</summary>
    public ulong? Index { get; init; }

    /// <summary>The checkpoint the log signed (verified), once it is.</summary>
    public Checkpoint? Checkpoint { get; init; }

    /// <summary>The log's time in the checkpoint, when it carries one.</summary>
    public DateTimeOffset? LogTime { get; init; }

    /// <summary>The trusted witnesses whose cosignatures verified.</summary>
    public IReadOnlyList<string> Cosigners { get; init; } = [];

    /// <summary>Trusted witnesses that did not cosign this checkpoint.</summary>
    public IReadOnlyList<string> MissingCosigners { get; init; } = [];

    /// <summary>Signatures on the checkpoint by keys not given (neither checked nor counted).</summary>
    public int UnknownSignatures { get; init; }

    /// <summary>The entry's record, when the entry was given and proven.</summary>
    public LedgerRecord? Record { get; init; }

    /// <summary>The entry's RFC 6962 leaf hash, when the entry was given.</summary>
    public Hash? LeafHash { get; init; }

    /// <summary>
    /// Checks <paramref name="receipt"/> against the log's key <paramref name="log"/>, the <paramref name="witnesses"/>'
    /// cosignatures (each must have cosigned) and, when given, the <paramref name="entry"/>'s bytes.
    /// </summary>
    public static ReceiptCheck Of(ReadOnlySpan<byte> receipt, VerifierKey log, IReadOnlyList<VerifierKey> witnesses, byte[]? entry)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(witnesses);
        if (log.Type != NoteKeyType.Ed25519)
        {
            return Failed(ReceiptFailure.Key, $"--key is a {log.Type} key; give the log's Ed25519 verifier key ('outcomes log public-key')");
        }

        if (!TlogProof.TryParse(receipt, out var proof, out var parseError))
        {
            return Failed(ReceiptFailure.Malformed, $"the receipt is not a c2sp.org/tlog-proof@v1 receipt: {parseError}");
        }

        var verifiers = witnesses.Select(w => w.CreateVerifier()).ToList();
        if (!Transparency.Notes.Checkpoint.TryOpen(proof.CheckpointNote, log.CreateVerifier(), verifiers, out var signed, out var noteError))
        {
            return Failed(ReceiptFailure.Checkpoint, $"the receipt's checkpoint is not signed by the log key {log.Name}, or a cosignature in it is bad: {noteError.Message}", proof.Index);
        }

        var checkpoint = signed.Checkpoint;
        var cosigners = witnesses.Where((w, i) => signed.Note.IsSignedBy(verifiers[i])).Select(w => w.Name).ToList();
        var missing = witnesses.Select(w => w.Name).Except(cosigners, StringComparer.Ordinal).ToList();
        var logTime = Sequencing.LogTime.TryRead(checkpoint, out var time, out _) ? time : null;
        var found = new ReceiptCheck
        {
            Failure = ReceiptFailure.None,
            Index = proof.Index,
            Checkpoint = checkpoint,
            LogTime = logTime,
            Cosigners = cosigners,
            MissingCosigners = missing,
            UnknownSignatures = signed.Note.Unverified.Count,
        };
        if (missing.Count > 0)
        {
            return found with { Failure = ReceiptFailure.Cosignature, Message = $"the checkpoint is not cosigned by {string.Join(", ", missing.Select(m => $"'{m}'"))}" };
        }

        if (proof.Index >= checkpoint.TreeSize)
        {
            return found with { Failure = ReceiptFailure.Inclusion, Message = $"the receipt's entry {proof.Index} is not below the checkpoint's tree size {checkpoint.TreeSize}" };
        }

        if (entry is null)
        {
            return found;
        }

        var leafHash = Rfc6962.HashLeaf(entry);
        var inclusion = InclusionProof.Verify(proof.Index, checkpoint.TreeSize, leafHash, proof.Proof, checkpoint.RootHash);
        if (inclusion.Failure != ProofFailure.None)
        {
            return found with
            {
                Failure = ReceiptFailure.Inclusion,
                LeafHash = leafHash,
                Message = inclusion.Failure == ProofFailure.WrongProofLength
                    ? $"the receipt's inclusion proof has the wrong length for entry {proof.Index} of {checkpoint.TreeSize}: {inclusion.Message}"
                    : $"the entry file is not entry {proof.Index} of the checkpointed log: from its bytes (leaf hash {leafHash}) the proof leads to root {inclusion.Computed}, the checkpoint has {inclusion.Expected}",
            };
        }

        // Proven bytes; reading them says what they are (a log may hold entries this version cannot read).
        return EntryCodec.TryOpen(entry, out _, out var record, out _)
            ? found with { LeafHash = leafHash, Record = record }
            : found with { LeafHash = leafHash };
    }

    static ReceiptCheck Failed(ReceiptFailure failure, string message, ulong? index = null) => new() { Failure = failure, Message = message, Index = index };
}
