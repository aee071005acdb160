using OutcomeLedger.Core.Storage;
using OutcomeLedger.Core.Transparency.Notes;
using OutcomeLedger.Core.Transparency.Witnessing;
using OutcomeLedger.Storage;

namespace OutcomeLedger.Api.Features.Witness;

/// <summary>
/// A C2SP tlog-witness: cosigns a log's checkpoint after checking it is consistent with the last one it cosigned for
/// that origin (Core's <see cref="WitnessRule"/>). Its key, the logs it witnesses and its state (the latest cosigned
/// size and root of each origin) come from a ledger served by <c>outcomes serve</c> (<see cref="Open"/>) or from the
/// options of a witness-only process, <c>outcomes witness serve</c> (<see cref="Create"/>); the state advances by
/// compare-and-swap before a cosignature is returned, so no request, on this server or another sharing the state, can
/// roll it back.
/// </summary>
// c2sp.org/tlog-witness
public sealed class CheckpointWitness : IDisposable
{
    readonly SignerKey? _key;
    readonly NoteSigner? _signer;
    readonly Func<CancellationToken, Task<IReadOnlyList<VerifierKey>>> _logs;
    readonly IWitnessState _state;

    CheckpointWitness(SignerKey? key, Func<CancellationToken, Task<IReadOnlyList<VerifierKey>>> logs, IWitnessState state, TimeProvider time)
    {
        _key = key;
        _signer = key?.CreateSigner(time);
        _logs = logs;
        _state = state;
    }

    /// <summary>The witness's public key, or null when this ledger has no folder to keep one in.</summary>
    public VerifierKey? VerifierKey => _key?.VerifierKey;

    /// <summary>Loads (or on first use creates) the witness key of a ledger, which witnesses the logs its folder lists.</summary>
    public static CheckpointWitness Open(LedgerFolder ledger, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        return new CheckpointWitness(ledger.OpenWitnessKey(), ledger.WitnessedLogsAsync, ledger.WitnessState, time);
    }

    /// <summary>A witness that is not a log: its cosignature/v1 key (owned from here on), the logs it cosigns and its state.</summary>
    public static CheckpointWitness Create(SignerKey key, IReadOnlyList<VerifierKey> logs, IWitnessState state, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(logs);
        ArgumentNullException.ThrowIfNull(state);
        if (key.Type != NoteKeyType.CosignatureV1)
        {
            throw new ArgumentException("a witness cosigns with a cosignature/v1 key", nameof(key));
        }

        IReadOnlyList<VerifierKey> fixedLogs = [.. logs];
        return new CheckpointWitness(key, _ => Task.FromResult(fixedLogs), state, time);
    }

    /// <summary>The verifier keys of the logs this witness cosigns.</summary>
    public Task<IReadOnlyList<VerifierKey>> WitnessedLogsAsync(CancellationToken cancellationToken) => _logs(cancellationToken);

    /// <summary>Handles one add-checkpoint request body, with the status codes of c2sp.org/tlog-witness.</summary>
    public async Task<WitnessOutcome> AddCheckpointAsync(byte[] body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!AddCheckpointRequest.TryParse(body, out var request, out var parseError))
        {
            return new(StatusCodes.Status400BadRequest, parseError);
        }

        var (oldSize, proof, note, checkpoint) = (request.OldSize, request.Proof, request.Note, request.Checkpoint);
        var trusted = (await WitnessedLogsAsync(cancellationToken)).Where(k => k.Name == checkpoint.Origin).ToList();
        if (_signer is null || trusted.Count == 0)
        {
            return new(StatusCodes.Status404NotFound, $"this witness does not witness the log '{checkpoint.Origin}'");
        }

        // "MUST ignore signatures from unknown keys": other witnesses' cosignatures on the note are not checked.
        if (!note.TryVerify(new NoteVerifierSet(trusted.Select(k => k.CreateVerifier())), out _, out var noteError))
        {
            return new(StatusCodes.Status403Forbidden, $"no signature by a trusted key of '{checkpoint.Origin}' verifies: {noteError.Message}");
        }

        if (oldSize > checkpoint.TreeSize)
        {
            return new(StatusCodes.Status400BadRequest, $"old size {oldSize} is larger than the checkpoint's size {checkpoint.TreeSize}");
        }

        var latest = await _state.GetAsync(checkpoint.Origin, cancellationToken);
        var latestSize = latest?.Size ?? 0;
        if (oldSize != latestSize)
        {
            return new(StatusCodes.Status409Conflict, "", latestSize);
        }

        switch (WitnessRule.Check(latest, checkpoint, proof))
        {
            case WitnessVerdict.Forked or WitnessVerdict.RolledBack:
                return new(StatusCodes.Status409Conflict, "", latestSize);
            case WitnessVerdict.UnexpectedProof:
                return new(StatusCodes.Status422UnprocessableEntity, "the consistency proof from size 0 must be empty");
            case WitnessVerdict.Inconsistent:
                return new(StatusCodes.Status422UnprocessableEntity, $"the consistency proof from size {oldSize} to {checkpoint.TreeSize} does not verify");
        }

        // Recorded only if the state is still the one checked above: a request that advanced it meanwhile wins.
        if (!await _state.TryReplaceAsync(checkpoint.Origin, latest, new CosignedTreeHead(checkpoint.TreeSize, checkpoint.RootHash), cancellationToken))
        {
            var now = await _state.GetAsync(checkpoint.Origin, cancellationToken);
            return new(StatusCodes.Status409Conflict, "", now?.Size ?? 0);
        }

        var cosigned = note.AddSignatures(_signer);
        return new(StatusCodes.Status200OK, cosigned.Signatures[^1].ToLine());
    }

    public void Dispose()
    {
        _key?.Dispose();
    }
}
