using System.Globalization;
using System.Text;
using System.Text.Json;
using OutcomeLedger.Core.Transparency.Hashing;
using OutcomeLedger.Core.Transparency.Notes;
using OutcomeLedger.Core.Transparency.Witnessing;
using OutcomeLedger.Storage;

namespace OutcomeLedger.Api.Features.Witness;

/// <summary>
/// A C2SP tlog-witness: cosigns a log's checkpoint after checking it is consistent with the last one it cosigned for
/// that origin. The witness key is <c>keys/witness.key</c> (made on first start); the logs it witnesses are the verifier
/// keys listed in <c>witness-logs.txt</c> in the ledger folder; its state (the latest cosigned size and root of each
/// origin) is <c>witness-state.json</c> there, replaced atomically before each cosignature is returned.
/// </summary>
// c2sp.org/tlog-witness
public sealed class CheckpointWitness : IDisposable
{
    public const string LogsFile = "witness-logs.txt";
    public const string StateFile = "witness-state.json";
    public const int MaxProofLines = 63;

    readonly string? _statePath;
    readonly SignerKey? _key;
    readonly NoteSigner? _signer;
    readonly string? _logsPath;
    readonly SemaphoreSlim _gate = new(1, 1);

    CheckpointWitness(string? folder, SignerKey? key, TimeProvider time)
    {
        _statePath = folder is null ? null : Path.Combine(folder, StateFile);
        _logsPath = folder is null ? null : Path.Combine(folder, LogsFile);
        _key = key;
        _signer = key?.CreateSigner(time);
    }

    /// <summary>The witness's public key, or null when this ledger has no folder to keep one in.</summary>
    public VerifierKey? VerifierKey => _key?.VerifierKey;

    /// <summary>Loads (or on first use creates) the witness key of a ledger folder.</summary>
    public static CheckpointWitness Open(LedgerFolder ledger, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        if (ledger.Path is null)
        {
            return new CheckpointWitness(null, null, time);
        }

        var keyPath = Path.Combine(ledger.KeysPath, "witness.key");
        if (!File.Exists(keyPath))
        {
            using var created = SignerKey.Generate(ledger.Origin + "/witness", NoteKeyType.CosignatureV1);
            KeyFile.WriteSecret(keyPath, created.FormatPrivate());
        }

        if (!SignerKey.TryParse(KeyFile.ReadSecret(keyPath), out var key, out var error))
        {
            throw new InvalidDataException($"{keyPath}: {error.Message}");
        }

        return new CheckpointWitness(ledger.Path, key, time);
    }

    /// <summary>The verifier keys of the logs this witness cosigns, by origin.</summary>
    public IReadOnlyList<VerifierKey> WitnessedLogs()
    {
        if (_logsPath is null || !File.Exists(_logsPath))
        {
            return [];
        }

        var keys = new List<VerifierKey>();
        foreach (var line in File.ReadAllLines(_logsPath).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            if (!VerifierKey.TryParse(line, out var key, out var error))
            {
                throw new InvalidDataException($"{_logsPath}: {error.Message}");
            }

            keys.Add(key);
        }

        return keys;
    }

    /// <summary>Handles one add-checkpoint request body, with the status codes of c2sp.org/tlog-witness.</summary>
    public async Task<WitnessOutcome> AddCheckpointAsync(byte[] body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!TryParseRequest(body, out var oldSize, out var proof, out var note, out var checkpoint, out var parseError))
        {
            return new(StatusCodes.Status400BadRequest, parseError);
        }

        var trusted = WitnessedLogs().Where(k => k.Name == checkpoint.Origin).ToList();
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

        await _gate.WaitAsync(cancellationToken);
        try
        {
            // Checking the old size and recording the new checkpoint happen under one lock, so no request can roll the state back.
            var (latestSize, latestRoot) = await LatestAsync(checkpoint.Origin, cancellationToken);
            if (oldSize != latestSize)
            {
                return new(StatusCodes.Status409Conflict, "", latestSize);
            }

            var last = latestRoot is { } root ? new CosignedTreeHead(latestSize, root) : (CosignedTreeHead?)null;
            switch (WitnessRule.Check(last, checkpoint, proof))
            {
                case WitnessVerdict.Forked or WitnessVerdict.RolledBack:
                    return new(StatusCodes.Status409Conflict, "", latestSize);
                case WitnessVerdict.UnexpectedProof:
                    return new(StatusCodes.Status422UnprocessableEntity, "the consistency proof from size 0 must be empty");
                case WitnessVerdict.Inconsistent:
                    return new(StatusCodes.Status422UnprocessableEntity, $"the consistency proof from size {oldSize} to {checkpoint.TreeSize} does not verify");
            }

            await SaveAsync(checkpoint, cancellationToken);
            var cosigned = note.AddSignatures(_signer);
            return new(StatusCodes.Status200OK, cosigned.Signatures[^1].ToLine());
        }
        finally
        {
            _gate.Release();
        }
    }

    async Task<(ulong Size, Hash? Root)> LatestAsync(string origin, CancellationToken cancellationToken)
    {
        var state = await LoadAsync(cancellationToken);
        if (!state.TryGetValue(origin, out var stored))
        {
            return (0, null);
        }

        var parts = stored.Split(' ');
        return (ulong.Parse(parts[0], CultureInfo.InvariantCulture), Hash.TryParseBase64(parts[1], out var root) ? root : throw new InvalidDataException($"witness state for '{origin}' is corrupt"));
    }

    async Task<Dictionary<string, string>> LoadAsync(CancellationToken cancellationToken) =>
        File.Exists(_statePath)
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(await File.ReadAllBytesAsync(_statePath, cancellationToken)) ?? []
            : [];

    async Task SaveAsync(Checkpoint checkpoint, CancellationToken cancellationToken)
    {
        var state = await LoadAsync(cancellationToken);
        state[checkpoint.Origin] = string.Create(CultureInfo.InvariantCulture, $"{checkpoint.TreeSize} {checkpoint.RootHash.ToBase64()}");
        var temporary = _statePath + ".tmp";
        await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            await JsonSerializer.SerializeAsync(file, state, cancellationToken: cancellationToken);
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, _statePath!, overwrite: true);
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
        _gate.Dispose();
    }
}
