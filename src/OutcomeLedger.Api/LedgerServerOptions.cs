namespace OutcomeLedger.Api;

/// <summary>How <see cref="LedgerServer"/> serves one ledger.</summary>
public sealed class LedgerServerOptions
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>A ledger folder, or a PostgreSQL connection string.</summary>
    public required string Ledger { get; init; }

    /// <summary>Where to listen; loopback unless told otherwise. Port 0 picks a free port (tests).</summary>
    public IReadOnlyList<string> Urls { get; init; } = [DefaultUrl];

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Write requests (entries, witness submissions) each client address may make per minute.</summary>
    public int WritesPerMinute { get; init; } = 120;

    /// <summary>A private ledger: every read needs a valid token (any role); otherwise reads are public.</summary>
    public bool Private { get; init; }

    /// <summary>The largest request body accepted, in bytes.</summary>
    public long MaxRequestBodySize { get; init; } = 128 * 1024;
}
