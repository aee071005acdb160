using OutcomeLedger.Core.Sequencing;

namespace OutcomeLedger.Api.Submissions;

/// <summary>
/// Where this server hands accepted entries: the in-process batcher of a SQLite ledger, or the shared queue of a
/// PostgreSQL ledger that several servers serve.
/// </summary>
internal interface IEntrySubmitter
{
    /// <summary>Submits an entry and waits for its outcome, given only once it is durable; null when the server is shutting down.</summary>
    Task<SubmitResult?> SubmitAsync(byte[] leaf, CancellationToken cancellationToken);
}
