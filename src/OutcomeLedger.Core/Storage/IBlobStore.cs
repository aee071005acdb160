namespace OutcomeLedger.Core.Storage;

/// <summary>
/// Evidence files addressed by their SHA-256 (lowercase hex), which records cite instead of the content. A file is
/// written once and checked against its address whenever it is read.
/// </summary>
public interface IBlobStore
{
    /// <summary>The most bytes one file may have.</summary>
    long MaxBlobSize { get; }

    /// <summary>Stores the content (all or nothing) and returns its SHA-256.</summary>
    Task<string> PutAsync(Stream content, CancellationToken cancellationToken);

    /// <summary>The content with this SHA-256, or null when absent; a stored file that no longer matches its address is an error.</summary>
    Task<Stream?> OpenReadAsync(string sha256, CancellationToken cancellationToken);

    Task<bool> ContainsAsync(string sha256, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the content as <see cref="PutAsync"/> does, for entries about to be logged: the result carries a claim when
    /// this put wrote the file. Every put of the same content after it (tentative or not) ends that claim, so
    /// <see cref="WithdrawAsync"/> never removes a file that another writer may cite.
    /// </summary>
    Task<TentativeBlob> PutTentativeAsync(Stream content, CancellationToken cancellationToken);

    /// <summary>Keeps the file for good: entries citing it were logged. Nothing to do for a put that found the file stored.</summary>
    Task ConfirmAsync(TentativeBlob blob, CancellationToken cancellationToken);

    /// <summary>
    /// Takes back a tentative put whose entries were not logged (their append failed, or every one was refused): removes
    /// the file only if this put wrote it and no put of the same content came since, and says whether it did. A file a
    /// logged entry cites is never removed: its writer put it before logging the entry, and that put either found the
    /// file stored, or wrote it and confirmed it, or ended this claim.
    /// </summary>
    Task<bool> WithdrawAsync(TentativeBlob blob, CancellationToken cancellationToken);
}
