namespace OutcomeLedger.Host;

/// <summary>How <see cref="ServerHost"/> serves one ledger: what <c>outcomes serve</c>'s options say.</summary>
public sealed record ServeOptions
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>A ledger folder, or a PostgreSQL connection string.</summary>
    public required string Ledger { get; init; }

    /// <summary>Where to listen (<c>--urls</c>); null: <c>ASPNETCORE_URLS</c>, else an appsettings.json, else loopback.</summary>
    public IReadOnlyList<string>? Urls { get; init; }

    /// <summary>Write requests each client address may make per minute.</summary>
    public int WritesPerMinute { get; init; } = 120;

    /// <summary>Signing keys parties delegate to the dashboard's forms: party id → owner-only key file.</summary>
    public IReadOnlyDictionary<string, string> DelegatedKeys { get; init; } = new Dictionary<string, string>();

    /// <summary>A folder of owner-only <c>&lt;party&gt;.key</c> files delegated to the dashboard's forms.</summary>
    public string? DelegatedKeyFolder { get; init; }

    /// <summary>A folder for evidence files, instead of the ledger's own <c>blobs/</c> or (PostgreSQL) its database.</summary>
    public string? EvidenceFolder { get; init; }

    /// <summary>A folder for the dashboard's data-protection keys, instead of the ledger folder's <c>data-protection/</c>.</summary>
    public string? DataProtectionKeys { get; init; }

    /// <summary>A PEM certificate file and its owner-only PEM key file, served by every <c>https://</c> address.</summary>
    public (string Certificate, string Key)? Tls { get; init; }

    /// <summary>Reverse proxies (addresses or networks) whose forwarded client address and scheme are believed.</summary>
    public IReadOnlyList<System.Net.IPNetwork> TrustedProxies { get; init; } = [];

    /// <summary>Every read needs a valid token; reads are public otherwise.</summary>
    public bool Private { get; init; }

    /// <summary>tlog-witnesses every new checkpoint is submitted to, each <c>&lt;url&gt;=&lt;cosignature/v1 verifier key&gt;</c>.</summary>
    public IReadOnlyList<string> Witnesses { get; init; } = [];

    /// <summary>Serve a checkpoint only once this many witnesses cosigned it (0: every checkpoint at once).</summary>
    public int WitnessQuorum { get; init; }

    /// <summary>Serve Prometheus metrics on <c>/metrics</c> (off by default).</summary>
    public bool Metrics { get; init; }

    /// <summary>Readiness fails while entries wait and the latest checkpoint is older than this; null: never judged.</summary>
    public TimeSpan? MaxCheckpointAge { get; init; }

    /// <summary>Log lines to standard error as JSON objects instead of text.</summary>
    public bool JsonLogs { get; init; }

    /// <summary>What is wrong with a <c>&lt;url&gt;=&lt;vkey&gt;</c> witness, or null when it is a witness this server can submit to.</summary>
    public static string? CheckWitness(string text) =>
        Api.Features.Witnesses.LogWitness.TryParse(text, out _, out var error) ? null : error;
}
