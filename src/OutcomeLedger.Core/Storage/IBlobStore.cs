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
}
