using OutcomeLedger.Core.Entries;
using OutcomeLedger.Core.Import;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Sequencing;

namespace OutcomeLedger.Core.Sessions;

// Writes: records checked, signed by their author and logged; evidence stored by its hash.
public sealed partial class LedgerSession
{
    /// <summary>Logs signed entries (canonical DSSE envelopes) in one batch; each result says logged, already logged, or refused and why.</summary>
    public async Task<IReadOnlyList<SubmitResult>> SubmitAsync(IReadOnlyList<byte[]> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var sequencer = await SequencerAsync(cancellationToken);
        return await sequencer.SubmitAsync(entries, cancellationToken);
    }

    /// <summary>
    /// Checks that <paramref name="key"/> is an active key of <paramref name="author"/> before anything is signed with it,
    /// so a wrong key is named plainly (the ledger's rules refuse it regardless).
    /// </summary>
    public async Task CheckSignerAsync(PartyId author, SigningKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var state = await PartyStateAsync(cancellationToken);
        if (state.FindParty(author) is not { } party)
        {
            throw new LedgerRequestException(LedgerError.Forbidden, "as", $"party '{author}' is not registered in this ledger (see 'outcomes party list')");
        }

        if (party.HasActiveKey(key.KeyId))
        {
            return;
        }

        if (party.RevokedAt.TryGetValue(key.KeyId, out var revokedAt))
        {
            throw new LedgerRequestException(LedgerError.Forbidden, $"the signing key (key id {key.KeyId}) of party '{author}' was revoked at entry {revokedAt}; sign with one of its active keys");
        }

        throw new LedgerRequestException(LedgerError.Forbidden, state.FindKeyOwner(key.KeyId) is { } owner
            ? $"the signing key (key id {key.KeyId}) is registered to party '{owner}', not to '{author}'; use a key of '{author}', or record as '{owner}' (--as {owner})"
            : $"the signing key (key id {key.KeyId}) is not registered to party '{author}', nor to any other party; sign with a key of '{author}'");
    }

    /// <summary>
    /// Signs <paramref name="records"/> with their author's key and logs them in one batch. The key must be an active key
    /// of every author; a refusal by the ledger's rules fails the request naming every field (nothing of a refused
    /// record is logged; records of the batch the rules accepted are).
    /// </summary>
    public async Task<IReadOnlyList<SubmitResult>> RecordAsync(IReadOnlyList<LedgerRecord> records, SigningKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(key);
        foreach (var author in records.Select(r => r.Author).Distinct())
        {
            await CheckSignerAsync(author, key, cancellationToken);
        }

        var results = await SubmitAsync([.. records.Select(r => EntryCodec.Sign(r, key))], cancellationToken);
        var refused = results.Select((r, i) => (Result: r, Index: i)).Where(x => x.Result.Status == SubmitStatus.Rejected).ToList();
        if (refused.Count > 0)
        {
            var (result, i) = refused[0];
            var more = refused.Count > 1 ? $" (and {refused.Count - 1} more refused)" : "";
            throw new LedgerRequestException(LedgerError.Refused, $"{records[i].Kind} refused: {string.Join("; ", result.Errors)}{more}", result.Errors);
        }

        return results;
    }

    /// <summary>Signs and logs one record (see <see cref="RecordAsync(IReadOnlyList{LedgerRecord}, SigningKey, CancellationToken)"/>).</summary>
    public async Task<SubmitResult> RecordAsync(LedgerRecord record, SigningKey key, CancellationToken cancellationToken) =>
        (await RecordAsync([record], key, cancellationToken))[0];

    /// <summary>
    /// Stores <paramref name="evidence"/> (tentatively), then signs and logs the record <paramref name="build"/> makes
    /// citing the files' SHA-256s, in order (see <see cref="RecordAsync(LedgerRecord, SigningKey, CancellationToken)"/>).
    /// If the record is not logged (a wrong key, a refusal by the ledger's rules, a failed write) the files this write
    /// stored are taken back, so no evidence is left that no entry cites. Returns the result and the record logged.
    /// </summary>
    public Task<(SubmitResult Result, T Record)> RecordAsync<T>(IReadOnlyList<ImportFile> evidence, Func<IReadOnlyList<string>, T> build, SigningKey key, CancellationToken cancellationToken)
        where T : LedgerRecord
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(build);
        return WithEvidenceAsync(evidence, async pending =>
        {
            var record = build(pending.Sha256s);
            var result = await RecordAsync(record, key, cancellationToken);
            await pending.LoggedAsync([result], cancellationToken);
            return (result, record);
        }, cancellationToken);
    }

    /// <summary>
    /// Stores <paramref name="files"/> as evidence, then runs <paramref name="write"/>, which logs the entries citing them
    /// and tells the evidence what was logged (<see cref="PendingEvidence.LoggedAsync"/>). If nothing was logged — the
    /// write failed (a full disk: nothing of a batch is written) or every entry was refused — the files this write stored
    /// are taken back, so no evidence is left that no entry cites. A cancelled write leaves them: whether its batch
    /// committed is not known.
    /// </summary>
    async Task<T> WithEvidenceAsync<T>(IReadOnlyList<ImportFile> files, Func<PendingEvidence, Task<T>> write, CancellationToken cancellationToken)
    {
        var evidence = await PendingEvidence.PutAsync(Evidence, files, cancellationToken);
        T result;
        try
        {
            result = await write(evidence);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await evidence.WithdrawAsync();
            throw;
        }

        await evidence.WithdrawAsync();
        return result;
    }
}
