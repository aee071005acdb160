using OutcomeLedger.Core.Storage;
using OutcomeLedger.Core.Transparency.Hashing;
using OutcomeLedger.Core.Transparency.Notes;

namespace OutcomeLedger.Core.Sessions;

/// <summary>What a <see cref="LedgerSession"/> works on: the ledger's stores and keys, as the storage layer opened them.</summary>
public sealed record LedgerSessionOptions
{
    /// <summary>The log and its projection, in one database.</summary>
    public required ILedgerStore Store { get; init; }

    /// <summary>The evidence files records cite by SHA-256.</summary>
    public required IBlobStore Evidence { get; init; }

    /// <summary>The log's origin (the first line of its checkpoints).</summary>
    public required string Origin { get; init; }

    /// <summary>The key every checkpoint must be signed with.</summary>
    public required VerifierKey LogVerifierKey { get; init; }

    /// <summary>The log's signer, asked for when the first write needs it; null for a session that only reads.</summary>
    public Func<NoteSigner>? LogSigner { get; init; }

    /// <summary>
    /// Called before the session writes (when its sequencer opens, before its projection is rebuilt), perhaps more than
    /// once; throws to refuse the write (a SQLite ledger folder a server holds). Null: no check.
    /// </summary>
    public Action? BeforeWrite { get; init; }

    /// <summary>The SHA-256 that hashes leaves and tiles in batches (.NET's unless the host passes a faster one).</summary>
    public IBatchSha256 Sha256 { get; init; } = PlatformBatchSha256.Instance;

    /// <summary>The clock records are dated by, and the log's clock its sequencer stamps checkpoints with (<see cref="Sequencing.LogTime"/>).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
