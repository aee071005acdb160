using System.Net;
using OutcomeLedger.Core.Storage;
using OutcomeLedger.Core.Transparency.Notes;
using OutcomeLedger.Core.Transparency.Witnessing;

namespace OutcomeLedger.Cli.Commands.Witness;

/// <summary>
/// Witnesses one remote log: each round verifies the latest checkpoint and its consistency with the state, records the
/// new state before the cosignature leaves this process (so it can never cosign two views of the log), and posts it.
/// A failed check is an <see cref="InvalidDataException"/> (exit 1) and leaves the state untouched.
/// </summary>
// c2sp.org/tlog-witness, c2sp.org/tlog-cosignature
internal sealed class RemoteLogWitness(RemoteLog log, VerifierKey logKey, NoteSigner witness, IWitnessState stateStore)
{
    public async Task<WitnessOutcome> WitnessAsync(CancellationToken cancellationToken)
    {
        var bytes = await log.GetCheckpointAsync(cancellationToken) ?? throw new InvalidDataException($"{log.BaseAddress} has no checkpoint yet: nothing to witness");
        if (!Checkpoint.TryOpen(bytes, logKey.CreateVerifier(), null, out var signed, out var error))
        {
            throw new InvalidDataException($"the log's checkpoint does not verify with --log-key {logKey.Name}+{logKey.KeyId:x8}: {error.Message}");
        }

        var checkpoint = signed.Checkpoint;
        if (checkpoint.Origin != logKey.Name)
        {
            throw new InvalidDataException($"the checkpoint's origin '{checkpoint.Origin}' is not the log key's name '{logKey.Name}'");
        }

        var state = await stateStore.GetAsync(checkpoint.Origin, cancellationToken);
        if (state is not null)
        {
            await CheckConsistentAsync(state.Value, checkpoint, cancellationToken);
        }

        var note = signed.Note.Note;
        var mine = note.Signatures.Any(s => s.KeyName == witness.Name && s.KeyId == witness.KeyId);
        if (state is { } same && same.Size == checkpoint.TreeSize && mine)
        {
            return new WitnessOutcome(checkpoint.Origin, checkpoint.TreeSize, checkpoint.RootHash.ToBase64(), same.Size, false, Cosigned: false, null, null);
        }

        // Remember the checkpoint before the cosignature exists outside this process, and only if no other process
        // witnessing from the same state advanced it meanwhile.
        if (!await stateStore.TryReplaceAsync(checkpoint.Origin, state, new CosignedTreeHead(checkpoint.TreeSize, checkpoint.RootHash), cancellationToken))
        {
            throw new InvalidDataException($"the witness state of {checkpoint.Origin} changed while this round checked it (another witness process on the same --state): nothing cosigned; run again");
        }

        var line = note.AddSignatures(witness).Signatures[^1].ToLine();
        var (status, detail) = await log.PostCosignatureAsync(checkpoint.TreeSize, line, cancellationToken);
        if (status != HttpStatusCode.NoContent)
        {
            var hint = status == HttpStatusCode.Forbidden ? " (the log must list this witness's verifier key in its witnesses.txt)" : "";
            throw new InvalidDataException($"the log refused the cosignature of size {checkpoint.TreeSize}: {(int)status} {detail}{hint}");
        }

        return new WitnessOutcome(checkpoint.Origin, checkpoint.TreeSize, checkpoint.RootHash.ToBase64(), state?.Size, state is null, Cosigned: true, line.TrimEnd('\n'), (int)status);
    }

    async Task CheckConsistentAsync(CosignedTreeHead state, Checkpoint checkpoint, CancellationToken cancellationToken)
    {
        var last = state;
        var proof = WitnessRule.NeedsProof(last, checkpoint) ? await log.GetConsistencyAsync(state.Size, checkpoint.TreeSize, cancellationToken) : [];
        switch (WitnessRule.Check(last, checkpoint, proof))
        {
            case WitnessVerdict.RolledBack:
                throw new InvalidDataException($"rolled back: the log's checkpoint has size {checkpoint.TreeSize}, but this witness cosigned size {state.Size}; refused, state kept");
            case WitnessVerdict.Forked:
                throw new InvalidDataException($"forked: the log's checkpoint of size {checkpoint.TreeSize} has root {checkpoint.RootHash.ToBase64()}, but this witness cosigned root {state.Root.ToBase64()}; refused, state kept");
            case WitnessVerdict.Inconsistent or WitnessVerdict.UnexpectedProof:
                throw new InvalidDataException($"inconsistent: the log's consistency proof from size {state.Size} to {checkpoint.TreeSize} does not verify against the root this witness cosigned; refused, state kept");
        }
    }
}
