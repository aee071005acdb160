using OutcomeLedger.Core.Transparency.Notes;

namespace OutcomeLedger.Host;

/// <summary>How <see cref="WitnessHost"/> runs a witness that is not a log: what <c>outcomes witness serve</c>'s options say.</summary>
public sealed record WitnessServeOptions
{
    public const string DefaultUrl = "http://127.0.0.1:5090";

    /// <summary>The witness's cosignature/v1 key; the host owns it from here on.</summary>
    public required SignerKey Key { get; init; }

    /// <summary>The logs it cosigns: their verifier keys, whose names are their origins.</summary>
    public required IReadOnlyList<VerifierKey> Logs { get; init; }

    /// <summary>The folder that keeps the latest checkpoint cosigned for each log.</summary>
    public required string StateFolder { get; init; }

    /// <summary>Where to listen; loopback unless told otherwise.</summary>
    public IReadOnlyList<string> Urls { get; init; } = [DefaultUrl];

    /// <summary>Log lines to standard error as JSON objects instead of text.</summary>
    public bool JsonLogs { get; init; }

    /// <summary>Serve Prometheus metrics on <c>/metrics</c> (off by default).</summary>
    public bool Metrics { get; init; }
}
