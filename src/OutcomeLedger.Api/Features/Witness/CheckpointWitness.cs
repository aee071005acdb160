using System.Globalization;
using System.Text;
using OutcomeLedger.Core.Transparency.Hashing;
using OutcomeLedger.Core.Transparency.Notes;
using OutcomeLedger.Core.Transparency.Witnessing;
using OutcomeLedger.Storage;

namespace OutcomeLedger.Api.Features.Witness;

/// <summary>
/// A C2SP tlog-witness: cosigns a log's checkpoint after checking it is consistent with the last one it cosigned for
/// that origin (Core's <see cref="WitnessRule"/>). Its key, the logs it witnesses and its state (the latest cosigned
/// size and root of each origin) come from the ledger (<see cref="LedgerFolder.OpenWitnessKey"/>,
/// <see cref="LedgerFolder.WitnessedLogsAsync"/>, <see cref="LedgerFolder.WitnessState"/>); the state advances by
/// compare-and-swap before a cosignature is returned, so no request, on this server or another sharing the database,
/// can roll it back.
/// </summary>
// c2sp.org/tlog-witness
public sealed class CheckpointWitness : IDisposable
{
    public const int MaxProofLines = 63;

    readonly LedgerFolder _ledger;
    readonly SignerKey? _key;
    readonly NoteSigner? _signer;

    CheckpointWitness(LedgerFolder ledger, SignerKey? key, TimeProvider time)
    {
        _ledger = ledger;
        _key = key;
        _signer = key?.CreateSigner(time);
    }

    /// <summary>The witness's public key, or null when this ledger has no folder to keep one in.</summary>
    public VerifierKey? VerifierKey => _key?.VerifierKey;

    /// <summary>Loads (or on first use creates) the witness key of a ledger.</summary>
    public static CheckpointWitness Open(LedgerFolder ledger, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        return new CheckpointWitness(ledger, ledger.OpenWitnessKey(), time);
    }

    /// <summary>The verifier keys of the logs this witness cosigns.</summary>
    public Task<IReadOnlyList<VerifierKey>> WitnessedLogsAsync(CancellationToken cancellationToken) => _ledger.WitnessedLogsAsync(cancellationToken);

    /// <summary>Handles one add-checkpoint request body, with the status codes of c2sp.org/tlog-witness.</summary>
    public async Task<WitnessOutcome> AddCheckpointAsync(byte[] body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!TryParseRequest(body, out var oldSize, out var proof, out var note, out var checkpoint, out var parseError))
        {
            return new(StatusCodes.Status400BadRequest, parseError);
        }

        var trusted = (await WitnessedLogsAsync(cancellationToken)).Where(k => k.Name == checkpoint.Origin).ToList();
        if (_signer is null || trusted.Count == 0)
        {
            return new(StatusCodes.Status404NotFound, $"this witness does not witness the log '{checkpoint.Origin}'");
        }

        if (!note.TryVerify(new NoteVerifierSet(trusted.Select(k => k.CreateVerifier())), out _, out var noteError))
        {
            return new(StatusCodes.Status403Forbidden, $"no signature by a trusted key of '{checkpoint.Origin}' verifies: {noteError.Message}");
        }

        if (oldSize > checkpoint.TreeSize)
        {
            return new(StatusCodes.Status400BadRequest, $"old size {oldSize} is larger than the checkpoint's size {checkpoint.TreeSize}");
        }

        var latest = await _ledger.WitnessState.GetAsync(checkpoint.Origin, cancellationToken);
        var latestSize = latest?.Size ?? 0;
        if (oldSize != latestSize)
        {
            return new(StatusCodes.Status409Conflict, "", latestSize);
        }

        var last = latest is { } stored ? new CosignedTreeHead(stored.Size, stored.Root) : (CosignedTreeHead?)null;
        switch (WitnessRule.Check(last, checkpoint, proof))
        {
            case WitnessVerdict.Forked or WitnessVerdict.RolledBack:
                return new(StatusCodes.Status409Conflict, "", latestSize);
            case WitnessVerdict.UnexpectedProof:
                return new(StatusCodes.Status422UnprocessableEntity, "the consistency proof from size 0 must be empty");
            case WitnessVerdict.Inconsistent:
                return new(StatusCodes.Status422UnprocessableEntity, $"the consistency proof from size {oldSize} to {checkpoint.TreeSize} does not verify");
        }

        // Recorded only if the state is still the one checked above: a request that advanced it meanwhile wins.
        if (!await _ledger.WitnessState.TryReplaceAsync(checkpoint.Origin, latest, new CosignedTreeHead(checkpoint.TreeSize, checkpoint.RootHash), cancellationToken))
        {
            var now = await _ledger.WitnessState.GetAsync(checkpoint.Origin, cancellationToken);
            return new(StatusCodes.Status409Conflict, "", now?.Size ?? 0);
        }

        var cosigned = note.AddSignatures(_signer);
        return new(StatusCodes.Status200OK, cosigned.Signatures[^1].ToLine());
    }

    // Body: "old N\n", up to 63 base64 hash lines, an empty line, then the signed checkpoint.
    static bool TryParseRequest(byte[] body, out ulong oldSize, out List<Hash> proof, out SignedNote note, out Checkpoint checkpoint, out string error)
    {
        oldSize = 0;
        proof = [];
        note = null!;
        checkpoint = null!;
        var position = 0;
        string? NextLine()
        {
            var newline = Array.IndexOf(body, (byte)'\n', position);
            if (newline < 0)
            {
                return null;
            }

            var line = Encoding.UTF8.GetString(body, position, newline - position);
            position = newline + 1;
            return line;
        }

        var first = NextLine();
        if (first is null || !first.StartsWith("old ", StringComparison.Ordinal) || !TryParseSize(first[4..], out oldSize))
        {
            error = "the body must start with 'old <size>' (decimal, no leading zeros)";
            return false;
        }

        while (true)
        {
            var line = NextLine();
            if (line is null)
            {
                error = "the proof lines must end with an empty line before the checkpoint";
                return false;
            }

            if (line.Length == 0)
            {
                break;
            }

            if (proof.Count == MaxProofLines || !Hash.TryParseBase64(line, out var hash))
            {
                error = proof.Count == MaxProofLines ? $"more than {MaxProofLines} consistency proof lines" : $"proof line {proof.Count + 1} is not a base64 SHA-256 hash";
                return false;
            }

            proof.Add(hash);
        }

        if (!SignedNote.TryParse(body.AsSpan(position), out var parsed, out var noteError))
        {
            error = "the checkpoint is not a signed note: " + noteError.Message;
            return false;
        }

        if (!Checkpoint.TryParse(parsed.Text, out var parsedCheckpoint, out var checkpointError))
        {
            error = "the note is not a checkpoint: " + checkpointError.Message;
            return false;
        }

        note = parsed;
        checkpoint = parsedCheckpoint;
        error = "";
        return true;
    }

    static bool TryParseSize(string text, out ulong size)
    {
        size = 0;
        return text.Length > 0 && text.All(char.IsAsciiDigit) && (text == "0" || text[0] != '0')
            && ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out size);
    }

    public void Dispose()
    {
        _key?.Dispose();
    }
}
