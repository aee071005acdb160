using OutcomeLedger.Core.Import;
using OutcomeLedger.Core.Sequencing;
using OutcomeLedger.Core.Storage;

namespace OutcomeLedger.Core.Sessions;

/// <summary>
/// Evidence files stored before the entries that cite them are logged (a file must be there before any entry cites it),
/// and taken back if none of those entries is logged: the append failed (a full disk) or every entry was refused. Once
/// one of them is logged the files stay for good. A file is only ever taken back by the put that wrote it, and only
/// while no other put of the same content came since (<see cref="IBlobStore.WithdrawAsync"/>), so evidence that a
/// logged entry cites, or that another writer is about to cite, is never removed.
/// </summary>
internal sealed class PendingEvidence
{
    readonly IBlobStore _store;
    readonly List<TentativeBlob> _blobs = [];
    bool _kept;

    PendingEvidence(IBlobStore store) => _store = store;

    /// <summary>The files' SHA-256s (lowercase hex), in the order they were given.</summary>
    public IReadOnlyList<string> Sha256s => [.. _blobs.Select(b => b.Sha256)];

    /// <summary>Stores every file, or none: a file that fails (a full disk) takes back the ones stored before it.</summary>
    public static async Task<PendingEvidence> PutAsync(IBlobStore store, IReadOnlyList<ImportFile> files, CancellationToken cancellationToken)
    {
        var pending = new PendingEvidence(store);
        try
        {
            foreach (var file in files)
            {
                await using var content = file.Open();
                pending._blobs.Add(await store.PutTentativeAsync(content, cancellationToken));
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await pending.WithdrawAsync();
            throw;
        }

        return pending;
    }

    /// <summary>Keeps the files for good once any entry of <paramref name="results"/> is logged.</summary>
    public async Task LoggedAsync(IReadOnlyList<SubmitResult> results, CancellationToken cancellationToken)
    {
        if (_kept || !results.Any(r => r.IsLogged))
        {
            return;
        }

        _kept = true;
        foreach (var blob in _blobs)
        {
            try
            {
                await _store.ConfirmAsync(blob, cancellationToken);
            }
#pragma warning disable CA1031 // The entries are logged: a claim left behind only lets this put (which is over) take the file back.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }
    }

    /// <summary>Takes the files back unless an entry citing them was logged; what cannot be taken back stays (an unused file, never a missing one).</summary>
    public async Task WithdrawAsync()
    {
        if (_kept)
        {
            return;
        }

        _kept = true;
        foreach (var blob in _blobs.Where(b => b.Created))
        {
            try
            {
                await _store.WithdrawAsync(blob, CancellationToken.None);
            }
#pragma warning disable CA1031 // The request's own failure is what its caller must see; the file merely stays unused.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }
    }
}
