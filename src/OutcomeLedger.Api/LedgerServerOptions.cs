using OutcomeLedger.Hashing.IpsecMb;

namespace OutcomeLedger.Api;

/// <summary>How <see cref="LedgerServer"/> serves one ledger.</summary>
public sealed class LedgerServerOptions
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>A ledger folder, or a PostgreSQL connection string.</summary>
    public required string Ledger { get; init; }

    /// <summary>
    /// Where to listen (<c>--urls</c>); port 0 picks a free port (tests). Null: <c>ASPNETCORE_URLS</c>, else an
    /// appsettings.json, else loopback (<see cref="ListenAddresses"/>).
    /// </summary>
    public IReadOnlyList<string>? Urls { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Write requests (entries, witness submissions) each client address may make per minute.</summary>
    public int WritesPerMinute { get; init; } = 120;

    /// <summary>Signing keys parties delegate to the dashboard's forms: party id → owner-only key file.</summary>
    public IReadOnlyDictionary<string, string> DelegatedKeys { get; init; } = new Dictionary<string, string>();

    /// <summary>A folder of owner-only <c>&lt;party&gt;.key</c> files delegated to the dashboard's forms.</summary>
    public string? DelegatedKeyFolder { get; init; }

    /// <summary>A folder for evidence files, instead of the ledger's own <c>blobs/</c> or (PostgreSQL) its database.</summary>
    public string? EvidenceFolder { get; init; }

    /// <summary>
    /// Where the keys that protect the dashboard's sign-in cookies and forms are kept, so a restart or a second server
    /// honours them: this folder, else the ledger folder's <c>data-protection/</c> (ASP.NET's per-user default for a
    /// PostgreSQL ledger without one).
    /// </summary>
    public string? DataProtectionKeys { get; init; }

    /// <summary>The certificate every <c>https://</c> address serves (with HSTS); none means HTTPS is not offered.</summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2? Certificate { get; init; }

    /// <summary>
    /// Reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed (addresses or networks): the client's
    /// address for rate limits and whether it came over HTTPS (secure cookies, HSTS). None: those headers are ignored.
    /// </summary>
    public IReadOnlyList<System.Net.IPNetwork> TrustedProxies { get; init; } = [];

    /// <summary>A private ledger: every read needs a valid token (any role); otherwise reads are public.</summary>
    public bool Private { get; init; }

    /// <summary>The largest request body accepted, in bytes.</summary>
    public long MaxRequestBodySize { get; init; } = 128 * 1024;

    /// <summary>
    /// tlog-witnesses every new checkpoint is submitted to (<c>--witness url=vkey</c>), besides those the ledger folder's
    /// <c>witness-urls.txt</c> lists.
    /// </summary>
    public IReadOnlyList<Features.Witnesses.LogWitness> Witnesses { get; init; } = [];

    /// <summary>Serve a checkpoint on <c>/checkpoint</c> only once this many of the witnesses cosigned it; 0: serve every one.</summary>
    public int WitnessQuorum { get; init; }

    /// <summary>How long one request to a witness may take, answer included, before it counts as an outage.</summary>
    public TimeSpan WitnessTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Serve <c>/metrics</c> in the Prometheus text format; off by default (404).</summary>
    public bool Metrics { get; init; }

    /// <summary>
    /// <c>/readyz</c> answers 503 when entries wait and the latest checkpoint was signed longer ago than this: a
    /// sequencer that takes entries but commits nothing. Null: the checkpoint's age is shown, never judged.
    /// </summary>
    public TimeSpan? MaxCheckpointAge { get; init; }

    /// <summary>How the server logs to standard error: plain text lines, or one JSON object a line.</summary>
    public ServerLogFormat LogFormat { get; init; }

    /// <summary>The batch SHA-256 the server hashes with; when null, <see cref="Sha256Choice.FromEnvironment"/> chooses.</summary>
    public Sha256Choice? Sha256 { get; init; }
}
